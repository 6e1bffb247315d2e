/**
 * From what a function declares it does to the table (a `TableAccess`: per item kind, its operations)
 * to the IAM grants it needs: per kind, the actions, on the table (or the index the kind is read
 * through), limited by `dynamodb:LeadingKeys` to that kind's partition keys (table-design.ts). The CDK
 * stack turns each grant into one policy statement (lib/api-function.ts); this module has no CDK in it
 * so it can be tested on its own.
 *
 * The condition is `ForAllValues:StringLike` on `dynamodb:LeadingKeys` (every partition key a request
 * names must match a pattern: a BatchGetItem or BatchWriteItem is refused whole if one key is of
 * another kind), with `Null: false` beside it, because `ForAllValues` is also true of a request that
 * carries no partition key at all (a Scan); no grant here allows one, and the Null check keeps it so.
 */
import { ITEM_KINDS, type ItemKind, type TableAccess, type TableOperation } from './table-design';

export const OPERATION_ACTIONS: Record<TableOperation, string> = {
  get: 'dynamodb:GetItem',
  batchGet: 'dynamodb:BatchGetItem',
  query: 'dynamodb:Query',
  check: 'dynamodb:ConditionCheckItem',
  put: 'dynamodb:PutItem',
  update: 'dynamodb:UpdateItem',
  delete: 'dynamodb:DeleteItem',
  batchWrite: 'dynamodb:BatchWriteItem',
};

export interface TableGrant {
  /** The kind this grant is for. */
  kind: ItemKind;
  /** Absent: the table itself; otherwise the name of the secondary index. */
  index?: string;
  /** IAM actions, sorted, without repeats. */
  actions: string[];
  /** The `dynamodb:LeadingKeys` patterns the partition keys must match. */
  leadingKeys: string[];
}

/** The IAM condition every table grant carries (see the module comment). */
export function leadingKeysCondition(patterns: readonly string[]): Record<string, Record<string, unknown>> {
  return {
    'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] },
    Null: { 'dynamodb:LeadingKeys': 'false' },
  };
}

/**
 * One grant per declared kind, in the order of ITEM_KINDS. Throws on an operation the table design
 * does not allow on that kind (the types already refuse it; this holds for untyped callers too), and
 * on a kind declared with no operation (a declaration that grants nothing is a mistake).
 */
export function tableGrantsOf(access: TableAccess): TableGrant[] {
  const declared = access as Partial<Record<ItemKind, readonly TableOperation[]>>;
  for (const kind of Object.keys(declared)) {
    if (!(kind in ITEM_KINDS)) throw new Error(`No item kind "${kind}" in the table design`);
  }
  const grants: TableGrant[] = [];
  for (const kind of Object.keys(ITEM_KINDS) as ItemKind[]) {
    const operations = declared[kind];
    if (operations === undefined) continue;
    if (operations.length === 0) throw new Error(`Item kind "${kind}" is declared with no operation`);
    const design = ITEM_KINDS[kind] as { leadingKeys: readonly string[]; index?: string; operations: readonly TableOperation[] };
    for (const operation of operations) {
      if (!design.operations.includes(operation)) {
        throw new Error(`The table design allows no "${operation}" on ${kind} items (allowed: ${design.operations.join(', ')})`);
      }
    }
    grants.push({
      kind,
      ...(design.index ? { index: design.index } : {}),
      actions: [...new Set(operations.map((operation) => OPERATION_ACTIONS[operation]))].sort(),
      leadingKeys: [...design.leadingKeys],
    });
  }
  return grants;
}
