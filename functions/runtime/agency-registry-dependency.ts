/**
 * The agency registry, built once per process on first use: written by the comment indexer, read by
 * retention. Its own module so the indexer's bundle carries no S3 client.
 */
import { DynamoDbAgencyRegistry } from '../adapters/dynamodb/agency-registry';
import { documentClient } from '../adapters/dynamodb/document-client';
import type { AgencyRegistry } from '../ports/agency-registry';
import { readEnv } from './env';

let registry: AgencyRegistry | undefined;

export function agencyRegistry(): AgencyRegistry {
  registry ??= new DynamoDbAgencyRegistry(documentClient(), readEnv('table').TABLE_NAME);
  return registry;
}
