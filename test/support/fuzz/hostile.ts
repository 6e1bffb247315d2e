/**
 * Hostile and valid-looking primitives for the route fuzzer: free text in many scripts, dates, ids,
 * percent-encodings, header values and invalid UTF-8. None of these is tied to one route; the route's
 * schemas decide where they go (./json-schema.ts, ./requests.ts).
 */
import * as fc from 'fast-check';

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Dates a person would type: today, the last weeks, any day since 2000. */
export function validDate(today: string): fc.Arbitrary<string> {
  const span = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse('2000-01-01T00:00:00Z')) / DAY_MS);
  return fc.oneof(
    fc.constant(today),
    fc.integer({ min: 0, max: 60 }).map((days) => addDays(today, -days)),
    fc.integer({ min: 0, max: span }).map((days) => addDays('2000-01-01', days)),
  );
}

/** Dates that are not, or are out of range: impossible days, far future, other formats, empty. */
export function hostileDates(today: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    '2023-02-29',
    '2100-02-29',
    '9999-12-31',
    '0000-00-00',
    '',
    '1999-12-31',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-1-5',
    '20240105',
    '2024/01/05',
    '05-01-2024',
    '2024-01-05T00:00:00Z',
    ' 2024-01-05',
    '2024-01-05 ',
    '+002024-01-05',
    '２０２４-０１-０５',
    '2024-01-05\u0000',
    '2024-01-5\u0661',
    addDays(today, 1),
    addDays(today, 365 * 1000),
    'today',
    'NaN-NaN-NaN',
  );
}

const SAMPLES = [
  'Looking for ESL classes',
  'Besoin d’un interprète pour la santé',
  'يحتاج إلى مترجم عربي',
  'Нужна помощь с жильём',
  '需要学习英语课程',
  'Cần hỗ trợ tìm việc làm',
  'ትግርኛ አስተርጓሚ ያስፈልጋል',
  'मुझे हिंदी दुभाषिया चाहिए',
  'Family of four 👨‍👩‍👧‍👦 arrived in March',
  'e\u0301cole (decomposed) and école',
  'Tab\tand\nnew line\r\nkept',
  '  padded with spaces  ',
  'ſt. mary’s — “quotes” ‹›',
  'ℌ𝔢𝔩𝔩𝔬 ﬁ ﷺ',
];

/** Free text: words, any printable graphemes, real-world samples in many scripts, text near `maxLength`. */
export function text(maxLength: number): fc.Arbitrary<string> {
  const short = Math.min(maxLength, 60);
  return fc.oneof(
    { weight: 4, arbitrary: fc.lorem({ maxCount: 8 }).map((words) => words.slice(0, maxLength)) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: short }) },
    { weight: 2, arbitrary: fc.constantFrom(...SAMPLES) },
    { weight: 1, arbitrary: fc.integer({ min: Math.max(0, maxLength - 3), max: maxLength }).map((n) => 'a'.repeat(n)) },
  );
}

/** Strings that break assumptions: numbers as text, markup, keys of our own table, controls, lone surrogates, odd Unicode. */
export const hostileStrings: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-0',
    '0x1F',
    '__proto__',
    'constructor',
    'prototype',
    '{{7*7}}',
    '${jndi:ldap://x/a}',
    '<script>alert(1)</script>',
    "' OR '1'='1' --",
    'AGENCY#other-agency',
    'CLIENT#0000000000000000000000000Z#AUDIT#',
    '../../../etc/passwd',
    '%00',
    '%ZZ',
    '\u0000',
    'bell\u0007',
    '\u001b[31mred',
    '\u0085next line',
    'right\u202Eto left',
    'zero\u200Bwidth',
    '\uFEFFbom',
    '\uFFFD',
    '\uD800',
    '\uDFFF',
    'a\uD83D',
    '\uDE00\uD83D',
    'Ｍ５Ｖ　２Ｔ６',
    'İstanbul ß ǅ',
    '\u0130'.repeat(50),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 4 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 20 }),
  fc
    .constantFrom(4001, 10_000, 70_000)
    .chain((n) => fc.constantFrom('x', '\n', '👨‍👩‍👧', ' ').map((unit) => unit.repeat(Math.ceil(n / unit.length)))),
);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Ids of the wrong alphabet or length (or both), never a valid 26-character Crockford id. */
export const hostileIds: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 25, maxLength: 25 }),
  fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 27, maxLength: 30 }),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 25, maxLength: 25 }),
      fc.constantFrom('I', 'L', 'O', 'U', 'a', 'z', '-', '_', 'Ä', '٣', ' '),
    )
    .map(([id, bad]) => id + bad),
  fc.constantFrom(
    'not-an-id',
    '',
    ' ',
    '0',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    'batch',
    'tree',
    'index',
    'x'.repeat(2000),
    'ON-SCH-000001',
    'A'.repeat(64) + 'B',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);

/** Percent-encodings that do not decode to UTF-8 text. */
export const badPercentEncodings = fc.constantFrom(
  '%ZZ',
  '%',
  '%4',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%F0%9F%98',
  '%80',
  '%%41',
  '%u0041',
  '%C3%28',
  '%E2%82',
);

