import { expect } from '@jest/globals';

/**
 * `expect(value)` whose failure starts with `message`: for assertions inside loops and tables, where
 * jest's own report ("expected false, received true") would not say which case failed. Jest's
 * `expect` takes one argument (vitest took a message as a second); this adds one without patching globals.
 * Works through `.not`, `.resolves` and `.rejects`.
 */
export function expectWithMessage<T>(value: T, message: string) {
  return withMessage(expect(value), message);
}

function withMessage<M extends object>(matchers: M, message: string): M {
  return new Proxy(matchers, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (property === 'not' || property === 'resolves' || property === 'rejects') return withMessage(member as object, message);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        try {
          const result: unknown = member.apply(target, args);
          return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(prefixed(error, message))) : result;
        } catch (error) {
          throw prefixed(error, message);
        }
      };
    },
  });
}

function prefixed(error: unknown, message: string): unknown {
  if (!(error instanceof Error)) return error;
  const original = error.message;
  error.message = `${message}\n\n${original}`;
  // Jest reports the stack, which already holds the old message.
  if (error.stack?.includes(original)) error.stack = error.stack.replace(original, error.message);
  return error;
}
