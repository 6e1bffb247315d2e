/** The site catalog on DynamoDB: one item per site, keyed by site id (sites are shared by all agencies). */
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { Site } from '../../domain/site';
import type { SiteCatalog, SiteCatalogWriter } from '../../ports/site-catalog';
import { withStorageErrors } from './errors';
import { keys } from './table-design';
import { untilAllProcessed } from './unprocessed';

const SITE_ENTITY = 'SITE';
const BATCH_SIZE = 25;
const PARALLEL_BATCHES = 4;
const SITE_FIELDS = ['siteId', 'name', 'category', 'group', 'address', 'city', 'postalCode', 'active'] as const;

export class DynamoDbSiteCatalog implements SiteCatalog, SiteCatalogWriter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(siteId: string): Promise<Site | undefined> {
    const { Item } = await withStorageErrors('read site', () =>
      this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: keys.site(siteId), sk: keys.siteItem } })),
    );
    if (!Item) return undefined;
    const { siteId: id, name, category, group, address, city, postalCode, active } = Item as Site;
    return { siteId: id, name, category, group, address, city, postalCode, active };
  }

  async putAll(sites: Site[], onProgress?: (written: number) => void): Promise<void> {
    const batches: Site[][] = [];
    for (let i = 0; i < sites.length; i += BATCH_SIZE) batches.push(sites.slice(i, i + BATCH_SIZE));
    let written = 0;
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++] as Site[];
        await this.writeBatch(batch);
        written += batch.length;
        onProgress?.(written);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_BATCHES }, worker));
  }

  /** A filtered Scan projecting site fields only (client items are read by the scan but never returned). */
  async allSites(): Promise<Site[]> {
    const sites: Site[] = [];
    await withStorageErrors('read sites', async () => {
      const pages = paginateScan(
        { client: this.db },
        {
          TableName: this.tableName,
          FilterExpression: '#entity = :site',
          // Every name aliased: several (name, group, ...) are DynamoDB reserved words.
          ProjectionExpression: SITE_FIELDS.map((field) => `#${field}`).join(', '),
          ExpressionAttributeNames: { ...Object.fromEntries(SITE_FIELDS.map((field) => [`#${field}`, field])), '#entity': 'entity' },
          ExpressionAttributeValues: { ':site': SITE_ENTITY },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const { siteId, name, category, group, address, city, postalCode, active } = item as Site;
          sites.push({ siteId, name, category, group, address, city, postalCode, active });
        }
      }
    });
    return sites;
  }

  async loadedSiteCount(): Promise<number> {
    const { Item } = await withStorageErrors('read the site catalog summary', () =>
      this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.catalogSummary, ConsistentRead: true })),
    );
    return (Item?.siteCount as number | undefined) ?? 0;
  }

  async markLoaded(siteCount: number, source: string): Promise<void> {
    await this.writeBatchItems([
      { ...keys.catalogSummary, entity: 'CATALOG_SUMMARY', siteCount, source, loadedAt: new Date().toISOString() },
    ]);
  }

  private writeBatch(sites: Site[]): Promise<void> {
    return this.writeBatchItems(sites.map((site) => ({ pk: keys.site(site.siteId), sk: keys.siteItem, entity: SITE_ENTITY, ...site })));
  }

  private async writeBatchItems(items: Record<string, unknown>[]): Promise<void> {
    await untilAllProcessed(
      'write sites',
      items.map((Item) => ({ PutRequest: { Item } })),
      async (pending) => {
        const response = await withStorageErrors('write sites', () =>
          this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } })),
        );
        return response.UnprocessedItems?.[this.tableName] as typeof pending | undefined;
      },
    );
  }
}
