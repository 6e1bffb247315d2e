/**
 * AgencyRegistry on DynamoDB: one small item per agency in one fixed partition,
 *
 * | item | pk | sk | other attributes |
 * | agency registration | `REGISTRY#AGENCIES` | `AGENCY#<agencyId>` | `entity=AGENCY`, `agencyId` |
 *
 * so the agencies are one Query (retention lists them once a day). The comment indexer writes an
 * agency's item when it first sees one of its clients in this process (then remembers it in memory),
 * so the partition takes about one write per agency per cold start. Holds ids only.
 */
import { type DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { AgencyRegistry } from '../../ports/agency-registry';
import { withStorageErrors } from './errors';
import { batchWrite } from './search-index';
import { keys } from './table-design';

export const AGENCY_ENTITY = 'AGENCY';

/** The registry's partition (table-design.ts) and each agency's sort key there. */
export const agencyRegistryKeys = {
  partition: keys.agencyRegistry,
  agency: (agencyId: string) => `AGENCY#${agencyId}`,
} as const;

export function agencyRegistryItem(agencyId: string) {
  return { pk: agencyRegistryKeys.partition, sk: agencyRegistryKeys.agency(agencyId), entity: AGENCY_ENTITY, agencyId };
}

export class DynamoDbAgencyRegistry implements AgencyRegistry {
  /** Agencies this process has already written (or read): not written again. */
  private readonly known = new Set<string>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async remember(agencyIds: readonly string[]): Promise<void> {
    const fresh = [...new Set(agencyIds)].filter((id) => !this.known.has(id));
    if (fresh.length === 0) return;
    await batchWrite(this.db, this.tableName, fresh.map(agencyRegistryItem));
    for (const id of fresh) this.known.add(id);
  }

  async list(): Promise<string[]> {
    const agencies: string[] = [];
    await withStorageErrors('list agencies', async () => {
      const pages = paginateQuery(
        { client: this.db },
        {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': agencyRegistryKeys.partition },
          ProjectionExpression: 'agencyId',
          ConsistentRead: true,
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) agencies.push(item.agencyId as string);
    });
    for (const id of agencies) this.known.add(id);
    return agencies;
  }
}
