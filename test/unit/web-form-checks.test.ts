/**
 * The web forms' checks before sending (web/src/form-rules.ts runs the API's own zod schemas) and
 * their words (web/src/form-checks.ts): every failure of every registration and session field gives a
 * message that names the field in plain English and French, never an API code, and a problem+json
 * answer's pointers land on the form's fields.
 */
import { describe, expect, it } from '@jest/globals';
import { anonymousClientRules } from '../../functions/domain/anonymous-client';
import { DELIVERY_METHODS, GENDERS, IMMIGRATION_STATUSES, SESSION_TYPES } from '../../functions/domain/reference-data';
import { newSessionSchema } from '../../functions/domain/session';
import { type FieldProblem, normalizeDate, problemText, serverProblems } from '../../web/src/form-checks';
import { checkEdit, checkRegistration, checkSession } from '../../web/src/form-rules';
import { MESSAGES } from '../../web/src/i18n';

const TODAY = '2026-11-30';
const VALID_REGISTRATION = { gender: 'FEMALE', registrationDate: TODAY, siteId: 'ON-SCH-00042', arrivalYear: 'UNKNOWN' };
const VALID_SESSION = { sessionType: 'DIRECT_SERVICE', serviceDate: TODAY, siteId: 'ON-SCH-00042', deliveryMethod: 'IN_PERSON' };

const API_CODES = [GENDERS, IMMIGRATION_STATUSES, SESSION_TYPES, DELIVERY_METHODS].flatMap((values) => values.map((value) => value.code));

/** The one problem the rules find when `change` is made to a valid body, in both languages. */
function onlyProblem(check: (body: unknown, today: string) => FieldProblem[], valid: object, change: object) {
  const problems = check({ ...valid, ...change }, TODAY);
  expect(problems).toHaveLength(1);
  const problem = problems[0]!;
  return { problem, en: problemText(problem, MESSAGES.en), fr: problemText(problem, MESSAGES.fr) };
}

/** Words a worker can act on: no API code, no rule text of the API, no bare format. */
function expectPlainLanguage(text: string) {
  for (const code of API_CODES) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
  expect(text).not.toMatch(/\bmust\b|\bdoit\b|undefined|NaN|\{\w+\}|Invalid input/);
  // A format is always given with an example.
  if (/YYYY-MM-DD|AAAA-MM-JJ/.test(text)) expect(text).toContain('2026-11-30');
}

const REGISTRATION_CASES: { field: string; change: object; en: string | RegExp; fr: string | RegExp }[] = [
  { field: 'gender', change: { gender: '' }, en: 'Choose a gender', fr: 'Choisissez un genre' },
  { field: 'gender', change: { gender: undefined }, en: 'Choose a gender', fr: 'Choisissez un genre' },
  {
    field: 'arrivalYear',
    change: { arrivalYear: 1850 },
    en: 'Choose the year of arrival, or Unknown',
    fr: "Choisissez l'année d'arrivée, ou Inconnu",
  },
  {
    field: 'immigrationStatus',
    change: { immigrationStatus: 'SOMETHING' },
    en: 'Choose an immigration status, or Unknown',
    fr: "Choisissez un statut d'immigration, ou Inconnu",
  },
  {
    field: 'postalCode',
    change: { postalCode: 'D1A 1A1' },
    en: 'Enter a Canadian postal code such as K1A 0B1, or its first three characters, such as K1A',
    fr: 'Saisissez un code postal canadien comme K1A 0B1, ou ses trois premiers caractères, comme K1A',
  },
  {
    field: 'registrationDate',
    change: { registrationDate: '' },
    en: 'Enter the registration date as YYYY-MM-DD, for example 2026-11-30',
    fr: "Saisissez la date d'inscription au format AAAA-MM-JJ, par exemple 2026-11-30",
  },
  {
    field: 'registrationDate',
    change: { registrationDate: '11/30/2026' },
    en: 'Enter the registration date as YYYY-MM-DD, for example 2026-11-30',
    fr: "Saisissez la date d'inscription au format AAAA-MM-JJ, par exemple 2026-11-30",
  },
  {
    field: 'registrationDate',
    change: { registrationDate: '2026-02-30' },
    en: 'Enter the registration date as YYYY-MM-DD, for example 2026-11-30',
    fr: "Saisissez la date d'inscription au format AAAA-MM-JJ, par exemple 2026-11-30",
  },
  {
    field: 'registrationDate',
    change: { registrationDate: '1999-12-31' },
    en: 'The registration date cannot be before 2000-01-01',
    fr: "La date d'inscription ne peut pas précéder le 2000-01-01",
  },
  {
    field: 'registrationDate',
    change: { registrationDate: '2026-12-01' },
    en: 'The registration date cannot be after today (2026-11-30)',
    fr: "La date d'inscription ne peut pas être postérieure à aujourd'hui (2026-11-30)",
  },
  { field: 'siteId', change: { siteId: '' }, en: 'Choose a registration site', fr: "Choisissez un lieu d'inscription" },
  { field: 'siteId', change: { siteId: 'Central Library' }, en: 'Choose a registration site', fr: "Choisissez un lieu d'inscription" },
  {
    field: 'comments',
    change: { comments: 'bell \u0007 here' },
    en: 'Comments: remove the special control characters (line breaks and tabs are fine)',
    fr: 'Commentaires : retirez les caractères de contrôle spéciaux (les sauts de ligne et les tabulations sont acceptés)',
  },
  {
    field: 'comments',
    change: { comments: 'a'.repeat(4012) },
    en: 'Comments can be at most 4,000 characters; there are 4,012. Remove 12.',
    fr: /^Commentaires : au plus 4\s000 caractères; il y en a 4\s012\. Retirez-en 12\.$/,
  },
];

