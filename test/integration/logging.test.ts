import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { todayIn } from '../../functions/domain/calendar';
import { pollUntil } from '../../support/poll';
import { activeSite } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';

describe('logging', () => {
  it("never writes a registration's comment text, postal code or token to any log line", async () => {
    const token = await tokenFor(uniqueAgency());
    const comment = 'Zebulon-marker-7f3a wants French classes for his daughter';
    const body = {
      gender: 'MALE',
      registrationDate: todayIn('America/Toronto', new Date()),
      siteId: activeSite().siteId,
      postalCode: 'K1P 5J9',
      comments: comment,
    };
    const created = await call('POST', '/v1/anonymous-clients', { token, body, headers: { 'idempotency-key': 'log-test' } });
    expect(created.status).toBe(201);
    // A failing request too: validation errors must not echo values into the log.
    const rejected = await call('POST', '/v1/anonymous-clients', { token, body: { ...body, postalCode: 'Q9Q 9Q9', gender: 'NOPE' } });
    expect(rejected.status).toBe(400);

    // The server does log the requests: an empty log would prove nothing. Both request lines are
    // written after their answers, so wait for them rather than for a fixed time.
    const loggedRequest = (log: string, status: number) =>
      log.split('\n').some((line) => line.includes(created.body.agency.agencyId) && line.includes(`"status":${status}`));
    const log = await pollUntil(() => readFile(server().logFile, 'utf8'), {
      description: `the log lines of the 201 and 400 requests of agency ${created.body.agency.agencyId}`,
      until: (text) => loggedRequest(text, 201) && loggedRequest(text, 400),
      timeoutMs: 10_000,
    });
    expect(loggedRequest(log, 201)).toBe(true);
    for (const secret of ['Zebulon-marker-7f3a', 'K1P 5J9', 'K1P5J9', 'Q9Q 9Q9', token, token.split('.')[2] as string]) {
      expectWithMessage(log.includes(secret), `log contains ${secret.slice(0, 20)}`).toBe(false);
    }
  });
});
