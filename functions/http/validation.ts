import type { z } from 'zod';
import { type FieldError, InvalidRequestError } from '../domain/errors';
import { type Language, message, type Message, messageOfZodText, render, type Text } from '../domain/messages';

function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The message zod writes for a check that has none of ours (parseOrThrow makes zod write this
 * marker instead of its own English), so such issues are worded here, in both languages.
 */
const ZOD_OWN_MESSAGE = '\u0000zod';

/** Our words for zod's own checks, from the issue's code and fields. */
function builtInMessage(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'string') return message('field.expectedString');
      if (issue.expected === 'number') return message('field.expectedNumber');
      if (issue.expected === 'int') return message('field.expectedInteger');
      if (issue.expected === 'boolean') return message('field.expectedBoolean');
      if (issue.expected === 'array') return message('field.expectedList');
      if (issue.expected === 'object') return message('field.expectedObject');
      return message('field.invalid');
    case 'invalid_value':
      return message('field.oneOf', { options: issue.values.map(String).join(', ') });
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array') {
        if (minimum === 1) return message('field.notEmpty');
        return issue.origin === 'string' ? message('field.minCharacters', { minimum }) : message('field.minItems', { minimum });
      }
      return issue.inclusive === false ? message('field.moreThan', { minimum }) : message('field.atLeast', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return message('field.maxCharacters', { maximum });
      if (issue.origin === 'array') return message('field.maxItems', { maximum });
      return issue.inclusive === false ? message('field.lessThan', { maximum }) : message('field.atMost', { maximum });
    }
    case 'invalid_format':
      return message('field.format');
    case 'not_multiple_of':
      return message('field.multipleOf', { divisor: Number(issue.divisor) });
    default:
      return message('field.invalid');
  }
}

/**
 * Zod issues as field errors with JSON Pointers, their details catalog messages (rendered in the
 * caller's language by the problem answer). Unknown fields get one error each; fields the server
 * owns (agency, client name, ...) say so, since sending them is a misunderstanding worth explaining.
 * A schema's own message keeps its words; zod's own (when parsed by parseOrThrow) get ours.
 */
export function fieldMessagesFromZod(
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
          detail: message(immutable.has(key) ? 'field.immutable' : serverOwned.has(key) ? 'field.serverOwned' : 'field.unknown'),
        });
      }
      continue;
    }
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;
    const detail: Text = missing
      ? message('field.required')
      : issue.message === ZOD_OWN_MESSAGE
        ? builtInMessage(issue)
        : messageOfZodText(issue.message);
    errors.push({ pointer: `${prefix}${pointerOf(issue.path)}`, detail });
  }
  return errors;
}

/** The same, as text in one language (English unless told). */
export function fieldErrorsFromZod(
  issues: readonly z.core.$ZodIssue[],
  options: Parameters<typeof fieldMessagesFromZod>[1] & { language?: Language } = {},
): { pointer: string; detail: string }[] {
  return fieldMessagesFromZod(issues, options).map(({ pointer, detail }) => ({
    pointer,
    detail: render(detail, options.language ?? 'en'),
  }));
}

/**
 * Parses `value` with `schema` or throws a 400 naming every bad field. Issues keep their input only
 * here, to tell a missing field from a wrong one; the error keeps none of it.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: { serverOwnedFields?: readonly string[]; immutableFields?: readonly string[]; detail?: Text } = {},
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true, error: () => ZOD_OWN_MESSAGE });
  if (result.success) return result.data;
  throw new InvalidRequestError(fieldMessagesFromZod(result.error.issues, options), options.detail);
}
