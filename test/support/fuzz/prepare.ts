/**
 * From a RequestSpec to the bytes sent, and what the answer must be. References are resolved against
 * the fixture; the expectation comes from the route's own zod schemas (the oracle for body, query and
 * path parameters) and from the contract (CONTRACT §2-§3) for what schemas cannot say: tokens and
 * roles, media type and charset, 64 KiB, invalid UTF-8 and lone surrogates, percent-encoding,
 * If-Match, Idempotency-Key, missing records, unknown sites, cursors.
 *
 * A "fault" is one thing wrong with a request. Pipeline faults (docs/handlers.md,
 * steps 6-8, and the gateway's token check) are answered before the implementation runs, so they come
 * first. With one fault the status is known exactly (and for a 400 the pointers); with several, only
 * that it is a 4xx. Where the answer legitimately depends on more than the request (a dot segment
 * that lands on another route, a claim format the contract leaves open) the request is "uncertain"
 * and only the invariants are checked (no 5xx, problem+json on every 4xx).
 */
import { isUtf8 } from 'node:buffer';
import type * as z from 'zod';
import { type RouteDefinition, routes } from '../../../functions/api/routes';
import { sampleSites } from '../../../support/sample-sites';
import type { Seeded } from './fixture';
import { signedToken } from './fixture';
import { hasLoneSurrogate, jsonBytes, loneSurrogatePointers, pointerOf } from './json-text';
import { RawText, Ref, type RequestSpec, type Tamper, type UrlValue } from './requests';

export interface FuzzFixture {
  seeded: Seeded;
  foreign: Seeded;
  siteCursor: string;
  today: string;
}

export interface Fault {
  kind: string;
  stage: 'pipeline' | 'implementation';
  statuses: number[];
  /** For a 400/422 that names fields: the pointers it must name ('exact': all and only these; 'includes': at least these). */
  pointers?: { match: 'exact' | 'includes'; values: string[] };
}

export interface Prepared {
  spec: RequestSpec;
  route: RouteDefinition;
  method: string;
  /** Path and query, exactly as sent. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  faults: Fault[];
  /** Another route may answer (dot segments...): only the invariants hold. */
  uncertainRoute?: string;
  /** Something may or may not be a fault: at least the certain faults hold, no exact status. */
  uncertainFault?: string;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function otherCharacter(ch: string): string {
  const i = ID_ALPHABET.indexOf(ch);
  return ID_ALPHABET[(i + 1) % ID_ALPHABET.length] as string;
}

function replaceAt(text: string, at: number): string {
  return text.slice(0, at) + otherCharacter(text[at] as string) + text.slice(at + 1);
}

function tampered(cursor: string, tamper: Tamper, n: number): string {
  const dot = cursor.indexOf('.');
  const data = dot < 0 ? cursor : cursor.slice(0, dot);
  switch (tamper) {
    case 'none':
      return cursor;
    case 'flip-data':
      return replaceAt(cursor, n % Math.max(1, data.length - 1));
    case 'flip-signature':
      // Not the last character: its low bits may be padding that decoding ignores.
      return dot < 0 || cursor.length - dot < 4 ? replaceAt(cursor, 0) : replaceAt(cursor, dot + 1 + (n % (cursor.length - dot - 2)));
    case 'truncate':
      return cursor.slice(0, 1 + (n % (cursor.length - 1)));
    case 'append':
      return `${cursor}A`;
    case 'drop-signature':
      return data;
    case 'double-dot':
      return `${cursor}.x`;
  }
}

function resolve(value: Ref, fixture: FuzzFixture): string {
  switch (value.kind) {
    case 'client':
      return fixture.seeded.clientIds[value.index % fixture.seeded.clientIds.length] as string;
    case 'foreignClient':
      return fixture.foreign.clientIds[0] as string;
    case 'receipt':
      return fixture.seeded.receiptId;
    case 'foreignReceipt':
      return fixture.foreign.receiptId;
    case 'clientCursor':
      return tampered(fixture.seeded.clientCursor, value.tamper, value.index);
    case 'foreignClientCursor':
      return fixture.foreign.clientCursor;
    case 'siteCursor':
      return tampered(fixture.siteCursor, value.tamper, value.index);
  }
}

/** Strict percent-decoding (what the contract asks for): undefined when the text is badly encoded. */
function strictDecode(raw: string, plusIsSpace: boolean): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return undefined;
  }
}