describe('checks of the registration form, by the API’s own rules', () => {
  it('covers every field of the API’s registration body', () => {
    const fields = Object.keys(anonymousClientRules(TODAY).registration.shape).sort();
    expect([...new Set(REGISTRATION_CASES.map((entry) => entry.field))].sort()).toEqual(fields);
  });

  it('accepts a body the API accepts', () => {
    expect(checkRegistration(VALID_REGISTRATION, TODAY)).toEqual([]);
    expect(checkRegistration({ ...VALID_REGISTRATION, postalCode: 'k1a0b1', comments: 'Line one\n\tindented' }, TODAY)).toEqual([]);
  });

  it.each(REGISTRATION_CASES)('$field: "$en" and its French', ({ field, change, en, fr }) => {
    const found = onlyProblem(checkRegistration, VALID_REGISTRATION, change);
    expect(found.problem.field).toBe(field);
    if (typeof en === 'string') expect(found.en).toBe(en);
    else expect(found.en).toMatch(en);
    if (typeof fr === 'string') expect(found.fr).toBe(fr);
    else expect(found.fr).toMatch(fr);
    expectPlainLanguage(found.en);
    expectPlainLanguage(found.fr);
  });

  it('names every required field of an empty form, one message each, in the form’s order', () => {
    const problems = checkRegistration(
      { gender: '', arrivalYear: 'UNKNOWN', immigrationStatus: 'UNKNOWN', registrationDate: '', siteId: '' },
      TODAY,
    );
    expect(problems.map((problem) => problem.field)).toEqual(['gender', 'registrationDate', 'siteId']);
    expect(problems.map((problem) => problemText(problem, MESSAGES.en))).toEqual([
      'Choose a gender',
      'Enter the registration date as YYYY-MM-DD, for example 2026-11-30',
      'Choose a registration site',
    ]);
    expect(problems.map((problem) => problemText(problem, MESSAGES.fr))).toEqual([
      'Choisissez un genre',
      "Saisissez la date d'inscription au format AAAA-MM-JJ, par exemple 2026-11-30",
      "Choisissez un lieu d'inscription",
    ]);
  });
});

const SESSION_CASES: { field: string; change: object; en: string }[] = [
  { field: 'sessionType', change: { sessionType: '' }, en: 'Choose a session type' },
  { field: 'serviceDate', change: { serviceDate: '2026-30-11' }, en: 'Enter the service date as YYYY-MM-DD, for example 2026-11-30' },
  { field: 'serviceDate', change: { serviceDate: '2026-12-01' }, en: 'The service date cannot be after today (2026-11-30)' },
  { field: 'serviceDate', change: { serviceDate: '1999-01-01' }, en: 'The service date cannot be before 2000-01-01' },
  { field: 'siteId', change: { siteId: '' }, en: 'Choose a registration site' },
  { field: 'deliveryMethod', change: { deliveryMethod: '' }, en: 'Choose a delivery method' },
  {
    field: 'durationMinutes',
    change: { durationMinutes: 0 },
    en: 'Enter the duration as a whole number of minutes from 1 to 1,440, or leave it empty',
  },
  {
    field: 'durationMinutes',
    change: { durationMinutes: 2.5 },
    en: 'Enter the duration as a whole number of minutes from 1 to 1,440, or leave it empty',
  },
  {
    field: 'durationMinutes',
    change: { durationMinutes: Number.NaN },
    en: 'Enter the duration as a whole number of minutes from 1 to 1,440, or leave it empty',
  },
  { field: 'notes', change: { notes: 'b'.repeat(4001) }, en: 'Notes can be at most 4,000 characters; there are 4,001. Remove 1.' },
];

