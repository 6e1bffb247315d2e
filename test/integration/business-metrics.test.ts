/**
 * The real handlers' business metrics, end to end: the embedded server writes EMF lines into its log
 * (global-setup turns them on), and each use of the service shows up there under its name and
 * dimensions, with no personal value anywhere in them. Other test files use the same server at the
 * same time, so this asserts what must be there, not exact totals.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { todayIn } from '../../functions/domain/calendar';
import { pollUntil } from '../../support/poll';
import { activeSite } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';

interface MetricSeen {
  name: string;
  value: unknown;
  dimensions: Record<string, unknown>;
  namespace: string;
}

async function metricsInLog(): Promise<MetricSeen[]> {
  const log = await readFile(server().logFile, 'utf8');
  return log
    .split('\n')
    .filter((line) => line.startsWith('{"_aws"'))
    .flatMap((line) => {
      const emf = JSON.parse(line) as Record<string, any>;
      return (emf._aws.CloudWatchMetrics as { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[]).flatMap(
        (directive) =>
          directive.Metrics.map((metric) => ({
            name: metric.Name,
            value: emf[metric.Name],
            namespace: directive.Namespace,
            dimensions: Object.fromEntries(directive.Dimensions.flat().map((dimension) => [dimension, emf[dimension]])),
          })),
      );
    });
}

const today = () => todayIn('America/Toronto', new Date());

describe('business metrics of the running service', () => {
  it('counts registrations, edits, receipts, searches, sessions and problems, without personal values', async () => {
    const token = await tokenFor(uniqueAgency('metrics'));
    const marker = `Quillon${Math.random().toString(36).slice(2, 8)}`;
    const body = {
      gender: 'FEMALE',
      registrationDate: today(),
      siteId: activeSite().siteId,
      postalCode: 'K2P 1L4',
      comments: `${marker} asks about daycare`,
    };

    const single = await call('POST', '/v1/anonymous-clients', { token, body });
    expect(single.status).toBe(201);
    const batch = await call('POST', '/v1/anonymous-clients/batch', {
      token,
      body: { clients: [body, body, body, body, body, body, body] },
    });
    expect(batch.status).toBe(201);
    const edited = await call('PATCH', `/v1/anonymous-clients/${single.body.clientId}`, {
      token,
      body: { gender: 'MALE' },
      headers: { 'if-match': single.headers.get('etag')! },
    });
    expect(edited.status).toBe(200);
    expect(
      (await call('POST', `/v1/anonymous-clients/${single.body.clientId}/receipts`, { token, body: { format: 'csv', language: 'fr' } }))
        .status,
    ).toBe(201);
    expect((await call('GET', `/v1/anonymous-clients?q=${marker}`, { token })).status).toBe(200);
    const session = { sessionType: 'LANGUAGE_TRAINING', serviceDate: today(), siteId: activeSite().siteId, deliveryMethod: 'IN_PERSON' };
    expect((await call('POST', `/v1/anonymous-clients/${single.body.clientId}/sessions`, { token, body: session })).status).toBe(201);
    expect((await call('GET', '/v1/anonymous-clients/7M2K9Q4TZ8W3XH5RBN6CDFJPVA', { token })).status).toBe(404);

    await pollUntil(
      async () => {
        const metrics = await metricsInLog();
        const has = (name: string, match: (m: MetricSeen) => boolean = () => true) => metrics.some((m) => m.name === name && match(m));
        expect({
          registered: has('AnonymousClientsRegistered', (m) => m.value === 1) && has('AnonymousClientsRegistered', (m) => m.value === 7),
          batchSize: has('RegistrationBatchSize', (m) => m.value === 7),
          edited: has('AnonymousClientsEdited'),
          receipt: has('ReceiptsCreated', (m) => m.dimensions.format === 'csv' && m.dimensions.language === 'fr'),
          search: has('CommentSearches', (m) => m.dimensions.kind === 'words'),
          session: has('SessionsBegun'),
          notFound: has('ClientErrors', (m) => m.dimensions.kind === 'not-found'),
          namespace: metrics.every((m) => m.namespace === 'newcomer-intake-local'),
        }).toEqual({
          registered: true,
          batchSize: true,
          edited: true,
          receipt: true,
          search: true,
          session: true,
          notFound: true,
          namespace: true,
        });
      },
      { description: 'every metric of this use of the service in the server log', timeoutMs: 10_000 },
    );

    const emf = (await readFile(server().logFile, 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('{"_aws"'))
      .join('\n');
    for (const secret of [marker, 'K2P 1L4', 'K2P1L4', single.body.clientId, single.body.agency.agencyId, activeSite().siteId]) {
      expectWithMessage(emf.includes(secret), `EMF holds ${secret}`).toBe(false);
    }
  });
});
