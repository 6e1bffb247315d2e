/**
 * What is wrong with a form, as data (a field and a kind of failure), and its words in the current
 * language: "Choose a gender", never a code. The failures come from the API's own rules run in the
 * browser (form-rules.ts, loaded on demand) or from a problem+json answer's `errors[].pointer`.
 * Pure: no DOM, so the mapping is unit-tested in node.
 */
import type { Messages, TextKey } from './i18n';

/** A problem+json `errors[]` entry (api.ts's FieldError, not imported: api.ts needs the DOM, this does not). */
interface FieldError {
  pointer: string;
  detail: string;
}

export type ProblemKind =
  | 'invalid'
  | 'refused'
  | 'dateFormat'
  | 'dateTooEarly'
  | 'dateAfterToday'
  | 'postalCode'
  | 'controlCharacters'
  | 'tooLong'
  | 'siteUnavailable'
  | 'sessionSiteUnavailable';

/** One field's failure; `field` is the API's name for it (the body's property), '' for the whole body. */
export interface FieldProblem {
  field: string;
  kind: ProblemKind;
  params?: Readonly<Record<string, string | number>>;
}

/** The label of each field of the registration and session forms (the profile history names them too). */
export const FIELD_LABELS: Record<string, TextKey> = {
  gender: 'gender',
  arrivalYear: 'arrivalYear',
  immigrationStatus: 'immigrationStatus',
  postalCode: 'postalCode',
  registrationDate: 'registrationDate',
  siteId: 'siteId',
  comments: 'comments',
  sessionType: 'sessionType',
  serviceDate: 'serviceDate',
  deliveryMethod: 'deliveryMethod',
  durationMinutes: 'durationMinutes',
  notes: 'notes',
};

/** The one thing to do about a field whatever is wrong with it (a choice, a number, a date). */
const WHAT_TO_DO: Record<string, (messages: Messages) => string> = {
  gender: (messages) => messages.checkChooseGender,
  arrivalYear: (messages) => messages.checkChooseArrivalYear,
  immigrationStatus: (messages) => messages.checkChooseImmigrationStatus,
  postalCode: (messages) => messages.checkPostalCode,
  siteId: (messages) => messages.checkChooseSite,
  sessionType: (messages) => messages.checkChooseSessionType,
  deliveryMethod: (messages) => messages.checkChooseDeliveryMethod,
  durationMinutes: (messages) => messages.checkDuration,
  registrationDate: (messages) => messages.checkDateFormat('registrationDate'),
  serviceDate: (messages) => messages.checkDateFormat('serviceDate'),
};

function labelOf(field: string, messages: Messages): string {
  const key = FIELD_LABELS[field];
  return key ? messages[key] : field;
}

const dateField = (field: string) => (field === 'serviceDate' ? 'serviceDate' : 'registrationDate');

/** The problem in words, in the language of `messages`. */
export function problemText(problem: FieldProblem, messages: Messages): string {
  const { field, params = {} } = problem;
  switch (problem.kind) {
    case 'dateFormat':
      return messages.checkDateFormat(dateField(field));
    case 'dateTooEarly':
      return messages.checkDateTooEarly(dateField(field), String(params.date ?? ''));
    case 'dateAfterToday':
      return messages.checkDateAfterToday(dateField(field), String(params.today ?? ''));
    case 'postalCode':
      return messages.checkPostalCode;
    case 'controlCharacters':
      return messages.checkControlCharacters(labelOf(field, messages));
    case 'tooLong':
      return messages.checkTooLong(labelOf(field, messages), Number(params.max), Number(params.length));
    case 'siteUnavailable':
      return messages.checkSiteUnavailable;
    case 'sessionSiteUnavailable':
      return messages.checkSessionSiteUnavailable;
    case 'refused':
      return messages.checkInvalid(labelOf(field, messages));
    case 'invalid':
      return WHAT_TO_DO[field]?.(messages) ?? messages.checkInvalid(labelOf(field, messages));
  }
}

/** The body property a JSON Pointer names, when it names one directly (`/postalCode`), else ''. */
export function fieldOfPointer(pointer: string): string {
  const match = /^\/([^/]+)$/.exec(pointer);
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : '';
}

/**
 * A problem+json answer's `errors` on the form's `fields`: each error on one of them becomes that
 * field's problem; the others (no pointer, or a field the form does not show) stay as the server's
 * text, for the error summary. A 422 on the site means the catalog has it unknown or inactive.
 */
export function serverProblems(
  errors: readonly FieldError[],
  options: { status: number; fields: readonly string[]; siteUnavailable: ProblemKind },
): { problems: FieldProblem[]; unplaced: string[] } {
  const problems: FieldProblem[] = [];
  const unplaced: string[] = [];
  for (const error of errors) {
    const field = fieldOfPointer(error.pointer);
    if (!field || !options.fields.includes(field)) unplaced.push(error.detail);
    else if (problems.some((problem) => problem.field === field)) continue;
    else if (field === 'siteId' && options.status === 422) problems.push({ field, kind: options.siteUnavailable });
    else problems.push({ field, kind: 'refused' });
  }
  return { problems, unplaced };
}

/**
 * A date as the API takes it (YYYY-MM-DD) from what was typed: digits alone (20261130, as a phone's
 * number pad types them) or other separators (2026/11/30, 2026 11 30). Anything else is left as it
 * is, for the API's rules to refuse.
 */
export function normalizeDate(typed: string): string {
  const text = typed.trim();
  const match = /^(\d{4})[-/. ]?(\d{2})[-/. ]?(\d{2})$/.exec(text);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : text;
}

type Rules = typeof import('./form-rules');
let rules: Promise<Rules> | undefined;

/** The API's rules (form-rules.ts), fetched once; a failed fetch (offline, no cache) is tried again next time. */
export function loadRules(): Promise<Rules> {
  rules ??= import('./form-rules').catch((error: unknown) => {
    rules = undefined;
    throw error;
  });
  return rules;
}
