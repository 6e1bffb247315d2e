/**
 * Request arbitraries for one route of the route table, from its own declaration: method and path
 * template, auth and roles, path parameters, query and body schemas (through ./json-schema.ts),
 * server-owned and immutable fields, and the headers the route reads (If-Match, Idempotency-Key).
 * A generated RequestSpec is a plain description; references to stored records (Ref) are resolved
 * when it is sent (./prepare.ts), so a spec shrinks and replays without any server state.
 */
import * as fc from 'fast-check';
import type { RouteDefinition } from '../../../functions/api/routes';
import { ROLES } from '../../../functions/domain/caller';
import { type Site } from '../../../functions/domain/site';
import { sampleSites } from '../../../support/sample-sites';
import {
  acceptLanguages,
  badlyEncoded,
  badPercentEncodings,
  contentTypes,
  garbledAuthorization,
  hostileIds,
  idempotencyKeys,
  ifMatchValues,
  invalidUtf8,
  text,
  utf8AsLatin1,
} from './hostile';
import {
  type Hints,
  hostileValue,
  type JsonSchema,
  jsonSchemaOf,
  propertiesOf,
  resolved,
  type SchemaContext,
  validLooking,
} from './json-schema';
import { BrokenUtf8String, objectPaths, RawJson, stringPaths, updatedAt, valueAt, withKey, withoutKey } from './json-text';

export type RefKind = 'client' | 'foreignClient' | 'receipt' | 'foreignReceipt' | 'clientCursor' | 'foreignClientCursor' | 'siteCursor';
export type Tamper = 'none' | 'flip-data' | 'flip-signature' | 'truncate' | 'append' | 'drop-signature' | 'double-dot';

/** A stored record (or a cursor for one), resolved when the request is sent. */
export class Ref {
  constructor(
    readonly kind: RefKind,
    readonly index = 0,
    readonly tamper: Tamper = 'none',
  ) {}
  [fc.toStringMethod]() {
    return `ref(${this.kind}${this.kind === 'client' ? `#${this.index}` : ''}${this.tamper === 'none' ? '' : `, ${this.tamper}@${this.index}`})`;
  }
}

/** Text written into the URL as is (no percent-encoding added). */
export class RawText {
  constructor(readonly text: string) {}
  [fc.toStringMethod]() {
    return `rawUrlText(${JSON.stringify(this.text.length > 100 ? `${this.text.slice(0, 80)}…(${this.text.length})` : this.text)})`;
  }
}

export type UrlValue = string | Ref | RawText;

export type Auth =
  /** A good token for the fixture's agency with this one group. */
  | { kind: 'token'; role: string }
  /** A good signature, odd claims (each one left out takes the fixture's usual value). */
  | {
      kind: 'claims';
      role: string;
      sub?: string;
      agencyName?: string;
      agencyId?: string;
      groups?: { value: unknown; fits: boolean | undefined };
    }
  | { kind: 'none' }
  /** Authorization exactly this. */
  | { kind: 'header'; value: string }
  | { kind: 'tampered' }
  | { kind: 'expired' }
  | { kind: 'wrong-audience' };

export type ContentTypeChoice = { kind: 'json' | 'other' | 'charset' | 'odd'; value: string } | { kind: 'missing' };

export interface BodySpec {
  value: unknown;
  contentType: ContentTypeChoice;
  /** How the JSON text is turned into bytes (a latin1 or UTF-16 body may go with any declared charset). */
  encoding: 'utf8' | 'utf16le' | 'latin1';
  /** Whitespace added after the JSON text, to reach this many bytes in all (0: none). */
  padTo: number;
  /** Where a broken string was planted, if one was. */
  plantedAt?: (string | number)[];
}

export interface RequestSpec {
  operationId: string;
  method: string;
  params: Record<string, UrlValue>;
  /** Appended to the path: '' normally, else a variant that no route (or another route) serves. */
  suffix: string;
  query: [UrlValue, UrlValue][];
  auth: Auth;
  headers: Record<string, string>;
  idempotencyKey?: { kind: 'fresh' | 'shared' | 'invalid'; value: string };
  ifMatch?: { kind: 'star' | 'first' | 'stale' | 'malformed' | 'list' | 'missing'; value?: string };
  body?: BodySpec;
  /** For a regression-corpus entry (./corpus.ts): when it was found and what it did. */
  corpus?: string;
}

