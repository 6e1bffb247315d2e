import type { z } from 'zod';
import { type FieldError, InvalidRequestError } from '../domain/errors';

function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Zod issues as field errors with JSON Pointers. Unknown fields get one error each; fields the server
 * owns (agency, client name, ...) say so, since sending them is a misunderstanding worth explaining.
 */
export function fieldErrorsFromZod(
  issues: readonly z.core.$ZodIssue[],
  options: { pointerPrefix?: string; serverOwnedFields?: readonly string[]; immutableFields?: readonly string[] } = {},
): FieldError[] {
  const prefix = options.pointerPrefix ?? '';
  const serverOwned = new Set(options.serverOwnedFields ?? []);
  const immutable = new Set(options.immutableFields ?? []);
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          pointer: `${prefix}${pointerOf([...issue.path, key])}`,
          detail: immutable.has(key)
            ? 'cannot be changed after registration'
            : serverOwned.has(key)
              ? 'is set by the server and must not be sent'
              : 'is not a field of this request',
        });
      }
      continue;
    }
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;
    errors.push({ pointer: `${prefix}${pointerOf(issue.path)}`, detail: missing ? 'is required' : issue.message });
  }
  return errors;
}

/** Parses `value` with `schema` or throws a 400 naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: { serverOwnedFields?: readonly string[]; immutableFields?: readonly string[]; detail?: string } = {},
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidRequestError(fieldErrorsFromZod(result.error.issues, options), options.detail);
}
