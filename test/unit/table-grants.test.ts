/**
 * The key layout of the table design and the IAM grants derived from it (table-design.ts,
 * table-grants.ts): every kind's LeadingKeys pattern matches that kind's keys and no other kind's,
 * the keys refuse segments that would break that, and a declaration becomes exactly its actions. The
 * layout, the patterns and the actions are written out here, and patterns are tried with a StringLike
 * matcher of this file's own, so neither a changed key nor a widened pattern passes unnoticed.
 */
import { describe, expect, it } from '@jest/globals';
import { ITEM_KINDS, type ItemKind, keys, type TableAccess } from '../../functions/adapters/dynamodb/table-design';
import { leadingKeysCondition, tableGrantsOf } from '../../functions/adapters/dynamodb/table-grants';
import { expectWithMessage } from '../support/expect-with-message';

/** IAM's StringLike: `*` any run of characters (also none), `?` one character, the rest literal. */
function stringLike(pattern: string, value: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

/** Partition keys of each kind as the service builds them, with awkward but valid ids. */
const KEYS_OF: Record<ItemKind, string[]> = {
  client: [keys.clients('agency-1'), keys.clients('AUDIT'), keys.clientItem('x', 'C1').pk],
  registrations: [keys.agencyRegistrations('agency-1')],
  audit: [keys.auditEntries('agency-1'), keys.auditEntries('CLIENT')],
  receipt: [keys.receipts('agency-1')],
  session: [keys.sessions('agency-1')],
  idempotency: [keys.idempotencyRecords('agency-1')],
  // Site ids and words that spell other kinds' names.
  searchWord: [keys.searchWord('agency-1', 'classes'), keys.searchWord('AUDIT', 'audit'), keys.searchWord('a', 'ça')],
  searchSite: [keys.searchSite('agency-1', 'ON-SCH-000001'), keys.searchSite('agency-1', 'AUDIT'), keys.searchSite('a', 'CLIENT')],
  searchVocabulary: [keys.searchVocabulary('agency-1')],
  reportTally: [
    keys.reportTally('agency-1', 'all'),
    keys.reportTally('agency-1', 'site+gender'),
    keys.reportRetiredTally('TALLIED', 'gender'),
    keys.reportAsOf('agency-1').pk,
  ],
  reportMarker: [keys.reportMarkers('agency-1'), keys.reportMarkers('TALLY')],
  agencyRegistry: [keys.agencyRegistry],
  site: [keys.site('ON-SCH-000001'), keys.site('AGENCY')],
  catalogSummary: [keys.catalogSummary.pk],
};

describe('the key layout', () => {
  it('puts each kind of an agency item in a partition of its own, agency first', () => {
    expect(keys.clientItem('agency-1', 'C1')).toEqual({ pk: 'AGENCY#agency-1#CLIENT#', sk: 'CLIENT#C1' });
    expect(keys.auditEntries('agency-1')).toBe('AGENCY#agency-1#AUDIT#');
    expect(keys.clientAudit('C1', '2026-01-01T00:00:00.000Z', 'E1')).toBe('CLIENT#C1#AUDIT#2026-01-01T00:00:00.000Z#E1');
    expect(keys.clientAuditPrefix('C1')).toBe('CLIENT#C1#AUDIT#');
    expect(keys.receipts('agency-1')).toBe('AGENCY#agency-1#RECEIPT#');
    expect(keys.sessions('agency-1')).toBe('AGENCY#agency-1#SESSION#');
    expect(keys.idempotencyRecords('agency-1')).toBe('AGENCY#agency-1#IDEMPOTENCY#');
    expect(keys.agencyRegistrations('agency-1')).toBe('AGENCY#agency-1#REGISTRATIONS#');
    expect(keys.searchWord('agency-1', 'esl')).toBe('AGENCY#agency-1#WORD#esl');
    expect(keys.searchSite('agency-1', 'S1')).toBe('AGENCY#agency-1#SITE#S1');
    expect(keys.searchVocabulary('agency-1')).toBe('AGENCY#agency-1#VOCABULARY#');
    expect(keys.site('S1')).toBe('SITE#S1');
  });

  it('refuses an agency id that is empty or holds "#", and an id segment that holds "#"', () => {
    expect(() => keys.clients('')).toThrow(/agency id/);
    expect(() => keys.auditEntries('a#AUDIT')).toThrow(/agency id/);
    expect(() => keys.searchWord('a', 'x#AUDIT')).toThrow(/without "#"/);
    expect(() => keys.searchSite('a', 'S#1')).toThrow(/without "#"/);
  });
});

describe('the item kinds and their LeadingKeys patterns', () => {
  it('are these patterns', () => {
    const patterns = Object.fromEntries(Object.entries(ITEM_KINDS).map(([kind, design]) => [kind, design.leadingKeys]));
    expect(patterns).toEqual({
      client: ['AGENCY#*#CLIENT#*'],
      registrations: ['AGENCY#*#REGISTRATIONS#*', 'AGENCY#*#CLIENT#*'],
      audit: ['AGENCY#*#AUDIT#*'],
      receipt: ['AGENCY#*#RECEIPT#*'],
      session: ['AGENCY#*#SESSION#*'],
      idempotency: ['AGENCY#*#IDEMPOTENCY#*'],
      searchWord: ['AGENCY#*#WORD#*'],
      searchSite: ['AGENCY#*#SITE#*'],
      searchVocabulary: ['AGENCY#*#VOCABULARY#*'],
      reportTally: ['AGENCY#*#TALLY#*'],
      reportMarker: ['AGENCY#*#TALLIED#*'],
      agencyRegistry: ['REGISTRY#AGENCIES'],
      site: ['SITE#*'],
      catalogSummary: ['CATALOG'],
    });
  });

  it("match every key of their kind and no key of another kind's", () => {
    const kinds = Object.keys(ITEM_KINDS) as ItemKind[];
    for (const kind of kinds) {
      // gsi1's grant also lists the clients' pattern (ExclusiveStartKey); on the index no key has that form.
      const own = kind === 'registrations' ? ['AGENCY#*#REGISTRATIONS#*'] : ITEM_KINDS[kind].leadingKeys;
      for (const other of kinds) {
        for (const key of KEYS_OF[other]) {
          expectWithMessage(
            own.some((pattern) => stringLike(pattern, key)),
            `${kind} patterns against ${other} key ${key}`,
          ).toBe(kind === other);
        }
      }
    }
  });

  it('never let audit entries be updated, deleted or batch-written, nor anything but the index be batch-written', () => {
    expect(ITEM_KINDS.audit.operations).toEqual(['query', 'put']);
    const batchWritable = Object.entries(ITEM_KINDS)
      .filter(([, design]) => (design.operations as readonly string[]).includes('batchWrite'))
      .map(([kind]) => kind);
    expect(batchWritable).toEqual(['searchWord', 'searchSite', 'searchVocabulary', 'agencyRegistry']);
    expect(ITEM_KINDS.site.operations).toEqual(['get']);
  });
});

describe('tableGrantsOf', () => {
  it('gives one grant per declared kind: its actions, sorted and once each, and its patterns', () => {
    expect(tableGrantsOf({ audit: ['put'], client: ['update', 'get', 'check', 'get'], site: ['get'] })).toEqual([
      {
        kind: 'client',
        actions: ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem'],
        leadingKeys: ['AGENCY#*#CLIENT#*'],
      },
      { kind: 'audit', actions: ['dynamodb:PutItem'], leadingKeys: ['AGENCY#*#AUDIT#*'] },
      { kind: 'site', actions: ['dynamodb:GetItem'], leadingKeys: ['SITE#*'] },
    ]);
  });

  it('maps every operation to its one IAM action', () => {
    const [vocabulary] = tableGrantsOf({ searchVocabulary: ['query', 'batchGet', 'batchWrite', 'update', 'delete'] });
    expect(vocabulary?.actions).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    const [receipt] = tableGrantsOf({ receipt: ['get', 'query', 'put'] });
    expect(receipt?.actions).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
  });

  it('names the index for a kind read through one', () => {
    expect(tableGrantsOf({ registrations: ['query'] })).toEqual([
      { kind: 'registrations', index: 'gsi1', actions: ['dynamodb:Query'], leadingKeys: ['AGENCY#*#REGISTRATIONS#*', 'AGENCY#*#CLIENT#*'] },
    ]);
  });

  it('grants nothing for nothing declared, and refuses what the design does not allow', () => {
    expect(tableGrantsOf({})).toEqual([]);
    expect(() => tableGrantsOf({ audit: ['delete'] } as unknown as TableAccess)).toThrow(/no "delete" on audit/);
    expect(() => tableGrantsOf({ audit: ['update'] } as unknown as TableAccess)).toThrow(/no "update" on audit/);
    expect(() => tableGrantsOf({ client: ['batchWrite'] } as unknown as TableAccess)).toThrow(/no "batchWrite" on client/);
    expect(() => tableGrantsOf({ site: ['put'] } as unknown as TableAccess)).toThrow(/no "put" on site/);
    expect(() => tableGrantsOf({ clients: ['get'] } as unknown as TableAccess)).toThrow(/No item kind "clients"/);
    expect(() => tableGrantsOf({ client: [] })).toThrow(/no operation/);
  });

  it('conditions a grant on every partition key matching, and on there being one', () => {
    expect(leadingKeysCondition(['SITE#*'])).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SITE#*'] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    });
  });
});
