/**
 * The storage adapters a handler needs, built once per process on first use. Handlers receive them
 * through a getter, so a test can hand a handler adapters with injected faults.
 */
import { cachedSiteCatalog } from '../adapters/cached-site-catalog';
import { DynamoDbClientStore } from '../adapters/dynamodb/client-store';
import { documentClient } from '../adapters/dynamodb/document-client';
import { DynamoDbSessionStore } from '../adapters/dynamodb/session-store';
import { DynamoDbSiteCatalog } from '../adapters/dynamodb/site-catalog';
import type { ClientStore } from '../ports/client-store';
import type { SessionStore } from '../ports/session-store';
import type { SiteCatalog } from '../ports/site-catalog';
import { readEnv } from './env';

export interface StorageDependencies {
  clients: ClientStore;
  sessions: SessionStore;
  sites: SiteCatalog;
}

let built: StorageDependencies | undefined;

export function storageDependencies(): StorageDependencies {
  if (!built) {
    const config = readEnv('table');
    const db = documentClient();
    built = {
      clients: new DynamoDbClientStore(db, config.TABLE_NAME),
      sessions: new DynamoDbSessionStore(db, config.TABLE_NAME),
      sites: cachedSiteCatalog(new DynamoDbSiteCatalog(db, config.TABLE_NAME), config.SITE_CACHE_SECONDS * 1000),
    };
  }
  return built;
}
