/**
 * The JSON body step of the route pipeline on request text (CONTRACT §3): UTF-8 only, declared or
 * not; bytes that are not UTF-8 and strings that are not well-formed Unicode are named, never stored.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { route } from '../../functions/api/routes';
import { httpRoute, type RouteImplementation } from '../../functions/http/route-pipeline';
import { localLambdaContext } from '../../local/lambda-context';
import { type EventParts, httpEvent } from '../../support/http-events';

beforeAll(() => {
  process.env.SERVICE_VERSION ??= 'test';
  process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'newcomer-intake-test';
});

const registration = {
  gender: 'FEMALE',
  registrationDate: '2024-03-01',
  siteId: 'ON-SCH-000042',
  postalCode: 'K1P 5J9',
  comments: 'Wants French classes',
};

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: any;
}

/** POST /v1/anonymous-clients behind the real pipeline; `received` is the body the implementation got. */
async function post(parts: EventParts & { base64?: Uint8Array }) {
  let received: unknown;
  const implement: RouteImplementation<any> = async (request) => {
    received = request.rawBody;
    return { status: 201, body: {} };
  };
  const event = httpEvent({ method: 'POST', ...parts, headers: { 'content-type': 'application/json', ...parts.headers } });
  if (parts.base64) Object.assign(event, { body: Buffer.from(parts.base64).toString('base64'), isBase64Encoded: true });
  const handler = httpRoute(route('registerAnonymousClient'), implement);
  const result = (await handler(event, localLambdaContext('registerAnonymousClient', 10))) as {
    statusCode: number;
    headers: Record<string, string>;
    body?: string;
  };
  const answer: Answer = {
    statusCode: result.statusCode,
    headers: result.headers,
    body: result.body === undefined ? undefined : JSON.parse(result.body),
  };
  return { answer, received };
}

/** `text` as UTF-8 with the raw bytes `bad` put where `@@` stands. */
function bytesWith(text: string, bad: number[]): Uint8Array {
  const [before = '', after = ''] = text.split('@@');
  return Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]);
}

const pointers = (answer: Answer) => (answer.body.errors as { pointer: string }[]).map((e) => e.pointer).sort();

describe('the JSON body: charset', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'application/json; charset="utf-8"',
    'Application/JSON; Charset=utf8',
  ])('takes %s', async (contentType) => {
    const { answer, received } = await post({ body: registration, headers: { 'content-type': contentType } });
    expect(answer.statusCode).toBe(201);
    expect(received).toEqual(registration);
  });

  it.each([
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; charset="ISO-8859-1"',
    'application/json; charset=',
    'application/json; charset=utf-8; charset=utf-16',
  ])("answers 415 to %s, in the caller's language", async (contentType) => {
    const { answer, received } = await post({ body: registration, headers: { 'content-type': contentType } });
    expect(answer.statusCode).toBe(415);
    expect(answer.body.detail).toBe('Send the body in UTF-8: a charset parameter, if any, must be utf-8.');
    expect(received).toBeUndefined();
    const french = await post({ body: registration, headers: { 'content-type': contentType, 'accept-language': 'fr-CA' } });
    expect(french.answer.body.detail).toBe('Envoyez le corps en UTF-8\u00a0: le paramètre charset, s’il est présent, doit valoir utf-8.');
  });

  it('answers 415 to a UTF-16 body declared as such, before looking at its size', async () => {
    const utf16 = Buffer.from(JSON.stringify({ ...registration, comments: 'x'.repeat(40_000) }), 'utf16le');
    const { answer } = await post({ base64: utf16, headers: { 'content-type': 'application/json; charset=utf-16' } });
    expect(answer.statusCode).toBe(415);
  });
});

