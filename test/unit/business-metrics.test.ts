/**
 * The EMF lines the pipeline writes (Powertools Metrics), parsed as CloudWatch would: names, units,
 * dimensions, namespace, and no personal value anywhere in them.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

// Before any module builds the Metrics instance (so the imports below are dynamic): this file reads what it writes.
process.env.POWERTOOLS_METRICS_DISABLED = 'false';
process.env.POWERTOOLS_METRICS_NAMESPACE = 'newcomer-intake-test';
process.env.SERVICE_VERSION = 'test';
// Lambda sets it for an on-demand instance; Powertools counts a cold start only then.
process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';

const { route } = await import('../../functions/api/routes');
const { DependencyUnavailableError, NotFoundError } = await import('../../functions/domain/errors');
const { httpRoute } = await import('../../functions/http/route-pipeline');
const { localLambdaContext } = await import('../../local/lambda-context');
const { httpEvent } = await import('../../support/http-events');

interface EmfLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  [key: string]: unknown;
}

let written: string[];
beforeEach(() => {
  written = [];
  const capture = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  jest.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => {
  jest.restoreAllMocks();
});

function emfLines(): EmfLine[] {
  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
}

/** Each metric of each line with its value and dimension values. */
function metricsWritten() {
  return emfLines().flatMap((line) =>
    line._aws.CloudWatchMetrics.flatMap((directive) =>
      directive.Metrics.map((metric) => ({
        namespace: directive.Namespace,
        name: metric.Name,
        unit: metric.Unit,
        value: line[metric.Name],
        dimensions: Object.fromEntries(directive.Dimensions.flat().map((name) => [name, line[name]])),
      })),
    ),
  );
}

const registration = {
  gender: 'MALE',
  registrationDate: '2024-05-02',
  siteId: 'ON-SCH-000042',
  postalCode: 'M5V 2T6',
  comments: 'Zebulon-marker-41 needs housing',
};

describe('business metrics', () => {
  it('flushes what an implementation counts, in the stage namespace, with the service dimension, and a cold start once', async () => {
    const handler = httpRoute(route('registerAnonymousClientBatch'), async ({ body, metrics }) => {
      metrics.count('AnonymousClientsRegistered', body.clients.length);
      metrics.count('RegistrationBatchSize', body.clients.length);
      return { status: 201, body: {} };
    });
    const event = () => httpEvent({ method: 'POST', body: { clients: [registration, registration, registration] } });
    await handler(event(), localLambdaContext('registerAnonymousClientBatch', 10));
    await handler(event(), localLambdaContext('registerAnonymousClientBatch', 10));
    const metrics = metricsWritten();
    expect(metrics.filter((m) => m.name === 'AnonymousClientsRegistered')).toEqual([
      {
        namespace: 'newcomer-intake-test',
        name: 'AnonymousClientsRegistered',
        unit: 'Count',
        value: 3,
        dimensions: { service: 'newcomer-intake' },
      },
      {
        namespace: 'newcomer-intake-test',
        name: 'AnonymousClientsRegistered',
        unit: 'Count',
        value: 3,
        dimensions: { service: 'newcomer-intake' },
      },
    ]);
    expect(metrics.filter((m) => m.name === 'RegistrationBatchSize').map((m) => m.value)).toEqual([3, 3]);
    const coldStarts = metrics.filter((m) => m.name === 'ColdStart');
    expect(coldStarts).toHaveLength(1);
    expect(coldStarts[0]).toMatchObject({
      value: 1,
      dimensions: { service: 'newcomer-intake', function_name: 'registerAnonymousClientBatch' },
    });
  });

  it('writes a metric with dimensions of its own as a line of its own, so they never spread to the others', async () => {
    const handler = httpRoute(route('createReceipt'), async ({ metrics }) => {
      metrics.count('ReceiptsCreated', 1, { format: 'pdf', language: 'fr' });
      metrics.count('AnonymousClientsEdited', 1);
      return { status: 201, body: {} };
    });
    await handler(
      httpEvent({ method: 'POST', pathParameters: { clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' }, body: { format: 'pdf', language: 'fr' } }),
      localLambdaContext('createReceipt', 10),
    );
    const metrics = metricsWritten();
    expect(metrics.find((m) => m.name === 'ReceiptsCreated')).toMatchObject({
      value: 1,
      dimensions: { service: 'newcomer-intake', format: 'pdf', language: 'fr' },
    });
    expect(metrics.find((m) => m.name === 'AnonymousClientsEdited')?.dimensions).toEqual({ service: 'newcomer-intake' });
  });

  it('counts each 4xx by problem kind and each 503 as DependencyUnavailable, and nothing for a success without metrics', async () => {
    const notFound = httpRoute(route('getAnonymousClient'), async () => {
      throw new NotFoundError('x');
    });
    const unavailable = httpRoute(route('getAnonymousClient'), async () => {
      throw new DependencyUnavailableError('db down');
    });
    const quiet = httpRoute(route('getReferenceData'), async () => ({ status: 200, body: {} }));
    const event = () => httpEvent({ pathParameters: { clientId: '7M2K9Q4TZ8W3XH5RBN6CDFJPVA' } });
    await notFound(event(), localLambdaContext('getAnonymousClient', 10));
    await notFound(httpEvent({ claims: null, pathParameters: { clientId: 'x' } }), localLambdaContext('getAnonymousClient', 10));
    await unavailable(event(), localLambdaContext('getAnonymousClient', 10));
    const before = metricsWritten().filter((m) => m.name !== 'ColdStart').length;
    await quiet(httpEvent(), localLambdaContext('getReferenceData', 10));
    const metrics = metricsWritten().filter((m) => m.name !== 'ColdStart');
    expect(metrics.length).toBe(before);
    expect(metrics.filter((m) => m.name === 'ClientErrors').map((m) => m.dimensions)).toEqual([
      { service: 'newcomer-intake', kind: 'not-found' },
      { service: 'newcomer-intake', kind: 'unauthenticated' },
    ]);
    expect(metrics.filter((m) => m.name === 'DependencyUnavailable').map((m) => [m.value, m.dimensions])).toEqual([
      [1, { service: 'newcomer-intake' }],
    ]);
    // "No application metrics to publish" is Powertools' own noise for a request that counts nothing.
    expect(written.join('')).not.toContain('No application metrics to publish');
  });

  it('never carries a request value into a metric line', async () => {
    const handler = httpRoute(route('registerAnonymousClient'), async ({ metrics }) => {
      metrics.count('AnonymousClientsRegistered', 1);
      return { status: 201, body: {} };
    });
    await handler(httpEvent({ method: 'POST', body: registration }), localLambdaContext('registerAnonymousClient', 10));
    await handler(
      httpEvent({ method: 'POST', body: { ...registration, postalCode: 'Q9Q 9Q9' } }),
      localLambdaContext('registerAnonymousClient', 10),
    );
    const lines = emfLines();
    expect(lines.length).toBeGreaterThan(0);
    const text = JSON.stringify(lines);
    for (const secret of ['Zebulon-marker-41', 'M5V 2T6', 'Q9Q 9Q9', 'agency-a', 'staff-7', 'ON-SCH-000042'])
      expect(text).not.toContain(secret);
    const dimensionNames = new Set(lines.flatMap((line) => line._aws.CloudWatchMetrics.flatMap((d) => d.Dimensions.flat())));
    expect([...dimensionNames].every((name) => ['service', 'kind', 'format', 'language', 'function_name'].includes(name))).toBe(true);
  });
});