/** A segment or value whose percent-encoding is malformed somewhere. */
export function badlyEncoded(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(valid, badPercentEncodings, fc.nat()).map(([value, bad, at]) => {
    const position = value.length === 0 ? 0 : at % (value.length + 1);
    return encodeURIComponent(value.slice(0, position)) + bad + encodeURIComponent(value.slice(position));
  });
}

/** Invalid UTF-8 byte sequences (overlong, truncated, surrogates, bytes that never occur). */
export const invalidUtf8 = fc.constantFrom<readonly number[]>(
  [0xff],
  [0xc0, 0xaf],
  [0xe0, 0xa4],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe9],
);

/**
 * Text that a header can carry: fetch (undici) refuses control characters other than tab, and code
 * points above U+00FF (a header is bytes; U+0080 to U+00FF go as one byte each).
 */
function headerSafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '').replace(/[^\u0000-\u00ff]/g, '?');
}

/** UTF-8 bytes of `value` written one byte per character: how a non-ASCII header travels. */
export function utf8AsLatin1(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1');
}

export const acceptLanguages: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(undefined, 'en', 'fr', 'fr-CA,fr;q=0.9,en;q=0.5', 'en-CA', 'de-DE', '*') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'fr;q=2',
      'fr;q=abc',
      'fr;q=-1',
      ';;;,,,',
      'q=1',
      '*;q=0',
      'en;q=0, fr;q=0',
      'x'.repeat(2000),
      Array.from({ length: 200 }, (_, i) => `l${i};q=0.${i % 10}`).join(','),
      'zz-ZZ-u-ca-xxxxxxxxxxxxxx',
      'fr-CA;q=0.9, en;q=1.5',
      '\tfr',
      utf8AsLatin1('français'),
      '__proto__',
      'constructor;q=1',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }).map(headerSafe) },
);

export const ifMatchValues = {
  /** Never matches a stored version, or is not an entity tag at all: 412. */
  malformed: fc.oneof(
    fc.constantFrom(
      'W/"1"',
      'W/"2"',
      'abc',
      '"abc"',
      '1',
      '""',
      '"-1"',
      '"1.0"',
      '"9999999999"',
      '"01"',
      '*, "1"',
      '"1',
      '1"',
      'W/*',
      '**',
      `"${'9'.repeat(300)}"`,
      utf8AsLatin1('"é"'),
    ),
    fc
      .string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 })
      .map(headerSafe)
      .filter((v) => v.trim() !== '' && v.trim() !== '*' && !/^"\d{1,9}"$/.test(v.trim())),
  ),
  /** A tag of a version that never exists (versions start at 1): 412 for a stored client. */
  stale: fc.constantFrom('"0"', '"999999"'),
  /** RFC 9110 lists: valid syntax, read differently by different servers. */
  lists: fc.constantFrom('"1", "2"', '"1","1"', ' "1" ', '"1" '),
};

export const idempotencyKeys = {
  valid: fc.stringMatching(/^[\x21-\x7E]{8,40}$/),
  invalid: fc.oneof(
    fc.constantFrom('', 'has space', 'tab\tinside', utf8AsLatin1('clé-1'), 'é-latin1', 'x'.repeat(256), 'y'.repeat(4000)),
    fc.string({ unit: 'binary-ascii', maxLength: 100 }).map((v) => `${'k'.repeat(256)}${headerSafe(v)}`),
  ),
};

export const contentTypes = {
  json: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'Application/JSON',
    'application/json; charset="utf-8"',
  ),
  /** Not JSON at all: 415. */
  other: fc.constantFrom(
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/merge-patch+json',
    'application/json-patch+json',
    'application/jsonx',
    'json',
    'application/octet-stream',
    'application/*',
    '*/*',
  ),
  /** JSON in another declared charset: 415 (CONTRACT §3). */
  otherCharset: fc.constantFrom(
    'application/json; charset=utf-16',
    'application/json; charset=UTF-16LE',
    'application/json; charset=utf-32',
    'application/json; charset=iso-8859-1',
    'application/json; charset=latin1',
    'application/json; charset=windows-1252',
    'application/json; charset=shift_jis',
  ),
  /** Unusual but arguably fine, or arguably not: no expectation. */
  odd: fc.constantFrom(
    'application/json; charset=utf8',
    'application/json; charset=',
    'application/json;;',
    'application/json, text/plain',
    ' application/json',
    'application/json; foo=bar',
    'application/json; charset=us-ascii',
  ),
};

/** Authorization header values that carry no valid token: 401. */
export const garbledAuthorization = fc.oneof(
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Bearer not-a-jwt',
    'Bearer a.b.c',
    'Basic dXNlcjpwYXNz',
    'Token abc',
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    'bearer',
    `Bearer ${'A'.repeat(4000)}`,
    'Bearer ====',
    'Bearer \u00e9',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((garbage) => `Bearer ${headerSafe(garbage)}`),
);
