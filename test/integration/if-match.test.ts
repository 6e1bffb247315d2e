/**
 * If-Match on PATCH under concurrency (CONTRACT §3, RFC 9110): `*` matches any current version, so
 * concurrent `*` edits are all applied, one after the other; a concrete version is matched exactly.
 */
import { describe, expect, it } from '@jest/globals';
import { todayIn } from '../../functions/domain/calendar';
import { ANY_VERSION_ATTEMPTS, editAnonymousClient } from '../../functions/domain/edit-anonymous-client';
import { ConflictError, PreconditionFailedError } from '../../functions/domain/errors';
import type { ClientStore, UpdateOutcome } from '../../functions/ports/client-store';
import { activeSite } from '../../support/sample-sites';
import { call, tokenFor, uniqueAgency } from '../support/api';

async function registeredClient() {
  const agencyId = uniqueAgency('if-match');
  const token = await tokenFor(agencyId, { role: 'agency-admin', userId: `admin-of-${agencyId}` });
  const created = await call('POST', '/v1/anonymous-clients', {
    token,
    body: {
      gender: 'FEMALE',
      registrationDate: todayIn('America/Toronto', new Date()),
      siteId: activeSite().siteId,
      comments: 'first words',
    },
  });
  expect(created.status).toBe(201);
  return { token, client: created.body, path: `/v1/anonymous-clients/${created.body.clientId}` };
}

describe('PATCH with If-Match: * under concurrency', () => {
  it('applies 20 concurrent edits, each to the version before it: all 200, 20 new versions, 20 history entries', async () => {
    const { token, client, path } = await registeredClient();
    const comments = Array.from({ length: 20 }, (_, i) => `edit number ${i}`);
    const responses = await Promise.all(
      comments.map((text) => call('PATCH', path, { token, headers: { 'if-match': '*' }, body: { comments: text } })),
    );

    expect(responses.map((r) => r.status)).toEqual(comments.map(() => 200));
    // Each edit made its own version: 2 to 21, once each, and its ETag says so.
    expect(responses.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(comments.map((_, i) => client.version + 1 + i));
    for (const response of responses) expect(response.headers.get('etag')).toBe(`"${response.body.version}"`);
    // Each answer holds its own edit; the last version stored holds the last edit applied.
    responses.forEach((response, i) => expect(response.body.comments).toBe(comments[i]));
    const last = responses.find((r) => r.body.version === client.version + 20)!;
    const stored = await call('GET', path, { token });
    expect(stored.body).toMatchObject({ version: client.version + 20, comments: last.body.comments });

    const history = await call('GET', `${path}/history`, { token });
    expect(history.status).toBe(200);
    const actions = history.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['REGISTERED', ...comments.map(() => 'EDITED')]);
    for (const entry of history.body.items.slice(1)) expect(entry.fields).toEqual(['comments']);
  });

  it('answers an edit that another has already made with the profile as it is, without a new version', async () => {
    const { token, client, path } = await registeredClient();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => call('PATCH', path, { token, headers: { 'if-match': '*' }, body: { gender: 'MALE' } })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await call('GET', path, { token })).body).toMatchObject({ gender: 'MALE', version: client.version + 1 });
    const history = await call('GET', `${path}/history`, { token });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['REGISTERED', 'EDITED']);
  });
});

describe('PATCH with a concrete If-Match under concurrency', () => {
  it('lets exactly one of 20 edits of version 1 through, and answers the others 412', async () => {
    const { token, client, path } = await registeredClient();
    const ifMatch = `"${client.version}"`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('PATCH', path, { token, headers: { 'if-match': ifMatch }, body: { comments: `edit number ${i}` } }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array.from({ length: 19 }, () => 412)]);
    expect((await call('GET', path, { token })).body.version).toBe(client.version + 1);
  });
});

describe('the edit use case with a store that always loses the race (in process)', () => {
  const caller = { userId: 'u1', agencyId: 'agency-a', agencyName: 'A', roles: ['staff' as const] };
  const profile = { clientId: 'C1', version: 3, comments: 'old', site: { siteId: 'S1', name: 'Site' } } as unknown as Parameters<
    ClientStore['update']
  >[0]['client'];

  function losingStore(outcomes: UpdateOutcome[]) {
    const calls = { get: 0, update: 0 };
    const clients = {
      get: async () => {
        calls.get += 1;
        return { ...profile, version: profile.version + calls.update };
      },
      update: async () => {
        calls.update += 1;
        return outcomes.shift() ?? 'stale';
      },
    } as unknown as ClientStore;
    return { calls, deps: { clients, sites: { get: async () => undefined }, now: () => new Date(), pause: async () => {} } };
  }

  it('re-reads and re-applies a `*` edit after each lost race, and succeeds when it wins', async () => {
    const { calls, deps } = losingStore(['stale', 'stale', 'updated']);
    const edited = await editAnonymousClient('C1', { comments: 'new' }, '*', caller, deps);
    expect(calls).toEqual({ get: 3, update: 3 });
    expect(edited).toMatchObject({ comments: 'new', version: profile.version + 3 });
  });

  it(`gives up after ${ANY_VERSION_ATTEMPTS} attempts with a 409 that says when to retry`, async () => {
    const { calls, deps } = losingStore([]);
    const failure = editAnonymousClient('C1', { comments: 'new' }, '*', caller, deps);
    await expect(failure).rejects.toBeInstanceOf(ConflictError);
    await expect(failure).rejects.toMatchObject({ retryAfterSeconds: 1 });
    expect(calls.update).toBe(ANY_VERSION_ATTEMPTS);
  });

  it('never retries an edit of a concrete version: a lost race is a 412', async () => {
    const { calls, deps } = losingStore([]);
    await expect(editAnonymousClient('C1', { comments: 'new' }, profile.version, caller, deps)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(calls.update).toBe(1);
  });
});