/** A URL component: its text as sent and its value once decoded (undefined: badly encoded). */
function component(value: UrlValue, fixture: FuzzFixture, plusIsSpace: boolean): { sent: string; decoded: string | undefined } {
  if (value instanceof RawText) return { sent: value.text, decoded: strictDecode(value.text, plusIsSpace) };
  const text = value instanceof Ref ? resolve(value, fixture) : value;
  if (hasLoneSurrogate(text)) {
    // Not encodable as UTF-8: sent as the surrogate's own (invalid) UTF-8 bytes.
    const sent = [...text]
      .map((ch) =>
        hasLoneSurrogate(ch) ? `%ED%${(0xa0 + ((ch.charCodeAt(0) >> 6) & 0x1f)).toString(16).toUpperCase()}%80` : encodeURIComponent(ch),
      )
      .join('');
    return { sent, decoded: undefined };
  }
  return { sent: encodeURIComponent(text), decoded: text };
}

function zodPointers(issues: readonly z.core.$ZodIssue[]): string[] {
  const pointers = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) pointers.add(pointerOf([...issue.path, key]));
    else pointers.add(pointerOf(issue.path));
  }
  return [...pointers].sort();
}

const activeSiteIds = () =>
  new Set(
    sampleSites()
      .filter((site) => site.active)
      .map((site) => site.siteId),
  );

async function authorization(
  spec: RequestSpec,
  fixture: FuzzFixture,
  faults: Fault[],
  note: (reason: string) => void,
): Promise<string | undefined> {
  const route = routeById(spec.operationId);
  const agencyId = fixture.seeded.agencyId;
  const base = { sub: `fuzz-user-${agencyId}`, 'custom:agency_id': agencyId, 'custom:agency_name': `Fuzz ${agencyId}`, token_use: 'id' };
  const isPublic = route.auth === 'public';
  const unauthenticated = () => {
    if (!isPublic) faults.push({ kind: 'token', stage: 'pipeline', statuses: [401] });
  };
  const auth = spec.auth;
  switch (auth.kind) {
    case 'none':
      unauthenticated();
      return undefined;
    case 'header':
      unauthenticated();
      return auth.value;
    case 'tampered': {
      unauthenticated();
      const token = await signedToken({ ...base, 'cognito:groups': ['staff'] });
      const at = token.lastIndexOf('.') + 10;
      return `Bearer ${replaceAt(token, at)}`;
    }
    case 'expired':
      unauthenticated();
      return `Bearer ${await signedToken({ ...base, 'cognito:groups': ['staff'], exp: Math.floor(Date.now() / 1000) - 120 })}`;
    case 'wrong-audience':
      unauthenticated();
      return `Bearer ${await signedToken({ ...base, 'cognito:groups': ['staff'], aud: 'another-app' })}`;
    case 'token':
      if (!isPublic && !(route.roles as readonly string[]).includes(auth.role))
        faults.push({ kind: 'role', stage: 'pipeline', statuses: [403] });
      return `Bearer ${await signedToken({ ...base, 'cognito:groups': [auth.role] })}`;
    case 'claims': {
      const claims: Record<string, unknown> = { ...base, 'cognito:groups': [auth.role] };
      if (auth.sub !== undefined) claims.sub = auth.sub;
      if (auth.agencyName !== undefined) claims['custom:agency_name'] = auth.agencyName;
      if (auth.agencyId !== undefined) claims['custom:agency_id'] = auth.agencyId;
      if (auth.groups !== undefined) claims['cognito:groups'] = auth.groups.value;
      // The contract does not say which subjects and agency names a token may carry: an odd one may be refused (401).
      if (!isPublic && (auth.sub !== undefined || auth.agencyName !== undefined)) note('a subject or agency name the contract leaves open');
      if (!isPublic) {
        // The contract does not say whether a token without a usable subject, agency or group is
        // unauthenticated (401) or forbidden (403); either refuses it.
        if (auth.sub === '') faults.push({ kind: 'claim-sub', stage: 'pipeline', statuses: [401, 403] });
        if (auth.agencyId !== undefined) faults.push({ kind: 'claim-agency', stage: 'pipeline', statuses: [401, 403] });
        if (auth.groups?.fits === false) faults.push({ kind: 'claim-groups', stage: 'pipeline', statuses: [401, 403] });
        if (auth.groups && auth.groups.fits === undefined) note('cognito:groups in a form the contract does not fix');
      }
      return `Bearer ${await signedToken(claims)}`;
    }
  }
}