describe('checks of the session form, by the API’s own rules', () => {
  it('covers every field of the API’s session body', () => {
    const fields = Object.keys(newSessionSchema(TODAY).shape).sort();
    expect([...new Set(SESSION_CASES.map((entry) => entry.field))].sort()).toEqual(fields);
  });

  it('accepts a body the API accepts', () => {
    expect(checkSession({ ...VALID_SESSION, durationMinutes: 45, notes: 'Talked about housing.' }, TODAY)).toEqual([]);
  });

  it.each(SESSION_CASES)('$field: "$en" and its French', ({ field, change, en }) => {
    const found = onlyProblem(checkSession, VALID_SESSION, change);
    expect(found.problem.field).toBe(field);
    expect(found.en).toBe(en);
    expect(found.fr).not.toBe(found.en);
    expectPlainLanguage(found.en);
    expectPlainLanguage(found.fr);
  });
});

describe('checks of a profile edit, by the API’s own rules', () => {
  it('accepts a change the API accepts and words a refused one like the registration form', () => {
    expect(checkEdit({ postalCode: null, comments: 'Moved.' }, TODAY)).toEqual([]);
    const problems = checkEdit({ postalCode: 'QQQ' }, TODAY);
    expect(problems.map((problem) => problemText(problem, MESSAGES.fr))).toEqual([
      'Saisissez un code postal canadien comme K1A 0B1, ou ses trois premiers caractères, comme K1A',
    ]);
  });
});

describe('a problem+json answer on the form', () => {
  const fields = ['gender', 'postalCode', 'siteId', 'registrationDate', 'a/b'];

  it('puts each pointer naming a field of the form on that field, in the form’s words', () => {
    const { problems, unplaced } = serverProblems(
      [
        { pointer: '/postalCode', detail: 'must be a Canadian postal code (A1A 1A1)' },
        { pointer: '/siteId', detail: 'this site is no longer active; choose another site' },
        { pointer: '/a~1b', detail: 'escaped' },
      ],
      { status: 422, fields, siteUnavailable: 'siteUnavailable' },
    );
    expect(problems).toEqual([
      { field: 'postalCode', kind: 'refused' },
      { field: 'siteId', kind: 'siteUnavailable' },
      { field: 'a/b', kind: 'refused' },
    ]);
    expect(unplaced).toEqual([]);
    expect(problemText(problems[0]!, MESSAGES.en)).toBe('Postal code: this value is not accepted. Check it and try again.');
    expect(problemText(problems[0]!, MESSAGES.fr)).toBe("Code postal : cette valeur n'est pas acceptée. Vérifiez-la et réessayez.");
    expect(problemText(problems[1]!, MESSAGES.en)).toBe('The registration site chosen is unknown or no longer active: choose another site');
    expect(problemText(problems[1]!, MESSAGES.fr)).toBe(
      "Le lieu d'inscription choisi est inconnu ou n'est plus actif : choisissez-en un autre",
    );
  });

  it('keeps an error without a field of the form as the server’s text, for the summary', () => {
    const { problems, unplaced } = serverProblems(
      [
        { pointer: '', detail: 'The body is not valid JSON.' },
        { pointer: '/clientId', detail: 'is set by the server and must not be sent' },
        { pointer: '/clients/0/gender', detail: 'nested' },
      ],
      { status: 400, fields, siteUnavailable: 'siteUnavailable' },
    );
    expect(problems).toEqual([]);
    expect(unplaced).toEqual(['The body is not valid JSON.', 'is set by the server and must not be sent', 'nested']);
  });

  it('says a refused site of a session is the session’s, and a 400 on the site is a choice to make', () => {
    const session = serverProblems([{ pointer: '/siteId', detail: 'x' }], {
      status: 422,
      fields: ['siteId'],
      siteUnavailable: 'sessionSiteUnavailable',
    });
    expect(problemText(session.problems[0]!, MESSAGES.en)).toBe(
      'The session site is unknown or no longer active: register the client at an active site',
    );
    const malformed = serverProblems([{ pointer: '/siteId', detail: 'x' }], {
      status: 400,
      fields: ['siteId'],
      siteUnavailable: 'siteUnavailable',
    });
    expect(problemText(malformed.problems[0]!, MESSAGES.en)).toBe('Registration site: this value is not accepted. Check it and try again.');
  });
});

describe('dates as typed', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['20261130', '2026-11-30'],
    [' 2026/11/30 ', '2026-11-30'],
    ['2026 11 30', '2026-11-30'],
    ['11/30/2026', '11/30/2026'],
    ['2026-1-30', '2026-1-30'],
    ['', ''],
  ])('%j is sent as %j', (typed, sent) => {
    expect(normalizeDate(typed)).toBe(sent);
  });
});
