/**
 * The functions' request log line (functions/http/middleware/access-log.ts) carries the caller's IP
 * address as API Gateway saw it (`sourceIp`), for telling a flood or token guessing from staff traffic;
 * it is personal information, so it appears on that line only, never on any other line the pipeline
 * writes (a 500's error line included).
 */
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { route } from '../../functions/api/routes';
import { httpRoute } from '../../functions/http/route-pipeline';
import { localLambdaContext } from '../../local/lambda-context';
import { httpEvent } from '../../support/http-events';

const SOURCE_IP = '203.0.113.77';

beforeAll(() => {
  process.env.SERVICE_VERSION ??= 'test';
  process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'newcomer-intake-test';
});
afterEach(() => {
  jest.restoreAllMocks();
});

/** The JSON lines the handler writes (Powertools: stdout, errors to stderr) while `run` runs. */
async function linesWritten(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    jest.restoreAllMocks();
  }
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function eventFrom(ip: string) {
  const event = httpEvent({ method: 'GET', path: '/v1/health' });
  event.requestContext.http.sourceIp = ip;
  return event;
}

describe('the request log line', () => {
  it("has the caller's sourceIp beside route, status and correlation id", async () => {
    const event = eventFrom(SOURCE_IP);
    const lines = await linesWritten(() =>
      httpRoute(route('getHealth'), async () => ({ status: 200, body: { status: 'ok' } }))(event, localLambdaContext('getHealth', 10)),
    );
    const requests = lines.filter((line) => line.message === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        operation: 'getHealth',
        status: 200,
        correlationId: event.requestContext.requestId,
        sourceIp: SOURCE_IP,
      }),
    ]);
  });

  it('is the only line with the address, also when the request fails with a 500', async () => {
    const event = eventFrom(SOURCE_IP);
    const lines = await linesWritten(() =>
      httpRoute(route('getHealth'), async () => {
        throw new TypeError('boom');
      })(event, localLambdaContext('getHealth', 10)),
    );
    const withAddress = lines.filter((line) => JSON.stringify(line).includes(SOURCE_IP));
    expect(withAddress.map((line) => line.message)).toEqual(['request']);
    expect(withAddress[0]).toMatchObject({ status: 500, sourceIp: SOURCE_IP });
    expect(lines.some((line) => line.message === 'request failed')).toBe(true);
  });
});
