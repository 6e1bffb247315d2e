/** Client numbers as people read, say and type them (web/src/client-number.ts). */
import { describe, expect, it } from '@jest/globals';
import { clientIdFromQuery, clientNumberGroups, groupedClientNumber, spokenClientNumber } from '../../web/src/client-number';

const ID = '0123456789ABCDEFGHJKMNPQRS';

describe('client numbers read aloud', () => {
  it('are shown in groups of four, the last group holding the two left over', () => {
    expect(groupedClientNumber(ID)).toBe('0123 4567 89AB CDEF GHJK MNPQ RS');
    expect(clientNumberGroups(ID)).toEqual(['0123', '4567', '89AB', 'CDEF', 'GHJK', 'MNPQ', 'RS']);
  });

  it('are spoken one character at a time with a pause between groups, never as numbers', () => {
    expect(spokenClientNumber(ID)).toBe('0 1 2 3, 4 5 6 7, 8 9 A B, C D E F, G H J K, M N P Q, R S');
  });
});

describe('a Find a Client query that is a client number', () => {
  it('is the plain id whether typed plain, in groups, or in lower case', () => {
    expect(clientIdFromQuery(ID)).toBe(ID);
    expect(clientIdFromQuery('0123 4567 89AB CDEF GHJK MNPQ RS')).toBe(ID);
    expect(clientIdFromQuery('  0123 4567 89ab cdef ghjk mnpq rs ')).toBe(ID);
    expect(clientIdFromQuery('0123-4567-89AB-CDEF-GHJK-MNPQ-RS')).toBe(ID);
  });

  it("forgives Crockford's look-alikes: O for zero, I and L for one", () => {
    expect(clientIdFromQuery('O123 4567 89AB CDEF GHJK MNPQ RS')).toBe(ID);
    expect(clientIdFromQuery('0I23 4567 89AB CDEF GHJK MNPQ RS')).toBe(ID);
    expect(clientIdFromQuery('0l23 4567 89ab cdef ghjk mnpq rs')).toBe(ID);
  });

  it('is not a number when it has the wrong length or a letter Crockford never uses (U)', () => {
    expect(clientIdFromQuery(ID.slice(0, 25))).toBeUndefined();
    expect(clientIdFromQuery(`${ID}0`)).toBeUndefined();
    expect(clientIdFromQuery(`${ID.slice(0, 25)}U`)).toBeUndefined();
    expect(clientIdFromQuery('')).toBeUndefined();
  });

  it('is not a number when it is words of comments, even words that make 26 valid characters', () => {
    const words = 'seven kids need help at new home';
    // Run together, these words would pass for a number (I, L, O forgiven; no U)...
    expect(clientIdFromQuery(words.replace(/\s/g, ''))).toBeDefined();
    // ...but typed as words, longer than the groups of four of a number read aloud, they are a search.
    expect(clientIdFromQuery(words)).toBeUndefined();
    expect(clientIdFromQuery('arabic')).toBeUndefined();
  });
});
