/**
 * The fuzzer's regression corpus: requests that once broke the service (or still do), run before the
 * generated ones on every run (fast-check `examples`), so a fixed seed can never drift away from them.
 * Each entry is one valid request with one thing made hostile; add one for every failure the fuzzer
 * finds, with the date and what it did.
 */
import type { RouteDefinition } from '../../../functions/api/routes';
import { activeSite } from '../../../support/sample-sites';
import { BrokenUtf8String, RawJson } from './json-text';
import { RawText, Ref, type RequestSpec } from './requests';

function validBody(route: RouteDefinition, today: string): Record<string, unknown> | undefined {
  const siteId = activeSite().siteId;
  const registration = { gender: 'FEMALE', registrationDate: today, siteId, comments: 'corpus' };
  switch (route.operationId) {
    case 'registerAnonymousClient':
      return registration;
    case 'registerAnonymousClientBatch':
      return { clients: [registration] };
    case 'editAnonymousClient':
      return { comments: 'corpus edit' };
    case 'beginSession':
      return { sessionType: 'DIRECT_SERVICE', serviceDate: today, siteId, deliveryMethod: 'IN_PERSON' };
    case 'createReceipt':
      return { format: 'csv', language: 'en' };
    default:
      return undefined;
  }
}

/** A valid request to `route`: a fitting role, a stored client (and its receipt), a JSON body. */
function base(route: RouteDefinition, today: string): RequestSpec {
  const params: RequestSpec['params'] = {};
  if (route.path.includes('{clientId}')) params.clientId = new Ref('client', route.path.includes('{receiptId}') ? 0 : 1);
  if (route.path.includes('{receiptId}')) params.receiptId = new Ref('receipt');
  if (route.path.includes('{siteId}')) params.siteId = activeSite().siteId;
  const spec: RequestSpec = {
    operationId: route.operationId,
    method: route.method,
    params,
    suffix: '',
    query: [],
    auth: { kind: 'token', role: route.roles[0] ?? 'staff' },
    headers: {},
  };
  const body = validBody(route, today);
  if (body) spec.body = { value: body, contentType: { kind: 'json', value: 'application/json' }, encoding: 'utf8', padTo: 0 };
  if (route.operationId === 'editAnonymousClient') spec.ifMatch = { kind: 'star', value: '*' };
  return spec;
}

interface Entry {
  /** Found when, and what it did. */
  note: string;
  applies: (route: RouteDefinition) => boolean;
  change: (spec: RequestSpec) => RequestSpec;
}

const hasBody = (route: RouteDefinition) => Boolean(route.requestBody);
const hasClientId = (route: RouteDefinition) => route.path.includes('{clientId}');
const hasQuery = (route: RouteDefinition) => Boolean(route.query);
const registers = (route: RouteDefinition) =>
  route.operationId === 'registerAnonymousClient' || route.operationId === 'registerAnonymousClientBatch';

const withBody = (spec: RequestSpec, value: unknown, plantedAt?: (string | number)[]): RequestSpec => ({
  ...spec,
  body: { ...(spec.body as NonNullable<RequestSpec['body']>), value, ...(plantedAt ? { plantedAt } : {}) },
});

/** The string field of a route's valid body where broken text is planted. */
const textField = (spec: RequestSpec): string =>
  spec.operationId === 'createReceipt' ? 'language' : spec.operationId === 'beginSession' ? 'deliveryMethod' : 'comments';

const ENTRIES: Entry[] = [
  {
    note: '2026-12: JSON nested ~1,800 levels deep overflowed the stack of the (then new) lone-surrogate check of the JSON body: 500',
    applies: hasBody,
    change: (spec) => withBody(spec, new RawJson(`{"comments":${'['.repeat(5000)}${']'.repeat(5000)}}`)),
  },
  {
    note: 'known before the suite: bytes that are not UTF-8 in a string were read as U+FFFD and stored (CONTRACT §3: 400 naming the field)',
    applies: hasBody,
    change: (spec) => {
      const body = spec.body?.value as Record<string, unknown>;
      const field = body.clients ? 'clients' : textField(spec);
      if (field === 'clients') {
        const first = (body.clients as Record<string, unknown>[])[0] as Record<string, unknown>;
        return withBody(spec, { clients: [{ ...first, comments: new BrokenUtf8String('caf', [0xe9], '') }] }, ['clients', 0, 'comments']);
      }
      return withBody(spec, { ...body, [field]: new BrokenUtf8String(String(body[field]), [0xc0, 0xaf], '') }, [field]);
    },
  },
  {
    note: 'known before the suite: a lone surrogate escape ("\\ud800") in a string was stored (CONTRACT §3: 400 naming the field)',
    applies: hasBody,
    change: (spec) => {
      const body = spec.body?.value as Record<string, unknown>;
      if (body.clients) return withBody(spec, { clients: [{ ...(body.clients as Record<string, unknown>[])[0], comments: 'x\uD800' }] });
      return withBody(spec, { ...body, [textField(spec)]: `${String(body[textField(spec)])}\uD800` });
    },
  },
  {
    note: 'known before the suite: a body declared charset=iso-8859-1 was accepted (CONTRACT §3: 415)',
    applies: hasBody,
    change: (spec) => ({
      ...spec,
      body: {
        ...(spec.body as NonNullable<RequestSpec['body']>),
        contentType: { kind: 'charset', value: 'application/json; charset=iso-8859-1' },
      },
    }),
  },
  {
    note: 'known before the suite: a malformed percent-encoding in a path segment made the local gateway answer 500',
    applies: hasClientId,
    change: (spec) => ({ ...spec, params: { ...spec.params, clientId: new RawText('%E0%A4%A') } }),
  },
  {
    note: 'known before the suite: a malformed percent-encoding in a query value was read leniently (CONTRACT §3: 400)',
    applies: () => true,
    change: (spec) => ({ ...spec, query: [['x', new RawText('%FF')]] }),
  },
  {
    note: 'known before the suite: an Idempotency-Key from a user whose subject is 2,200 UTF-8 bytes made a sort key over 1,024 bytes: 500',
    applies: registers,
    change: (spec) => ({
      ...spec,
      auth: { kind: 'claims', role: 'staff', sub: 'é'.repeat(1100) },
      idempotencyKey: { kind: 'fresh', value: 'fuzz-corpus-long-subject' },
    }),
  },
  {
    note: '2026-12: the local gateway built the query on a plain object, so "?__proto__=x" vanished instead of being a 400 naming it',
    applies: hasQuery,
    change: (spec) => ({ ...spec, query: [['__proto__', 'x']] }),
  },
  {
    note: '2026-12: ... and "?toString=" (empty, so absent) became "function toString() { [native code] }," and a 400',
    applies: hasQuery,
    change: (spec) => ({ ...spec, query: [['toString', '']] }),
  },
  {
    note: "2026-12: a request head over 16 KiB (a long query) got Node's bare 431, not problem+json (fixed in the gateway: 400 problem+json)",
    applies: hasQuery,
    change: (spec) => ({ ...spec, query: [['q', 'x'.repeat(20_000)]] }),
  },
];

/** The corpus entries for `route`, each one batch of one request. */
export function corpusFor(route: RouteDefinition, today: string): RequestSpec[][] {
  return ENTRIES.filter((entry) => entry.applies(route)).map((entry) => [{ ...entry.change(base(route, today)), corpus: entry.note }]);
}
