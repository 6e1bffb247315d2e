import { describe, expect, it } from '@jest/globals';
import { expectWithMessage } from '../support/expect-with-message';

function failureOf(assertion: () => unknown): Error {
  try {
    assertion();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the assertion passed');
}

describe('expectWithMessage, the message jest lacks', () => {
  it('passes where expect passes and returns what the matcher returns', () => {
    expect(expectWithMessage(2, 'two').toBe(2)).toBeUndefined();
    expectWithMessage([1, 2], 'list').not.toContain(3);
  });

  it('starts a failure with the message, in both the message and the stack jest reports', () => {
    const failure = failureOf(() => expectWithMessage(1, 'site S1 must be active').toBe(2));
    expect(failure.message.startsWith('site S1 must be active\n\n')).toBe(true);
    expect(failure.message).toContain('Expected: 2');
    expect(failure.stack).toContain('site S1 must be active');
  });

  it('keeps the message through .not', () => {
    expect(failureOf(() => expectWithMessage('abc', 'the comment').not.toContain('b')).message).toMatch(/^the comment\n\n/);
  });

  it('keeps the message through .resolves and .rejects', async () => {
    await expect(expectWithMessage(Promise.resolve(1), 'the answer').resolves.toBe(2)).rejects.toThrow(/^the answer\n\n/);
    await expect(expectWithMessage(Promise.reject(new Error('x')), 'the refusal').rejects.toThrow('y')).rejects.toThrow(/^the refusal\n\n/);
  });
});
