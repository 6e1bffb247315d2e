import { describe, expect, it } from '@jest/globals';
import { preferredMediaType } from '../../functions/http/accept';

const OFFERED = ['application/json', 'text/csv'] as const;

describe('preferredMediaType', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/csv, application/json;q=0.9', 'text/csv'],
    ['application/json, text/csv;q=0.5', 'application/json'],
    ['text/*', 'text/csv'],
    ['text/csv;q=0.8, */*;q=0.9', 'application/json'],
    ['text/csv, */*', 'text/csv'],
    ['application/xml', 'application/json'],
    ['TEXT/CSV; charset=utf-8', 'text/csv'],
    ['text/csv;q=0', 'application/json'],
  ])('Accept %j gives %s', (accept, expected) => {
    expect(preferredMediaType(accept, OFFERED)).toBe(expected);
  });
});
