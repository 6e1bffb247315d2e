/**
 * The retention Lambda handler (functions/handlers/expire-anonymous-clients.ts): reads the years and
 * the time zone from the environment contract, stops taking clients near the end of its time, and
 * fails the invocation (so Lambda retries it and the alarm fires) when a client could not be removed.
 */
import { describe, expect, it } from '@jest/globals';
import type { RetentionPorts } from '../../functions/domain/client-retention';
import { createExpireAnonymousClientsHandler } from '../../functions/handlers/expire-anonymous-clients';
import type { RetainedClient } from '../../functions/ports/client-retention';
import { localLambdaContext } from '../../local/lambda-context';

Object.assign(process.env, {
  SERVICE_VERSION: '0.0.0-test',
  POWERTOOLS_METRICS_NAMESPACE: 'newcomer-intake-test',
  AGENCY_TIME_ZONE: 'America/Toronto',
  CLIENT_RETENTION_YEARS: '7',
});

function client(clientId: string): RetainedClient {
  const postings = { agencyId: 'a', clientId, registrationDate: '2001-01-01', createdAt: '2001-01-01T00:00:00Z', siteId: 'S', words: [] };
  return { agencyId: 'a', clientId, registrationDate: '2001-01-01', postings };
}

function ports(failing: Set<string>, removed: string[]): RetentionPorts {
  return {
    agencies: { remember: async () => {}, list: async () => ['a'] },
    index: { replace: async () => {} },
    files: { deleteClientFiles: async () => 0 },
    records: {
      registeredBefore: async () => ({ clients: [client('c1'), client('c2')], next: undefined }),
      deleteSession: async () => 0,
      deleteReceiptRecords: async () => 0,
      deleteAuditEntries: async () => 0,
      deleteClient: async (_agencyId, clientId) => {
        if (failing.has(clientId)) throw new Error('unavailable');
        removed.push(clientId);
        return true;
      },
    },
  };
}

const now = () => new Date('2026-06-01T12:00:00Z');

describe('the retention handler', () => {
  it("removes the due clients with CLIENT_RETENTION_YEARS in the agencies' time zone", async () => {
    const removed: string[] = [];
    const handler = createExpireAnonymousClientsHandler(() => ports(new Set(), removed), now);
    const report = await handler({}, localLambdaContext('expire-anonymous-clients', 900));
    expect(report).toMatchObject({ today: '2026-06-01', latestDueRegistrationDate: '2019-05-31', expired: 2 });
    expect(removed).toEqual(['c1', 'c2']);
  });

  it('fails the invocation after the other clients when one could not be removed', async () => {
    const removed: string[] = [];
    const handler = createExpireAnonymousClientsHandler(() => ports(new Set(['c1']), removed), now);
    await expect(handler({}, localLambdaContext('expire-anonymous-clients', 900))).rejects.toThrow(
      /1 of 2 due clients could not be removed/,
    );
    expect(removed).toEqual(['c2']);
  });

  it('takes no client when less than a minute is left, and a dry run from the event removes nothing', async () => {
    const removed: string[] = [];
    const handler = createExpireAnonymousClientsHandler(() => ports(new Set(), removed), now);
    expect(await handler({}, localLambdaContext('expire-anonymous-clients', 30))).toMatchObject({ stopped: true, expired: 0 });
    expect(await handler({ agencyId: 'a', dryRun: true }, localLambdaContext('expire-anonymous-clients', 900))).toMatchObject({
      dryRun: true,
      due: 2,
      expired: 0,
    });
    expect(removed).toEqual([]);
  });
});