const BODY_LIMIT = 64 * 1024;
/** Node's default limit on a request line and headers (16 KiB); the margin covers what fetch adds (host, user-agent...). */
const HEAD_LIMIT = 16 * 1024;
const HEAD_MARGIN = 1024;

/** The route that serves `method` and `path` as the gateway matches them (a literal segment wins over a parameter). */
function servingRoute(method: string, path: string): RouteDefinition | undefined {
  const compiled = (routes as readonly RouteDefinition[])
    .map((route) => {
      const names = route.path.match(/\{\w+\}/g) ?? [];
      const source = route.path
        .split('/')
        .map((segment) => (/^\{\w+\}$/.test(segment) ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      return { route, parameters: names.length, pattern: new RegExp(`^${source}$`) };
    })
    .sort((a, b) => a.parameters - b.parameters);
  return compiled.find(({ route, pattern }) => route.method === method && pattern.test(path))?.route;
}

function routeById(operationId: string): RouteDefinition {
  const found = (routes as readonly RouteDefinition[]).find((route) => route.operationId === operationId);
  if (!found) throw new Error(`no route ${operationId}`);
  return found;
}

/** The request as sent, and its faults. */
export async function prepare(spec: RequestSpec, fixture: FuzzFixture): Promise<Prepared> {
  const route = routeById(spec.operationId);
  const faults: Fault[] = [];
  const uncertainFaults: string[] = [];
  const uncertainRoutes: string[] = [];
  const headers: Record<string, string> = { ...spec.headers };
  const readsIfMatch = Boolean(spec.ifMatch);
  const readsIdempotencyKey = Boolean(route.headers?.shape && 'Idempotency-Key' in route.headers.shape);
  if (readsIfMatch) delete headers['if-match'];
  if (readsIdempotencyKey) delete headers['idempotency-key'];

  // Path.
  const decodedParams: Record<string, string> = {};
  let pathEncodingFault = false;
  const path =
    route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const { sent, decoded } = component(spec.params[name] ?? '', fixture, false);
      if (decoded === undefined) pathEncodingFault = true;
      else decodedParams[name] = decoded;
      if (/^(\.|%2e){1,2}$/i.test(sent)) uncertainRoutes.push('a dot segment, which URL parsing removes');
      if (route.operationId === 'getSite' && (decoded === 'tree' || decoded === 'index'))
        uncertainRoutes.push('a site id that is another route');
      return sent;
    }) + spec.suffix;

  // Query.
  const sentPairs: string[] = [];
  const decodedQuery: Record<string, string> = Object.create(null);
  let queryEncodingFault = false;
  for (const [name, value] of spec.query) {
    const n = component(name, fixture, true);
    const v = component(value, fixture, true);
    sentPairs.push(`${n.sent}=${v.sent}`);
    if (n.decoded === undefined || v.decoded === undefined) {
      queryEncodingFault = true;
      continue;
    }
    decodedQuery[n.decoded] = n.decoded in decodedQuery ? `${decodedQuery[n.decoded]},${v.decoded}` : v.decoded;
  }
  const target = sentPairs.length > 0 ? `${path}?${sentPairs.join('&')}` : path;

  let noRoute = false;
  if (spec.method !== route.method || spec.suffix !== '') {
    const other = servingRoute(spec.method, path);
    if (other) uncertainRoutes.push(`${other.operationId} serves ${spec.method} ${path.slice(0, 80)}`);
    else noRoute = true;
  }
  const authHeader = await authorization(spec, fixture, faults, (reason) => uncertainFaults.push(reason));
  if (authHeader !== undefined) headers.authorization = authHeader;

  // Headers the route reads.
  if (spec.idempotencyKey) {
    headers['idempotency-key'] = spec.idempotencyKey.value;
    if (spec.idempotencyKey.kind === 'invalid') faults.push({ kind: 'idempotency-key', stage: 'implementation', statuses: [400] });
  }
  if (spec.ifMatch && spec.ifMatch.kind !== 'missing') headers['if-match'] = spec.ifMatch.value as string;
  if (spec.ifMatch?.kind === 'missing') faults.push({ kind: 'if-match-missing', stage: 'implementation', statuses: [428] });
  if (spec.ifMatch?.kind === 'malformed') faults.push({ kind: 'if-match-malformed', stage: 'implementation', statuses: [412] });
  if (spec.ifMatch?.kind === 'list') uncertainFaults.push('an If-Match list');
  if (spec.ifMatch?.kind === 'first') uncertainFaults.push('If-Match "1", stale once the client was edited');

  // Body.
  let body: Buffer | undefined;
  let parsedBody: unknown;
  let bodyValid = false;
  if (spec.body) {
    let bytes = jsonBytes(spec.body.value);
    if (spec.body.encoding !== 'utf8') bytes = Buffer.from(bytes.toString('utf8'), spec.body.encoding);
    if (spec.body.padTo > bytes.length) bytes = Buffer.concat([bytes, Buffer.alloc(spec.body.padTo - bytes.length, 0x20)]);
    body = bytes;
    const contentType = spec.body.contentType;
    if (contentType.kind !== 'missing') headers['content-type'] = contentType.value;
    if (contentType.kind === 'missing' || contentType.kind === 'other')
      faults.push({ kind: 'media-type', stage: 'pipeline', statuses: [415] });
    if (contentType.kind === 'charset') faults.push({ kind: 'charset', stage: 'pipeline', statuses: [415] });
    if (contentType.kind === 'odd') uncertainFaults.push('an unusual Content-Type');
    if (bytes.length > BODY_LIMIT) faults.push({ kind: 'too-large', stage: 'pipeline', statuses: [413] });
    if (!isUtf8(bytes)) {
      const planted =
        spec.body.plantedAt && spec.body.encoding === 'utf8'
          ? { match: 'includes' as const, values: [pointerOf(spec.body.plantedAt)] }
          : undefined;
      faults.push({ kind: 'invalid-utf8', stage: 'pipeline', statuses: [400], ...(planted ? { pointers: planted } : {}) });
    }
    try {
      parsedBody = JSON.parse(bytes.toString('utf8'));
      const lone = loneSurrogatePointers(parsedBody);
      if (lone.length > 0)
        faults.push({ kind: 'lone-surrogate', stage: 'pipeline', statuses: [400], pointers: { match: 'includes', values: lone } });
      const result = route.requestBody?.(fixture.today).safeParse(parsedBody);
      if (result && !result.success)
        faults.push({
          kind: 'body',
          stage: 'pipeline',
          statuses: [400],
          pointers: { match: 'exact', values: zodPointers(result.error.issues) },
        });
      bodyValid = Boolean(result?.success);
    } catch (error) {
      if (error instanceof RangeError) uncertainFaults.push('JSON nested deeper than a parser may go');
      else faults.push({ kind: 'not-json', stage: 'pipeline', statuses: [400], pointers: { match: 'exact', values: [''] } });
    }
  }

  // Path parameters and query, by the route's schemas.
  let paramsValid = true;
  if (route.params) {
    if (pathEncodingFault) {
      faults.push({ kind: 'path-encoding', stage: 'pipeline', statuses: [400, 404] });
      paramsValid = false;
    } else if (!route.params.safeParse(decodedParams).success) {
      faults.push({ kind: 'path-id', stage: 'pipeline', statuses: [404] });
      paramsValid = false;
    }
  }
  // A badly percent-encoded query is a malformed request whatever the route reads (CONTRACT §3).
  if (queryEncodingFault) faults.push({ kind: 'query-encoding', stage: 'pipeline', statuses: [400] });
  let query: Record<string, unknown> | undefined;
  if (route.query) {
    if (!queryEncodingFault) {
      const present = Object.fromEntries(Object.entries(decodedQuery).filter(([, value]) => value !== ''));
      const result = route.query.safeParse(present);
      if (!result.success)
        faults.push({
          kind: 'query',
          stage: 'pipeline',
          statuses: [400],
          pointers: { match: 'exact', values: zodPointers(result.error.issues) },
        });
      else query = result.data as Record<string, unknown>;
    }
  }

  // What the implementation finds.
  const clientId = decodedParams.clientId;
  const clientExists = clientId !== undefined && fixture.seeded.clientIds.includes(clientId);
  if (paramsValid && route.params) {
    const receiptExists =
      decodedParams.receiptId === undefined ||
      (decodedParams.receiptId === fixture.seeded.receiptId && clientId === fixture.seeded.clientIds[0]);
    if (clientId !== undefined && (!clientExists || !receiptExists))
      faults.push({ kind: 'missing', stage: 'implementation', statuses: [404] });
    if (spec.ifMatch?.kind === 'stale' && clientExists) faults.push({ kind: 'if-match-stale', stage: 'implementation', statuses: [412] });
  }
  if (
    bodyValid &&
    spec.idempotencyKey?.kind !== 'shared' &&
    ['registerAnonymousClient', 'registerAnonymousClientBatch', 'editAnonymousClient'].includes(route.operationId)
  ) {
    const active = activeSiteIds();
    const parsed = parsedBody as { siteId?: string; clients?: { siteId: string }[] };
    const sites: [string, string | undefined][] = parsed.clients
      ? parsed.clients.map((c, i) => [`/clients/${i}/siteId`, c.siteId])
      : [['/siteId', parsed.siteId]];
    const unusable = sites.filter(([, siteId]) => siteId !== undefined && !active.has(siteId)).map(([pointer]) => pointer);
    if (unusable.length > 0)
      faults.push({ kind: 'site', stage: 'implementation', statuses: [422], pointers: { match: 'exact', values: unusable } });
  }
  if (query && 'cursor' in query && query.cursor !== undefined)
    cursorFaults(route, query, fixture, faults, (reason) => uncertainFaults.push(reason));

  // A request line and headers over the HTTP server's limit cannot be read at all: nothing else counts.
  const head =
    Buffer.byteLength(`${spec.method} ${target} HTTP/1.1\r\n`) +
    Object.entries(headers).reduce((n, [k, v]) => n + k.length + Buffer.byteLength(v, 'latin1') + 4, 0);
  const oversized = head > HEAD_LIMIT + HEAD_MARGIN;
  if (!oversized && head > HEAD_LIMIT - HEAD_MARGIN) uncertainRoutes.push('a request head near the HTTP server limit');
  const prepared: Prepared = {
    spec,
    route,
    method: spec.method,
    target,
    headers,
    faults: oversized
      ? [{ kind: 'oversized-head', stage: 'pipeline', statuses: [400, 414, 431] }]
      : noRoute
        ? [{ kind: 'no-route', stage: 'pipeline', statuses: [404, 405] }]
        : faults,
  };
  if (body && !['GET', 'HEAD'].includes(spec.method)) prepared.body = body;
  if (uncertainRoutes.length > 0) prepared.uncertainRoute = uncertainRoutes.join('; ');
  if (uncertainFaults.length > 0) prepared.uncertainFault = uncertainFaults.join('; ');
  return prepared;
}

function cursorFaults(
  route: RouteDefinition,
  query: Record<string, unknown>,
  fixture: FuzzFixture,
  faults: Fault[],
  note: (reason: string) => void,
) {
  const cursor = query.cursor as string;
  const cursorFault: Fault = {
    kind: 'cursor',
    stage: 'implementation',
    statuses: [400],
    pointers: { match: 'exact', values: ['/cursor'] },
  };
  if (route.operationId === 'findAnonymousClients') {
    if (cursor !== fixture.seeded.clientCursor) return void faults.push(cursorFault);
    if (query.siteId !== undefined || query.from !== undefined || query.to !== undefined) return void faults.push(cursorFault);
    if (typeof query.q === 'string') {
      if (/\p{L}/u.test(query.q)) faults.push(cursorFault);
      else note('a cursor with a q that has no words');
    }
    return;
  }
  if (cursor !== fixture.siteCursor) return note('an edited site cursor (not signed: it may still decode)');
  if (query.category !== undefined || query.group !== undefined) return void faults.push(cursorFault);
  if (typeof query.q === 'string') {
    if (/[\p{L}\p{N}]/u.test(query.q)) faults.push(cursorFault);
    else note('a site cursor with a q that has no letters or digits');
  }
}
