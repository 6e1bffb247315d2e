/**
 * Sending prepared requests (a few in flight) and judging each answer: never a 5xx or no answer;
 * problem+json on every 4xx; the status and pointers the request's faults call for; and, per batch,
 * the agency's stored items equal to what its 2xx answers say was written (nothing after a 4xx).
 */
import type { ItemCounts } from './fixture';
import type { Prepared } from './prepare';

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  json: unknown;
  headers: Headers;
}

const ANSWER_TIMEOUT_MS = 15_000;

export async function send(baseUrl: string, request: Prepared): Promise<Answer | Error> {
  try {
    const response = await fetch(`${baseUrl}${request.target}`, {
      method: request.method,
      headers: request.headers,
      body: request.body ? new Uint8Array(request.body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, contentType: response.headers.get('content-type'), text, json, headers: response.headers };
  } catch (error) {
    if (!(error instanceof Error)) return new Error(String(error));
    // fetch says only "fetch failed"; the cause says what happened to the connection.
    const cause =
      error.cause instanceof Error ? `: ${(error.cause as Error & { code?: string }).code ?? error.cause.name} ${error.cause.message}` : '';
    return new Error(`${error.message}${cause}`);
  }
}

/** Runs `work` over `items` with at most `limit` in flight, answers in the order of `items`. */
export async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** What is wrong with `answer` to `request` (empty: nothing). */
export function violations(request: Prepared, answer: Answer | Error): string[] {
  if (answer instanceof Error) return [`no answer: ${answer.name}: ${answer.message}`];
  const found: string[] = [];
  const { status } = answer;
  if (status >= 500) found.push(`answered ${status} (5xx)`);
  let errors: { pointer: string; detail: string }[] | undefined;
  if (status >= 400 && status < 500) {
    if (!answer.contentType?.startsWith('application/problem+json'))
      found.push(`a ${status} with content-type ${answer.contentType} (not application/problem+json)`);
    const problem = answer.json as Record<string, unknown> | undefined;
    if (!problem || typeof problem !== 'object' || Array.isArray(problem)) found.push(`a ${status} whose body is not a JSON object`);
    else {
      for (const member of ['type', 'title', 'detail', 'instance'])
        if (!isString(problem[member]) || problem[member] === '') found.push(`a ${status} problem without a "${member}" string`);
      if (problem.status !== status) found.push(`a ${status} problem with "status": ${JSON.stringify(problem.status)}`);
      if (problem.errors !== undefined) {
        const list = problem.errors;
        if (
          !Array.isArray(list) ||
          !list.every((e) => e && isString(e.pointer) && isString(e.detail) && (e.pointer === '' || e.pointer.startsWith('/')))
        ) {
          found.push(`a ${status} problem whose "errors" is not a list of {pointer, detail}: ${JSON.stringify(list).slice(0, 200)}`);
        } else errors = list;
      }
    }
  }
  if (request.uncertainRoute) return found;
  const faults = request.faults.some((f) => f.stage === 'pipeline') ? request.faults.filter((f) => f.stage === 'pipeline') : request.faults;
  if (faults.length > 0 && (status < 400 || status >= 500)) {
    found.push(`answered ${status} to a request that must fail (${faults.map((f) => f.kind).join(', ')})`);
  }
  const only = faults.length === 1 && !request.uncertainFault ? faults[0] : undefined;
  if (only && status >= 400 && status < 500) {
    if (!only.statuses.includes(status))
      found.push(`answered ${status} to a request whose one fault is ${only.kind} (${only.statuses.join(' or ')})`);
    else if (only.pointers && (status === 400 || status === 422)) {
      const named = [...new Set((errors ?? []).map((e) => e.pointer))].sort();
      const wanted = [...only.pointers.values].sort();
      const ok =
        only.pointers.match === 'exact' ? JSON.stringify(named) === JSON.stringify(wanted) : wanted.every((p) => named.includes(p));
      if (!ok)
        found.push(
          `a ${status} for ${only.kind} naming ${JSON.stringify(named)} where ${only.pointers.match === 'exact' ? 'exactly' : 'at least'} ${JSON.stringify(wanted)} is due`,
        );
    }
  }
  return found;
}

/** The items a 2xx answer says were written (a replayed registration writes nothing). */
export function writesOf(request: Prepared, answer: Answer | Error): ItemCounts {
  if (answer instanceof Error || answer.status < 200 || answer.status >= 300) return {};
  const replayed = answer.headers.get('idempotent-replayed') === 'true';
  const body = answer.json as Record<string, unknown> | undefined;
  const keyed = request.headers['idempotency-key'] !== undefined ? 1 : 0;
  switch (request.route.operationId) {
    case 'registerAnonymousClient':
      return replayed ? {} : { ANONYMOUS_CLIENT: 1, IDEMPOTENCY_RECORD: keyed };
    case 'registerAnonymousClientBatch':
      return replayed ? {} : { ANONYMOUS_CLIENT: Array.isArray(body?.items) ? body.items.length : 0, IDEMPOTENCY_RECORD: keyed };
    case 'createReceipt':
      return { RECEIPT: 1, AUDIT_ENTRY: 1 };
    case 'beginSession':
      return { ANONYMOUS_SESSION: 1, AUDIT_ENTRY: 1 };
    default:
      // Edits are counted from versions (versionsSeen): one audit entry per new version.
      return {};
  }
}

/** For edits: the client id and version a 2xx answer shows. */
export function versionSeen(answer: Answer | Error): { clientId: string; version: number } | undefined {
  if (answer instanceof Error || answer.status < 200 || answer.status >= 300) return undefined;
  const body = answer.json as { clientId?: unknown; version?: unknown } | undefined;
  return typeof body?.clientId === 'string' && typeof body.version === 'number'
    ? { clientId: body.clientId, version: body.version }
    : undefined;
}

function printable(text: string, max: number): string {
  const shown = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
  return JSON.stringify(shown);
}

/** The request as a reader can retype it. */
export function describeRequest(request: Prepared): string {
  const headers = Object.entries(request.headers)
    .map(
      ([name, value]) =>
        `  ${name}: ${name === 'authorization' ? `${printable(value, 40)} (${request.spec.auth.kind === 'claims' ? `claims ${JSON.stringify({ ...request.spec.auth }).slice(0, 300)}` : request.spec.auth.kind})` : printable(value, 120)}`,
    )
    .join('\n');
  let body = '';
  if (request.body) {
    const text = request.body.toString('utf8');
    body = `\n  body (${request.body.length} bytes${request.body.equals(Buffer.from(text, 'utf8')) ? '' : ', not valid UTF-8'}): ${printable(text, 400)}`;
  }
  const corpus = request.spec.corpus ? `  corpus: ${request.spec.corpus}\n` : '';
  return `${corpus}${request.method} ${printable(request.target, 300)}\n${headers}${body}\n  faults: ${request.faults.map((f) => f.kind).join(', ') || 'none'}${request.uncertainFault ? ` (uncertain: ${request.uncertainFault})` : ''}`;
}

export function describeAnswer(answer: Answer | Error): string {
  if (answer instanceof Error) return `no answer: ${answer.message}`;
  return `${answer.status} ${answer.contentType ?? ''} ${printable(answer.text, 400)}`;
}
