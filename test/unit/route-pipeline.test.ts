import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { route, type RouteId } from '../../functions/api/routes';
import {
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  PreconditionRequiredError,
  UnauthenticatedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
} from '../../functions/domain/errors';
import { problemKindOf } from '../../functions/http/problem';
import { httpRoute, type RouteImplementation } from '../../functions/http/route-pipeline';
import { localLambdaContext } from '../../local/lambda-context';
import { type EventParts, httpEvent, STAFF_CLAIMS } from '../../support/http-events';

beforeAll(() => {
  process.env.SERVICE_VERSION ??= 'test';
  process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'newcomer-intake-test';
});

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: any;
}

/** Runs `implement` behind the real pipeline of route `id`, as Lambda would. */
async function invoke<Id extends RouteId>(
  id: Id,
  parts: EventParts,
  implement: RouteImplementation<any> = async () => ({ status: 200, body: { ok: true } }),
) {
  const handler = httpRoute(route(id), implement);
  const result = (await handler(httpEvent(parts), localLambdaContext(id, 10))) as {
    statusCode: number;
    headers: Record<string, string>;
    body?: string;
  };
  return {
    statusCode: result.statusCode,
    headers: result.headers,
    body: result.body === undefined ? undefined : JSON.parse(result.body),
  } as Answer;
}

const registration = {
  gender: 'FEMALE',
  registrationDate: '2024-03-01',
  siteId: 'ON-SCH-000042',
  postalCode: 'k1p5j9',
  comments: 'Wants French classes',
};

