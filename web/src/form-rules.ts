/**
 * The API's own request rules (the zod schemas of functions/domain), run in the browser before a form
 * is sent, so the browser refuses exactly what the API would refuse, from one source. This module is
 * loaded on demand (form-checks.ts `loadRules`): zod and the schemas cost about 34 KB gzipped, kept out
 * of the first load. It answers with data only (which field, which failure); form-checks.ts has the words.
 */
import type * as z from 'zod';
import { anonymousClientRules } from '../../functions/domain/anonymous-client';
import { messageOfZodText } from '../../functions/domain/messages';
import { newSessionSchema } from '../../functions/domain/session';
import type { FieldProblem, ProblemKind } from './form-checks';

/** The kind of each catalog message a schema of these forms can give (functions/domain/*-messages.ts). */
const KIND_OF_MESSAGE: Record<string, ProblemKind> = {
  'field.date': 'dateFormat',
  'field.dateNotBefore': 'dateTooEarly',
  'field.dateNotAfterToday': 'dateAfterToday',
  'field.postalCode': 'postalCode',
  'field.controlCharacters': 'controlCharacters',
  'field.tooLongAfterTrimming': 'tooLong',
};

/** One problem per field (the first zod reports), in the order of the issues. */
export function problemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    if (problems.some((problem) => problem.field === field)) continue;
    const message = messageOfZodText(issue.message);
    const kind = typeof message === 'string' ? undefined : KIND_OF_MESSAGE[message.id];
    const params = typeof message === 'string' ? undefined : message.params;
    problems.push(kind ? { field, kind, ...(params ? { params: { ...params } } : {}) } : { field, kind: 'invalid' });
  }
  return problems;
}

/** What the API would refuse in this registration body, as of the agency's `today`. */
export function checkRegistration(body: unknown, today: string): FieldProblem[] {
  const result = anonymousClientRules(today).registration.safeParse(body);
  return result.success ? [] : problemsOf(result.error.issues);
}

/** What the API would refuse in this session body, as of the agency's `today`. */
export function checkSession(body: unknown, today: string): FieldProblem[] {
  const result = newSessionSchema(today).safeParse(body);
  return result.success ? [] : problemsOf(result.error.issues);
}

/** What the API would refuse in a profile edit (only the fields it changes), as of the agency's `today`. */
export function checkEdit(body: unknown, today: string): FieldProblem[] {
  const result = anonymousClientRules(today).edit.safeParse(body);
  return result.success ? [] : problemsOf(result.error.issues);
}
