import { describe, expect, it } from '@jest/globals';
import { anonymousClientRules, SERVER_OWNED_FIELDS } from '../../functions/domain/anonymous-client';
import { fieldErrorsFromZod } from '../../functions/http/validation';
import { expectWithMessage } from '../support/expect-with-message';

const TODAY = '2024-03-01';
const valid = { gender: 'FEMALE', registrationDate: '2024-02-29', siteId: 'ON-SCH-000001' };

function check(body: Record<string, unknown>, today = TODAY) {
  const result = anonymousClientRules(today).registration.safeParse(body);
  return result.success
    ? { ok: true as const, value: result.data }
    : { ok: false as const, errors: fieldErrorsFromZod(result.error.issues, { serverOwnedFields: SERVER_OWNED_FIELDS }) };
}

function pointers(body: Record<string, unknown>, today = TODAY) {
  const result = check(body, today);
  return result.ok ? [] : result.errors.map((e) => e.pointer).sort();
}

describe('postal code rule', () => {
  it.each([
    ['M5V 2T6', 'M5V 2T6'],
    ['m5v 2t6', 'M5V 2T6'],
    ['M5V2T6', 'M5V 2T6'],
    ['m5v', 'M5V'],
    [' K1A 0B1 ', 'K1A 0B1'],
    ['T2W 1Z9', 'T2W 1Z9'],
    ['', null],
    [null, null],
  ])('accepts %j as %j', (input, stored) => {
    const result = check({ ...valid, postalCode: input });
    expect(result.ok && result.value.postalCode).toBe(stored);
  });

  it.each([
    'D1A 1A1',
    'M5F 2T6',
    'M5V 2I6',
    'M5V 2T0O',
    'W1A 1A1',
    'Z1A 1A1',
    'M5V  2T6',
    'M5V-2T6',
    'M5',
    'M5V 2T',
    '12345',
    'MMM 2T6',
    'M5V 2T6X',
  ])('refuses %j', (input) => {
    expect(pointers({ ...valid, postalCode: input })).toEqual(['/postalCode']);
  });

  it('treats an omitted postal code as null', () => {
    const result = check(valid);
    expect(result.ok && result.value.postalCode).toBeNull();
  });
});

describe('registration date rule', () => {
  it('accepts a leap day and refuses the 29th of February in a common year', () => {
    expect(pointers({ ...valid, registrationDate: '2024-02-29' })).toEqual([]);
    expect(pointers({ ...valid, registrationDate: '2023-02-29' })).toEqual(['/registrationDate']);
  });

  it('accepts today and refuses tomorrow', () => {
    expect(pointers({ ...valid, registrationDate: TODAY })).toEqual([]);
    expect(pointers({ ...valid, registrationDate: '2024-03-02' })).toEqual(['/registrationDate']);
  });

  it('accepts 2000-01-01 and refuses the day before', () => {
    expect(pointers({ ...valid, registrationDate: '2000-01-01' })).toEqual([]);
    expect(pointers({ ...valid, registrationDate: '1999-12-31' })).toEqual(['/registrationDate']);
  });

  it.each(['2024-3-1', '01/03/2024', '2024-13-01', '2024-00-10', '2024-01-32', 20240101])('refuses %j', (date) => {
    expect(pointers({ ...valid, registrationDate: date })).toEqual(['/registrationDate']);
  });
});

describe('arrival year and immigration status', () => {
  it('default to UNKNOWN', () => {
    const result = check(valid);
    expect(result.ok && [result.value.arrivalYear, result.value.immigrationStatus]).toEqual(['UNKNOWN', 'UNKNOWN']);
  });

  it('bound the arrival year by 1900 and the current year', () => {
    expect(pointers({ ...valid, arrivalYear: 1900 })).toEqual([]);
    expect(pointers({ ...valid, arrivalYear: 2024 })).toEqual([]);
    expect(pointers({ ...valid, arrivalYear: 1899 })).toEqual(['/arrivalYear']);
    expect(pointers({ ...valid, arrivalYear: 2025 })).toEqual(['/arrivalYear']);
    expect(pointers({ ...valid, arrivalYear: 2020.5 })).toEqual(['/arrivalYear']);
    expect(pointers({ ...valid, arrivalYear: 'unknown' })).toEqual(['/arrivalYear']);
  });

  it('accept only immigration status codes from the reference data', () => {
    expect(pointers({ ...valid, immigrationStatus: 'CUAET' })).toEqual([]);
    expect(pointers({ ...valid, immigrationStatus: 'Refugee claimant' })).toEqual(['/immigrationStatus']);
  });
});

describe('comments rule', () => {
  it('accepts 4,000 characters after trimming and refuses 4,001', () => {
    expect(pointers({ ...valid, comments: `  ${'é'.repeat(4000)}\n` })).toEqual([]);
    expect(pointers({ ...valid, comments: 'é'.repeat(4001) })).toEqual(['/comments']);
  });

  it('counts characters, not UTF-16 units: 4,000 emoji fit', () => {
    expect(pointers({ ...valid, comments: '🙂'.repeat(4000) })).toEqual([]);
  });

  it('stores the NFC form, trimmed', () => {
    const result = check({ ...valid, comments: '  Cafe\u0301 conversation  ' });
    expect(result.ok && result.value.comments).toBe('Caf\u00e9 conversation');
  });

  it('keeps line breaks and tabs but refuses other control characters', () => {
    expect(pointers({ ...valid, comments: 'line one\r\nline two\tindented' })).toEqual([]);
    for (const control of ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085']) {
      expectWithMessage(pointers({ ...valid, comments: `text${control}` }), JSON.stringify(control)).toEqual(['/comments']);
    }
  });

  it('stores blank comments as null', () => {
    const result = check({ ...valid, comments: '   ' });
    expect(result.ok && result.value.comments).toBeNull();
  });
});

describe('fields the request may not carry', () => {
  it('refuses unknown fields by name', () => {
    expect(check({ ...valid, nickname: 'x' })).toEqual({
      ok: false,
      errors: [{ pointer: '/nickname', detail: 'is not a field of this request' }],
    });
  });

  it.each(['agency', 'agencyId', 'clientName', 'clientType', 'clientId', 'createdBy', 'version'])(
    'refuses %s as set by the server',
    (field) => {
      expect(check({ ...valid, [field]: 'x' })).toEqual({
        ok: false,
        errors: [{ pointer: `/${field}`, detail: 'is set by the server and must not be sent' }],
      });
    },
  );

  it('names every missing required field', () => {
    expect(check({})).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { pointer: '/gender', detail: 'is required' },
        { pointer: '/registrationDate', detail: 'is required' },
        { pointer: '/siteId', detail: 'is required' },
      ]),
    });
  });
});
