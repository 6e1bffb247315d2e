import { describe, expect, it } from '@jest/globals';
import { isIsoCalendarDate, todayIn } from '../../functions/domain/calendar';

describe("the agency's today", () => {
  it('is still the previous day in Toronto when UTC has passed midnight', () => {
    // 2024-03-02 03:30 UTC is 2024-03-01 22:30 in Toronto (EST, UTC-5).
    const instant = new Date('2024-03-02T03:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2024-03-02');
    expect(todayIn('America/Toronto', instant)).toBe('2024-03-01');
  });

  it('turns over at local midnight, daylight saving time included', () => {
    // EDT (UTC-4) in July: local midnight is 04:00 UTC.
    expect(todayIn('America/Toronto', new Date('2024-07-10T03:59:59Z'))).toBe('2024-07-09');
    expect(todayIn('America/Toronto', new Date('2024-07-10T04:00:00Z'))).toBe('2024-07-10');
  });

  it('follows other Canadian time zones', () => {
    expect(todayIn('America/Vancouver', new Date('2024-03-02T07:59:00Z'))).toBe('2024-03-01');
    expect(todayIn('America/St_Johns', new Date('2024-03-02T03:29:00Z'))).toBe('2024-03-01');
    expect(todayIn('America/St_Johns', new Date('2024-03-02T03:31:00Z'))).toBe('2024-03-02');
  });
});

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-1-01', false],
    ['', false],
  ])('%j is a calendar date: %s', (value, expected) => {
    expect(isIsoCalendarDate(value)).toBe(expected);
  });
});
