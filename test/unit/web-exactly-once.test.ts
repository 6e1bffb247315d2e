/** Registering exactly once (web/src/exactly-once.ts): the draft's key and when a sending is repeated. */
import { describe, expect, it } from '@jest/globals';
import { newDraftKey, retryDelaySeconds, sendWithRetries } from '../../web/src/exactly-once';

describe('newDraftKey', () => {
  it('is a random UUID, new for every draft, and one the API takes as an Idempotency-Key', () => {
    const keys = Array.from({ length: 50 }, newDraftKey);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(50);
  });
});

describe('retryDelaySeconds', () => {
  it.each([
    [409, '1', 1],
    [503, '2', 2],
    [500, '0', 0],
    [503, '6', undefined],
    [409, null, undefined],
    [503, 'Wed, 21 Oct 2015 07:28:00 GMT', undefined],
    [400, '1', undefined],
    [422, '1', undefined],
    [201, '1', undefined],
  ])('%i with Retry-After %j: %j', (status, header, seconds) => {
    expect(retryDelaySeconds(status, header)).toBe(seconds);
  });
});

/** A scripted server; each call is one sending of the same request. */
function script(...answers: Response[]) {
  let calls = 0;
  const waits: number[] = [];
  return {
    attempt: () => Promise.resolve(answers[calls++]!),
    wait: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
    calls: () => calls,
    waits,
  };
}

describe('sendWithRetries', () => {
  it('sends again after a 409 or 503 with Retry-After, and returns the first answer that is not one', async () => {
    const server = script(
      new Response('{}', { status: 409, headers: { 'retry-after': '1' } }),
      new Response('{}', { status: 503, headers: { 'retry-after': '2' } }),
      new Response('{"clientId":"a"}', { status: 201, headers: { 'idempotent-replayed': 'true' } }),
    );
    const answer = await sendWithRetries(server.attempt, { wait: server.wait });
    expect(answer.status).toBe(201);
    expect(server.calls()).toBe(3);
    expect(server.waits).toEqual([1000, 2000]);
  });

  it('stops after the given number of attempts and returns the last answer', async () => {
    const busy = () => new Response('{}', { status: 409, headers: { 'retry-after': '1' } });
    const server = script(busy(), busy(), busy(), busy());
    const answer = await sendWithRetries(server.attempt, { wait: server.wait, attempts: 3 });
    expect(answer.status).toBe(409);
    expect(server.calls()).toBe(3);
  });

  it('never repeats a refusal, a success or a 409 that says nothing of retrying', async () => {
    for (const answer of [
      new Response('{}', { status: 400 }),
      new Response('{}', { status: 201 }),
      new Response('{}', { status: 409 }),
      new Response('{}', { status: 503, headers: { 'retry-after': '120' } }),
    ]) {
      const server = script(answer, new Response('{}', { status: 201 }));
      expect((await sendWithRetries(server.attempt, { wait: server.wait })).status).toBe(answer.status);
      expect(server.calls()).toBe(1);
    }
  });

  it('lets a network error through, for the worker to retry with the same key', async () => {
    await expect(sendWithRetries(() => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow('Failed to fetch');
  });
});