/** Captures what the pipeline writes (Powertools writes its JSON lines to stdout, errors to stderr). */
function captureOutput() {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(capture),
    jest.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('the route pipeline: what the implementation receives', () => {
  it('gives it the caller, and the body as the schema outputs it, beside the body as sent', async () => {
    let received: any;
    const answer = await invoke('registerAnonymousClient', { method: 'POST', body: registration }, async (request) => {
      received = request;
      return { status: 201, body: {} };
    });
    expect(answer.statusCode).toBe(201);
    expect(received.caller).toEqual({ userId: 'staff-7', agencyId: 'agency-a', agencyName: 'Agency A', roles: ['staff'] });
    expect(received.body).toMatchObject({ gender: 'FEMALE', postalCode: 'K1P 5J9', arrivalYear: 'UNKNOWN', immigrationStatus: 'UNKNOWN' });
    expect(received.rawBody).toEqual(registration);
    expect(received.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives it path parameters and query values parsed, an empty query value counting as absent', async () => {
    let received: any;
    await invoke('listSites', { query: { q: '', category: 'SCHOOL,NON_SCHOOL', limit: '5' } }, async (request) => {
      received = request;
      return { status: 200, body: {} };
    });
    expect(received.query).toEqual({ category: ['SCHOOL', 'NON_SCHOOL'], limit: 5 });
    await invoke('getAnonymousClient', { pathParameters: { clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' } }, async (request) => {
      received = request;
      return { status: 200, body: {} };
    });
    expect(received.params).toEqual({ clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' });
  });

  it('gives a public route no caller, even with claims', async () => {
    let received: any;
    await invoke('getHealth', { claims: null }, async (request) => {
      received = request;
      return { status: 200, body: {} };
    });
    expect(received.caller).toBeUndefined();
  });
});

describe('the route pipeline: input it refuses before the implementation runs', () => {
  const never: RouteImplementation<any> = async () => {
    throw new Error('the implementation must not run');
  };

  it.each([
    ['getAnonymousClient', '8,000 characters', { clientId: 'X'.repeat(8000) }, 'No anonymous client with this id in your agency.'],
    ['getAnonymousClient', 'not an id', { clientId: 'not-an-id' }, 'No anonymous client with this id in your agency.'],
    ['getSite', '8,000 characters', { siteId: 'S'.repeat(8000) }, 'No registration site has this id.'],
    ['getSite', 'a path', { siteId: '../etc' }, 'No registration site has this id.'],
    ['getReceipt', 'a short receipt id', { clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA', receiptId: 'short' }, undefined],
  ] as const)('answers %s with %s as a 404, never a store call', async (id, _what, pathParameters, detail) => {
    const answer = await invoke(id, { pathParameters }, never);
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    if (detail) expect(answer.body.detail).toBe(detail);
  });

  it('names each bad query parameter in a 400', async () => {
    const answer = await invoke('listSites', { query: { limit: '0', category: 'PLANET' } }, never);
    expect(answer.statusCode).toBe(400);
    expect(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/category', '/limit']);
  });

  it('refuses a body that is not JSON (400), not application/json (415) or over 64 KiB (413)', async () => {
    const notJson = await invoke('registerAnonymousClient', { method: 'POST', body: '{"gender":' }, never);
    expect(notJson).toMatchObject({ statusCode: 400, body: { errors: [{ pointer: '' }] } });
    const form = await invoke(
      'registerAnonymousClient',
      { method: 'POST', body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      never,
    );
    expect(form.statusCode).toBe(415);
    const large = await invoke(
      'registerAnonymousClient',
      { method: 'POST', body: { ...registration, comments: 'x'.repeat(70_000) } },
      never,
    );
    expect(large.statusCode).toBe(413);
  });

  it('names every bad field of a body, and refuses fields the server owns', async () => {
    const answer = await invoke(
      'registerAnonymousClient',
      { method: 'POST', body: { ...registration, gender: 'NOPE', postalCode: 'Q9Q', agency: 'x' } },
      never,
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/agency', '/gender', '/postalCode']);
    expect(JSON.stringify(answer.body)).not.toContain('Q9Q');
  });

  it('answers 401 without claims and 403 to a role the route does not allow', async () => {
    expect((await invoke('getReferenceData', { claims: null }, never)).statusCode).toBe(401);
    const staffOnHistory = await invoke('getAnonymousClientHistory', { pathParameters: { clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' } }, never);
    expect(staffOnHistory.statusCode).toBe(403);
    const operatorOnClients = await invoke(
      'getAnonymousClient',
      { claims: { ...STAFF_CLAIMS, 'cognito:groups': '[operator]' }, pathParameters: { clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' } },
      never,
    );
    expect(operatorOnClients.statusCode).toBe(403);
  });

  it('checks in order: the caller, then the body, then the declared schemas', async () => {
    const badEverything = { method: 'POST', pathParameters: { clientId: 'bad' }, body: 'a=b', headers: { 'content-type': 'text/plain' } };
    expect((await invoke('beginSession', { ...badEverything, claims: null }, never)).statusCode).toBe(401);
    expect((await invoke('beginSession', badEverything, never)).statusCode).toBe(415);
    expect((await invoke('beginSession', { ...badEverything, body: { sessionType: 'NOPE' }, headers: {} }, never)).statusCode).toBe(404);
    const goodId = {
      ...badEverything,
      pathParameters: { clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' },
      body: { sessionType: 'NOPE' },
      headers: {},
    };
    expect((await invoke('beginSession', goodId, never)).statusCode).toBe(400);
  });
});

describe('the route pipeline: answers', () => {
  const SECURITY_HEADERS = {
    'X-Content-Type-Options': 'nosniff',
    'Strict-Transport-Security': expect.stringContaining('max-age='),
    'Referrer-Policy': 'no-referrer',
  };

  it('puts the security headers on every answer, successes and problems alike', async () => {
    const answers = [
      await invoke('getHealth', { claims: null }),
      await invoke('getReferenceData', { claims: null }),
      await invoke('getAnonymousClient', { pathParameters: { clientId: 'bad' } }),
      await invoke('registerAnonymousClient', { method: 'POST', body: '{' }),
      await invoke('getHealth', { claims: null }, async () => {
        throw new Error('bug');
      }),
      await invoke('getHealth', { claims: null }, async () => {
        throw new DependencyUnavailableError('db down', 3);
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400, 500, 503]);
    for (const answer of answers) expect(answer.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('maps every kind of domain error to its status, and anything else to 500', () => {
    const cases: [unknown, number][] = [
      [new InvalidRequestError([]), 400],
      [new UnauthenticatedError('x'), 401],
      [new ForbiddenError('x'), 403],
      [new NotFoundError('x'), 404],
      [new ConflictError('x'), 409],
      [new PreconditionFailedError('x'), 412],
      [new PayloadTooLargeError('x'), 413],
      [new UnsupportedMediaTypeError('x'), 415],
      [new UnprocessableError('x'), 422],
      [new PreconditionRequiredError('x'), 428],
      [new DependencyUnavailableError('x'), 503],
      [new TypeError('x'), 500],
      ['a string', 500],
    ];
    expect(cases.map(([error]) => problemKindOf(error).status)).toEqual(cases.map(([, status]) => status));
  });

  it('answers an unexpected error with a generic 500 naming the correlation id, and logs it without the request', async () => {
    const output = captureOutput();
    const event = httpEvent({ method: 'POST', body: registration });
    const handler = httpRoute(route('registerAnonymousClient'), async () => {
      throw new TypeError('Cannot read properties of undefined (reading "postalCode")');
    });
    const result = (await handler(event, localLambdaContext('registerAnonymousClient', 10))) as { statusCode: number; body: string };
    output.restore();
    expect(result.statusCode).toBe(500);
    const body = JSON.parse(result.body);
    expect(body.instance).toBe(`urn:newcomer-intake:request:${event.requestContext.requestId}`);
    expect(result.body).not.toContain('postalCode');
    const log = output.lines.join('');
    expect(log).toContain('request failed');
    expect(log).toContain(event.requestContext.requestId);
    for (const secret of ['Wants French classes', 'k1p5j9', 'K1P 5J9']) expect(log).not.toContain(secret);
  });

  it('writes one access-log line per request: route, status and agency, never the body or the query', async () => {
    const output = captureOutput();
    await invoke('registerAnonymousClient', { method: 'POST', body: registration }, async () => ({ status: 201, body: {} }));
    await invoke('listSites', { query: { q: 'zebulon-marker' } });
    output.restore();
    const lines = output.lines.flatMap((chunk) => chunk.split('\n')).filter((line) => line.includes('"message":"request"'));
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ operation: 'registerAnonymousClient', route: '/v1/anonymous-clients', status: 201, agencyId: 'agency-a' }),
      expect.objectContaining({ operation: 'listSites', route: '/v1/sites', status: 200 }),
    ]);
    const log = output.lines.join('');
    for (const secret of ['Wants French classes', 'k1p5j9', 'zebulon-marker']) expect(log).not.toContain(secret);
  });
});

describe('the route pipeline: the language of problems (Accept-Language, through @middy/http-content-negotiation)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR-ca', 'fr'],
    ['fr-FR,fr;q=0.9', 'fr'],
    ['en-CA', 'en'],
    ['en-US,en;q=0.9,fr;q=0.8', 'en'],
    ['fr-CA,fr;q=0.9,en-CA;q=0.8,en;q=0.7', 'fr'],
    ['en;q=0.5, fr;q=0.8', 'fr'],
    ['fr;q=0.5, en;q=0.8', 'en'],
    ['de-DE, fr;q=0.3', 'fr'],
    ['de-DE, es', 'en'],
    ['*', 'en'],
    ['fr;q=0, *', 'en'],
    ['en;q=0, *;q=0.5', 'fr'],
    ['en;q=0', 'en'],
    ['en, fr', 'en'],
    ['fr, en', 'fr'],
    // RFC 9110 allows q from 0 to 1; the negotiator takes a larger number as given (our own parser,
    // before middy, ignored the range), so an out-of-range preference wins: either is allowed for a malformed header.
    ['fr;q=2, en;q=0.1', 'fr'],
    ['fr ; q=0.7 , en ; q=0.6', 'fr'],
  ])('%j answers a problem in %s', async (header, expected) => {
    const answer = await invoke('getReferenceData', { claims: null, headers: header === undefined ? {} : { 'accept-language': header } });
    expect(answer.statusCode).toBe(401);
    expect(answer.headers['content-language']).toBe(expected);
    expect(answer.headers.vary).toBe('Accept-Language');
    expect(answer.body.title).toBe(expected === 'fr' ? 'Authentification requise' : 'Authentication required');
  });
});

describe('the route pipeline: clock', () => {
  it("computes the agency's today from the clock it is given", async () => {
    let received: any;
    const handler = httpRoute(
      route('getReferenceData'),
      async (request) => {
        received = request;
        return { status: 200, body: {} };
      },
      { now: () => new Date('2026-01-01T03:00:00Z') },
    );
    await handler(httpEvent(), localLambdaContext('getReferenceData', 10));
    // 03:00 UTC is still the evening before in Toronto.
    expect(received.today).toBe('2025-12-31');
  });
});
