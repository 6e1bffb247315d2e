/**
 * The search index adapters, built once per process on first use; handlers take them through a
 * getter so a test can hand in adapters with injected faults.
 */
import { documentClient } from '../adapters/dynamodb/document-client';
import { DynamoDbClientSearchIndex, DynamoDbSearchIndexWriter } from '../adapters/dynamodb/search-index';
import type { ClientSearchIndex, SearchIndexWriter } from '../ports/client-search-index';
import { readEnv } from './env';

let index: ClientSearchIndex | undefined;
let writer: SearchIndexWriter | undefined;

export function clientSearchIndex(): ClientSearchIndex {
  index ??= new DynamoDbClientSearchIndex(documentClient(), readEnv('table').TABLE_NAME);
  return index;
}

export function searchIndexWriter(): SearchIndexWriter {
  writer ??= new DynamoDbSearchIndexWriter(documentClient(), readEnv('table').TABLE_NAME);
  return writer;
}