describe('the JSON body: bytes that are not UTF-8', () => {
  it('takes multi-byte UTF-8, as a string or as bytes', async () => {
    const body = { ...registration, comments: 'Café, 北京, 😀' };
    expect((await post({ body })).received).toEqual(body);
    expect((await post({ base64: Buffer.from(JSON.stringify(body)) })).received).toEqual(body);
  });

  it.each([
    ['a Latin-1 é', [0xe9]],
    ['a truncated sequence', [0xe0, 0xa4]],
    ['an overlong "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a byte never in UTF-8', [0xff]],
  ])('names the field holding %s (400), in both languages', async (_what, bad) => {
    const bytes = bytesWith(JSON.stringify({ ...registration, comments: 'caf@@' }), bad);
    const { answer, received } = await post({ base64: bytes });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toMatchObject({
      detail: 'The body is not valid UTF-8 text.',
      errors: [{ pointer: '/comments', detail: 'contains bytes that are not valid UTF-8' }],
    });
    expect(received).toBeUndefined();
    const french = await post({ base64: bytes, headers: { 'accept-language': 'fr' } });
    expect(french.answer.body).toMatchObject({
      detail: 'Le corps de la requête n’est pas du texte UTF-8 valide.',
      errors: [{ pointer: '/comments', detail: 'contient des octets qui ne sont pas de l’UTF-8 valide' }],
    });
  });

  it('names every field holding such bytes, keys included, at any depth', async () => {
    const text = JSON.stringify({
      clients: [
        { ...registration, comments: 'ok' },
        { ...registration, comments: 'x@@', postalCode: '@@' },
      ],
      'k@@': 1,
    });
    const bytes = Buffer.concat(
      text.split('@@').flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from([0xe9]), Buffer.from(part)])),
    );
    const { answer } = await post({ base64: bytes });
    expect(answer.statusCode).toBe(400);
    expect(pointers(answer)).toEqual(['/clients/1/comments', '/clients/1/postalCode', '/k\uFFFD']);
  });

  it('points at the whole body (pointer "") when the bytes are outside any string', async () => {
    const bytes = bytesWith('{"gender":"FEMALE"@@}', [0xff]);
    const { answer } = await post({ base64: bytes });
    expect(answer.statusCode).toBe(400);
    expect(answer.body.errors).toEqual([{ pointer: '', detail: 'contains bytes that are not valid UTF-8' }]);
  });

  it('answers 413 first when such a body is also over 64 KiB', async () => {
    const bytes = bytesWith(JSON.stringify({ ...registration, comments: `${'x'.repeat(70_000)}@@` }), [0xff]);
    expect((await post({ base64: bytes })).answer.statusCode).toBe(413);
  });
});

describe('the JSON body: strings that are not well-formed Unicode', () => {
  it('takes a surrogate pair written as two escapes', async () => {
    const { answer, received } = await post({
      body: `{"gender":"FEMALE","registrationDate":"2024-03-01","siteId":"ON-SCH-000042","comments":"\\ud83d\\ude00"}`,
    });
    expect(answer.statusCode).toBe(201);
    expect(received).toMatchObject({ comments: '😀' });
  });

  it.each([
    ['a lone high surrogate', '\\ud800'],
    ['a lone low surrogate', '\\udc00'],
    ['a reversed pair', '\\ude00\\ud83d'],
    ['a high surrogate at the end', 'abc\\ud83d'],
  ])('names a value with %s (400), in both languages', async (_what, escape) => {
    const body = `{"gender":"FEMALE","registrationDate":"2024-03-01","siteId":"ON-SCH-000042","comments":"${escape}"}`;
    const { answer, received } = await post({ body });
    expect(answer.statusCode).toBe(400);
    expect(answer.body.errors).toEqual([
      { pointer: '/comments', detail: 'is not well-formed Unicode text (it contains a lone surrogate)' },
    ]);
    expect(received).toBeUndefined();
    const french = await post({ body, headers: { 'accept-language': 'fr' } });
    expect(french.answer.body.errors).toEqual([
      { pointer: '/comments', detail: 'n’est pas du texte Unicode bien formé (il contient un seizet d’indirection isolé)' },
    ]);
  });

  it('names every such string, keys and values, at any depth', async () => {
    const body = '{"clients":[{"comments":"fine"},{"comments":"\\ud800","tags":["ok","\\udfff"]}],"k\\ud800/~":1}';
    const { answer } = await post({ body });
    expect(answer.statusCode).toBe(400);
    expect(pointers(answer)).toEqual(['/clients/1/comments', '/clients/1/tags/1', '/k\ud800~1~0']);
  });

  it('names a field holding a lone surrogate character in a string body (an event built elsewhere)', async () => {
    const { answer } = await post({ body: `{"gender":"FEMALE","comments":"a\ud800b"}` });
    expect(answer.statusCode).toBe(400);
    expect(answer.body.errors).toEqual([{ pointer: '/comments', detail: 'contains bytes that are not valid UTF-8' }]);
  });

  it('walks a body nested thousands of levels deep without running out of stack (400, never a 500)', async () => {
    const deepArray = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect((await post({ body: deepArray })).answer.statusCode).toBe(400);
    const deepSurrogate = `${'{"a":'.repeat(5_000)}"\\ud800"${'}'.repeat(5_000)}`;
    const { answer } = await post({ body: deepSurrogate });
    expect(answer.statusCode).toBe(400);
    expect(answer.body.errors).toEqual([
      { pointer: '/a'.repeat(5_000), detail: 'is not well-formed Unicode text (it contains a lone surrogate)' },
    ]);
    const deepBadBytes = bytesWith(`${'{"a":'.repeat(5_000)}"x@@"${'}'.repeat(5_000)}`, [0xff]);
    expect((await post({ base64: deepBadBytes })).answer.body.errors).toEqual([
      { pointer: '/a'.repeat(5_000), detail: 'contains bytes that are not valid UTF-8' },
    ]);
  });
});