export interface FuzzEnvironment {
  today: string;
}

function weighted<T>(...choices: [number, fc.Arbitrary<T>][]): fc.Arbitrary<T> {
  return fc.oneof(...choices.filter(([weight]) => weight > 0).map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

const activeSites = (): Site[] => sampleSites().filter((site) => site.active);
const inactiveSites = (): Site[] => sampleSites().filter((site) => !site.active);

function siteIds(pattern: string | undefined): fc.Arbitrary<string> {
  return weighted<string>(
    [
      8,
      fc.constantFrom(
        ...activeSites()
          .slice(0, 40)
          .map((site) => site.siteId),
      ),
    ],
    [
      1,
      fc.constantFrom(
        ...inactiveSites()
          .slice(0, 5)
          .map((site) => site.siteId),
      ),
    ],
    [2, pattern ? fc.stringMatching(new RegExp(pattern)) : fc.constant('ON-NO-SUCH-SITE')],
  );
}

// ---------------------------------------------------------------------------------------------
// Auth

/** Agency ids a token may carry that name no agency (refused with 403): nothing may ever be stored under them. */
export const REFUSED_AGENCY_IDS = ['', 'has space', '#agency', 'a'.repeat(65), '-leading', 'é', 'a/b', '..', '{"a":1}'];
const agencyIdsThatAreNot = fc.constantFrom(...REFUSED_AGENCY_IDS);

/** Subjects the contract does not constrain: empty, our key separator, controls, any Unicode, longer than a DynamoDB key. */
const oddSubjects = fc.oneof(
  fc.constantFrom('', ' ', '#', 'AGENCY#x', 'u#1', '\u0000', 'é', '👩‍💼', 'IDEMPOTENCY#x', '__proto__'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom(300, 1100, 3000).map((n) => 'u'.repeat(n)),
  fc.constantFrom(1100, 3000).map((n) => 'é'.repeat(n)),
);

const oddAgencyNames = fc.constantFrom(
  '',
  '   ',
  'x'.repeat(5000),
  'Services d’établissement « Nord »',
  'خدمات الاستقرار',
  '\u0000nul',
  '<b>bold</b>',
  '\uD800',
);

function authFor(route: RouteDefinition, h: number): fc.Arbitrary<Auth> {
  const fitting = [...route.roles];
  const unfit = ROLES.filter((role) => !route.roles.includes(role));
  if (route.auth === 'public') {
    return weighted<Auth>(
      [3, fc.constant({ kind: 'none' })],
      [1, fc.constantFrom(...ROLES).map((role) => ({ kind: 'token', role }))],
      [h, garbledAuthorization.map((value) => ({ kind: 'header', value }))],
    );
  }
  const role = fc.constantFrom(...fitting);
  const groups = fc.oneof(
    role.map((r) => ({ value: [r, 'operator'], fits: true as boolean | undefined })),
    fc.constant({ value: [], fits: false }),
    fc.constant({ value: ['STAFF'], fits: false }),
    role.map((r) => ({ value: r, fits: undefined })),
    role.map((r) => ({ value: `[${r} nobody]`, fits: undefined })),
  );
  // One odd claim at a time, so that each is seen on its own (an agency refused would hide the rest).
  const claims = fc.oneof(
    fc.tuple(role, oddSubjects).map(([r, sub]) => ({ role: r, sub })),
    fc.tuple(role, oddAgencyNames).map(([r, agencyName]) => ({ role: r, agencyName })),
    fc.tuple(role, agencyIdsThatAreNot).map(([r, agencyId]) => ({ role: r, agencyId })),
    fc.tuple(role, groups).map(([r, g]) => ({ role: r, groups: g })),
  );
  // Subjects and agency names the contract leaves open are valid-looking too: they reach the stores.
  const openClaims = fc.oneof(
    fc.tuple(role, oddSubjects).map(([r, sub]) => ({ role: r, sub })),
    fc.tuple(role, oddAgencyNames).map(([r, agencyName]) => ({ role: r, agencyName })),
  );
  return weighted<Auth>(
    [16, role.map((r) => ({ kind: 'token', role: r }))],
    [unfit.length > 0 ? 2 * h : 0, fc.constantFrom(...(unfit.length > 0 ? unfit : ['operator'])).map((r) => ({ kind: 'token', role: r }))],
    [h, fc.constant({ kind: 'none' })],
    [h, garbledAuthorization.map((value) => ({ kind: 'header', value }))],
    [h, fc.constantFrom<Auth>({ kind: 'tampered' }, { kind: 'expired' }, { kind: 'wrong-audience' })],
    [3 * h, claims.map((c) => ({ kind: 'claims', ...c }))],
    [2, openClaims.map((c) => ({ kind: 'claims', ...c }))],
  );
}

// ---------------------------------------------------------------------------------------------
// Path parameters

function paramValues(name: string, schema: JsonSchema, context: SchemaContext, h: number): fc.Arbitrary<UrlValue> {
  const validShape = validLooking(schema, { ...context, hints: undefined }, [name]) as fc.Arbitrary<string>;
  let references: fc.Arbitrary<UrlValue>;
  if (name === 'clientId') {
    references = weighted<UrlValue>(
      [5, fc.integer({ min: 0, max: 2 }).map((i) => new Ref('client', i))],
      [1, fc.constant(new Ref('foreignClient'))],
    );
  } else if (name === 'receiptId') {
    references = weighted<UrlValue>([5, fc.constant(new Ref('receipt'))], [1, fc.constant(new Ref('foreignReceipt'))]);
  } else {
    references = siteIds(schema.pattern);
  }
  const idLike = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ-'), minLength: 1, maxLength: 30 });
  return weighted<UrlValue>(
    [8, references],
    [2, validShape],
    [3 * h, hostileIds],
    [h, badlyEncoded(idLike).map((raw) => new RawText(raw))],
    [h, badPercentEncodings.map((raw) => new RawText(raw))],
    // Valid characters, every one percent-encoded: the same id.
    [
      1,
      validShape.map(
        (value) => new RawText([...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')),
      ),
    ],
    [
      h,
      fc.constantFrom('%00', '%2F', '%2f..%2f', '%0A', '%20', '%EF%BB%BF', '%E2%80%AE', '..', '.', '%2e%2e').map((raw) => new RawText(raw)),
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// Query

function stringOf(value: unknown): UrlValue {
  if (typeof value === 'string' || value instanceof Ref || value instanceof RawText) return value;
  if (value instanceof RawJson) return value.text;
  return JSON.stringify(value) ?? String(value);
}

const unknownParameterNames = fc.constantFrom(
  'colour',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'q[]',
  'limit ',
  'LIMIT',
  'Cursor',
  'a'.repeat(300),
  'é',
  '$where',
  'x.y',
);

function queryFor(route: RouteDefinition, context: SchemaContext, h: number): fc.Arbitrary<[UrlValue, UrlValue][]> {
  const junk = fc.array(
    fc.tuple(
      fc.oneof(unknownParameterNames, fc.string({ maxLength: 10 })),
      fc.oneof(
        fc.string({ maxLength: 10 }),
        badPercentEncodings.map((raw) => new RawText(raw)),
      ),
    ),
    {
      maxLength: 2,
    },
  ) as fc.Arbitrary<[UrlValue, UrlValue][]>;
  if (!route.query) return weighted<[UrlValue, UrlValue][]>([6, fc.constant([])], [h, junk]);
  const schema = jsonSchemaOf(route.query);
  const local: SchemaContext = { ...context, root: schema };
  const { properties } = propertiesOf(schema, schema);
  const names = Object.keys(properties);
  const valid = (validLooking(schema, local) as fc.Arbitrary<Record<string, unknown>>).map((record) =>
    Object.entries(record).map(([name, value]) => [name, stringOf(value)] as [UrlValue, UrlValue]),
  );
  type Pairs = [UrlValue, UrlValue][];
  const mutation = fc.oneof(
    // One parameter against its schema.
    fc
      .constantFrom(...names)
      .chain((name) =>
        hostileValue(properties[name] as JsonSchema, local).map((value) => (pairs: Pairs): Pairs => [
          ...pairs.filter(([n]) => n !== name),
          [name, stringOf(value)],
        ]),
      ),
    // A parameter no route declares.
    fc.tuple(unknownParameterNames, fc.string({ maxLength: 8 })).map(([name, value]) => (pairs: Pairs): Pairs => [...pairs, [name, value]]),
    // The same parameter twice (API Gateway joins them with commas).
    fc
      .constantFrom(...names)
      .chain((name) =>
        (validLooking(properties[name] as JsonSchema, local, [name]) as fc.Arbitrary<unknown>).map((value) => (pairs: Pairs): Pairs => [
          ...pairs,
          [name, stringOf(value)],
          [name, stringOf(value)],
        ]),
      ),
    // A value whose percent-encoding is broken, or a name whose is.
    fc
      .tuple(fc.constantFrom(...names), badlyEncoded(fc.string({ unit: 'grapheme-ascii', maxLength: 8 })))
      .map(([name, raw]) => (pairs: Pairs): Pairs => [...pairs.filter(([n]) => n !== name), [name, new RawText(raw)]]),
    fc
      .tuple(badlyEncoded(fc.constantFrom(...names)), fc.string({ maxLength: 5 }))
      .map(([raw, value]) => (pairs: Pairs): Pairs => [...pairs, [new RawText(raw), value]]),
    // Empty values (the same as absent) and spaces written as '+'.
    fc.constantFrom(...names).map((name) => (pairs: Pairs): Pairs => [...pairs.filter(([n]) => n !== name), [name, '']]),
    fc
      .constantFrom(...names)
      .map((name) => (pairs: Pairs): Pairs => [...pairs.filter(([n]) => n !== name), [name, new RawText('a+b%20c')]]),
  );
  return weighted<Pairs>(
    [5, valid],
    [
      5 * h,
      fc
        .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 2 }))
        .map(([pairs, changes]) => changes.reduce((p, change) => change(p), pairs)),
    ],
  );
}

function queryHints(route: RouteDefinition): Hints {
  if (route.operationId === 'findAnonymousClients') {
    return {
      siteId: siteIds(undefined),
      cursor: weighted<unknown>(
        [4, fc.constant(new Ref('clientCursor'))],
        [
          3,
          fc
            .tuple(
              fc.constantFrom<Tamper>('flip-data', 'flip-signature', 'truncate', 'append', 'drop-signature', 'double-dot'),
              fc.nat(200),
            )
            .map(([tamper, at]) => new Ref('clientCursor', at, tamper)),
        ],
        [1, fc.constant(new Ref('foreignClientCursor'))],
        [1, fc.stringMatching(/^[A-Za-z0-9_-]{1,60}\.[A-Za-z0-9_-]{1,50}$/)],
      ),
      q: weighted<unknown>(
        [3, text(80)],
        [2, fc.constantFrom('arabic', 'interp', 'famil', 'École', 'ecole ste', 'مترجم', 'ar', 'a', '!!!')],
      ),
    };
  }
  if (route.operationId === 'listSites') {
    const sites = activeSites();
    return {
      group: fc.constantFrom(...new Set(sites.slice(0, 200).map((site) => site.group))),
      q: weighted<unknown>(
        [3, fc.constantFrom(...sites.slice(0, 50).map((site) => site.name.split(' ').slice(0, 2).join(' ')))],
        [2, text(60)],
        [1, fc.constantFrom('elemntary', 'st marys', 'ecole', '---', 'a b c d e f g h i j k')],
      ),
      cursor: weighted<unknown>(
        [4, fc.constant(new Ref('siteCursor'))],
        [
          2,
          fc
            .tuple(fc.constantFrom<Tamper>('flip-data', 'truncate', 'append'), fc.nat(200))
            .map(([tamper, at]) => new Ref('siteCursor', at, tamper)),
        ],
        [1, fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/)],
      ),
    };
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Body

const unknownKeys = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'toString',
    'favouriteColour',
    '',
    ' gender',
    'Gender',
    'a/b',
    'm~n',
    '\uD800',
    'é',
    'x'.repeat(500),
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

function schemaAt(schema: JsonSchema, root: JsonSchema, path: readonly (string | number)[]): JsonSchema {
  let current = resolved(schema, root);
  for (const segment of path) {
    current = resolved(typeof segment === 'number' ? (current.items ?? {}) : (current.properties?.[segment] ?? {}), root);
  }
  return current;
}

type BodyMutation = (value: unknown) => fc.Arbitrary<{ value: unknown; plantedAt?: (string | number)[] }>;

function bodyMutations(route: RouteDefinition, schema: JsonSchema, context: SchemaContext): BodyMutation {
  const ownedOrFixed = [...(route.serverOwnedFields ?? []), ...(route.immutableFields ?? [])];
  return (value) => {
    const objects = objectPaths(value);
    const strings = stringPaths(value);
    const choices: fc.Arbitrary<{ value: unknown; plantedAt?: (string | number)[] }>[] = [];
    if (objects.length > 0) {
      const objectPath = fc.constantFrom(...objects);
      // A property against its schema.
      choices.push(
        objectPath.chain((path) => {
          const { properties } = propertiesOf(schemaAt(schema, context.root, path), context.root);
          const names = Object.keys(properties);
          if (names.length === 0) return fc.constant({ value });
          return fc
            .constantFrom(...names)
            .chain((name) =>
              hostileValue(properties[name] as JsonSchema, context).map((bad) => ({ value: updatedAt(value, [...path, name], () => bad) })),
            );
        }),
      );
      // A required (or any) property left out.
      choices.push(
        objectPath.chain((path) => {
          const keys = Object.keys(valueAt(value, path) as object);
          if (keys.length === 0) return fc.constant({ value });
          return fc
            .constantFrom(...keys)
            .map((key) => ({ value: updatedAt(value, path, (object) => withoutKey(object as Record<string, unknown>, key)) }));
        }),
      );
      // A key the schema does not have: unknown, prototype keys, or one the server owns.
      choices.push(
        fc
          .tuple(
            objectPath,
            ownedOrFixed.length > 0 ? fc.oneof(unknownKeys, fc.constantFrom(...ownedOrFixed)) : unknownKeys,
            fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ polluted: true })),
          )
          .map(([path, key, extra]) => ({
            value: updatedAt(value, path, (object) => withKey(object as Record<string, unknown>, key, extra)),
          })),
      );
    }
    if (strings.length > 0) {
      // A string whose UTF-8 is broken, or that holds a lone surrogate.
      choices.push(
        fc.tuple(fc.constantFrom(...strings), invalidUtf8, fc.string({ maxLength: 4 })).map(([path, bytes, after]) => ({
          value: updatedAt(value, path, (old) => new BrokenUtf8String(String(old), bytes, after)),
          plantedAt: path,
        })),
      );
      choices.push(
        fc.tuple(fc.constantFrom(...strings), fc.constantFrom('\uD800', '\uDFFF', '\uDBFF\u0041', '\uDE00\uD83D')).map(([path, lone]) => ({
          value: updatedAt(value, path, (old) => `${String(old)}${lone}`),
          plantedAt: path,
        })),
      );
    }
    return choices.length > 0 ? fc.oneof(...choices) : fc.constant({ value });
  };
}

const brokenDocuments = fc.oneof(
  fc
    .constantFrom(
      '',
      ' ',
      '{',
      '{"gender":',
      'undefined',
      "{'gender':'FEMALE'}",
      '{"a":1}x',
      '{"a":1,}',
      '/* c */{}',
      '\uFEFF{}',
      'null',
      '[]',
      '"text"',
      '0',
      'true',
      '{}',
      '{"arrivalYear":NaN}',
      '{"a":Infinity}',
      '\u0000',
      '{"a":"\\u00"}',
      '{"a":"\\ud800"}',
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
    )
    .map((t) => new RawJson(t)),
  fc.integer({ min: 50, max: 30_000 }).map((n) => new RawJson(`${'['.repeat(n)}${']'.repeat(n)}`)),
  fc.integer({ min: 50, max: 12_000 }).map((n) => new RawJson(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
  fc
    .integer({ min: 50, max: 20_000 })
    .map((n) => new RawJson(`{"comments":${'['.repeat(n)}${']'.repeat(n)},"clients":${'['.repeat(10)}${']'.repeat(10)}}`)),
);

function bodyFor(route: RouteDefinition, context: SchemaContext, h: number): fc.Arbitrary<BodySpec> | undefined {
  if (!route.requestBody) return undefined;
  const schema = jsonSchemaOf(route.requestBody(context.today));
  const local: SchemaContext = { ...context, root: schema, hints: { siteId: siteIds(undefined) } };
  const valid = validLooking(schema, local);
  const mutate = bodyMutations(route, schema, local);
  const value = weighted<{ value: unknown; plantedAt?: (string | number)[] }>(
    [5, valid.map((v) => ({ value: v }))],
    [5 * h, valid.chain(mutate)],
    [h, valid.chain(mutate).chain(({ value: once }) => mutate(once))],
    [h, brokenDocuments.map((v) => ({ value: v }))],
    [
      h,
      fc
        .oneof<fc.Arbitrary<unknown>[]>(
          valid.map((v) => [v]),
          valid.map((v) => new RawJson(duplicateFirstKey(v))),
        )
        .map((v) => ({ value: v })),
    ],
  );
  const contentType = weighted<ContentTypeChoice>(
    [14, contentTypes.json.map((value) => ({ kind: 'json', value }))],
    [h, contentTypes.other.map((value) => ({ kind: 'other', value }))],
    [h, contentTypes.otherCharset.map((value) => ({ kind: 'charset', value }))],
    [h, fc.constant({ kind: 'missing' })],
    [h, contentTypes.odd.map((value) => ({ kind: 'odd', value }))],
  );
  const encoding = weighted<BodySpec['encoding']>([20, fc.constant('utf8')], [h, fc.constantFrom('utf16le', 'latin1')]);
  const padTo = weighted<number>([30, fc.constant(0)], [h, fc.constantFrom(60_000, 65_536, 65_537, 70_000, 1_100_000)]);
  return fc.record({ value, contentType, encoding, padTo }).map(({ value: v, contentType: c, encoding: e, padTo: p }) => ({
    value: v.value,
    contentType: c,
    encoding: e,
    padTo: p,
    ...(v.plantedAt ? { plantedAt: v.plantedAt } : {}),
  }));
}

/** JSON text with the first key written twice, the first time with another value (JSON.parse keeps the last). */
function duplicateFirstKey(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  if (!text.startsWith('{"')) return text;
  const end = text.indexOf('":');
  return `{${text.slice(1, end + 2)}"shadowed",${text.slice(1)}`;
}

// ---------------------------------------------------------------------------------------------
// Headers

const extraHeaders = fc.oneof(
  fc.constant<Record<string, string>>({}),
  fc.constantFrom<Record<string, string>>(
    { 'x-forwarded-for': '1.2.3.4, evil' },
    { cookie: 'a=b; ; =; c' },
    { accept: 'text/csv' },
    { accept: 'application/xml;q=2' },
    { 'accept-encoding': 'gzip, br;q=abc' },
    { 'accept-encoding': '*' },
    { 'if-none-match': '"x", W/"y", *' },
    { 'if-none-match': utf8AsLatin1('"é"') },
    { 'content-encoding': 'gzip' },
    { 'x-amzn-trace-id': 'Root=;;;' },
    { 'x-correlation-id': '../../etc' },
    { 'if-match': 'W/"1"' },
    { 'idempotency-key': 'x'.repeat(300) },
  ),
);

function idempotencyKeyFor(route: RouteDefinition, h: number): fc.Arbitrary<RequestSpec['idempotencyKey']> {
  if (!route.headers?.shape || !('Idempotency-Key' in route.headers.shape)) return fc.constant(undefined);
  return weighted<RequestSpec['idempotencyKey']>(
    [4, fc.constant(undefined)],
    [3, idempotencyKeys.valid.map((value) => ({ kind: 'fresh', value: `fuzz-${value}` }))],
    [1, fc.integer({ min: 0, max: 2 }).map((n) => ({ kind: 'shared', value: `fuzz-shared-${n}` }))],
    [h, idempotencyKeys.invalid.map((value) => ({ kind: 'invalid', value }))],
  );
}

function ifMatchFor(route: RouteDefinition, h: number): fc.Arbitrary<RequestSpec['ifMatch']> {
  if (!route.headers?.shape || !('If-Match' in route.headers.shape)) return fc.constant(undefined);
  return weighted<RequestSpec['ifMatch']>(
    [4, fc.constant({ kind: 'star', value: '*' })],
    [2, fc.constant({ kind: 'first', value: '"1"' })],
    [h, fc.constant({ kind: 'missing' })],
    [h, ifMatchValues.stale.map((value) => ({ kind: 'stale', value }))],
    [2 * h, ifMatchValues.malformed.map((value) => ({ kind: 'malformed', value }))],
    [h, ifMatchValues.lists.map((value) => ({ kind: 'list', value }))],
  );
}

// ---------------------------------------------------------------------------------------------

/**
 * Requests for `route`: two in five valid-looking in every part (references to stored records, fitting
 * roles, JSON bodies of the schema's shape), the others hostile anywhere: auth, path, query, headers, body.
 */
export function requestsFor(route: RouteDefinition, environment: FuzzEnvironment): fc.Arbitrary<RequestSpec> {
  return fc.oneof({ weight: 2, arbitrary: requestsOf(route, environment, 0) }, { weight: 3, arbitrary: requestsOf(route, environment, 1) });
}

/** `h`: 0 for valid-looking requests only, 1 to let hostile choices in. */
function requestsOf(route: RouteDefinition, environment: FuzzEnvironment, h: number): fc.Arbitrary<RequestSpec> {
  const context: SchemaContext = { root: {}, today: environment.today };
  const params: Record<string, fc.Arbitrary<UrlValue>> = {};
  if (route.params) {
    const schema = jsonSchemaOf(route.params);
    for (const [name, property] of Object.entries(propertiesOf(schema, schema).properties)) {
      params[name] = paramValues(name, property, { ...context, root: schema }, h);
    }
  }
  const body = bodyFor(route, context, h);
  const methodAndSuffix = weighted<{ method: string; suffix: string }>(
    [30, fc.constant({ method: route.method, suffix: '' })],
    [h, fc.constantFrom('PUT', 'DELETE').map((method) => ({ method, suffix: '' }))],
    [h, fc.constantFrom('/', '//', '/extra-segment', '.json').map((suffix) => ({ method: route.method, suffix }))],
  );
  return fc
    .record({
      methodAndSuffix,
      params: fc.record(params),
      query: queryFor(route, { ...context, hints: queryHints(route) }, h),
      auth: authFor(route, h),
      acceptLanguage: acceptLanguages,
      extra: h > 0 ? extraHeaders : fc.constant({}),
      idempotencyKey: idempotencyKeyFor(route, h),
      ifMatch: ifMatchFor(route, h),
      body: body ?? fc.constant(undefined),
    })
    .map((parts) => {
      const headers: Record<string, string> = { ...parts.extra };
      if (parts.acceptLanguage !== undefined) headers['accept-language'] = parts.acceptLanguage;
      const spec: RequestSpec = {
        operationId: route.operationId,
        method: parts.methodAndSuffix.method,
        params: parts.params,
        suffix: parts.methodAndSuffix.suffix,
        query: parts.query,
        auth: parts.auth,
        headers,
      };
      if (parts.idempotencyKey) spec.idempotencyKey = parts.idempotencyKey;
      if (parts.ifMatch) spec.ifMatch = parts.ifMatch;
      if (parts.body) spec.body = parts.body;
      return spec;
    });
}
