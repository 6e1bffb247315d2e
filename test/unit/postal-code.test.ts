import { describe, expect, it } from '@jest/globals';
import { normalizePostalCode } from '../../functions/domain/postal-code';

describe('normalizePostalCode', () => {
  it.each([
    ['K1A 0B1', 'K1A 0B1'],
    ['M5V 2T6', 'M5V 2T6'],
    ['H0H 0H0', 'H0H 0H0'],
    ['T2X 1V4', 'T2X 1V4'],
    ['V6B 4Y8', 'V6B 4Y8'],
    ['Y1A 6L6', 'Y1A 6L6'],
    ['X0A 0H0', 'X0A 0H0'],
  ])('accepts the full code %j as %j', (input, expected) => {
    expect(normalizePostalCode(input)).toBe(expected);
  });

  it.each([
    ['K1A', 'K1A'],
    ['m5v', 'M5V'],
    [' L4T ', 'L4T'],
  ])('accepts the forward sortation area alone: %j → %j', (input, expected) => {
    expect(normalizePostalCode(input)).toBe(expected);
  });

  it.each([
    ['k1a 0b1', 'K1A 0B1'],
    ['K1a 0B1', 'K1A 0B1'],
    ['k1a0b1', 'K1A 0B1'],
    ['K1A0B1', 'K1A 0B1'],
    ['  K1A 0B1', 'K1A 0B1'],
    ['K1A 0B1  ', 'K1A 0B1'],
    ['\tK1A 0B1\n', 'K1A 0B1'],
  ])('normalizes case, the missing space and surrounding whitespace: %j → %j', (input, expected) => {
    expect(normalizePostalCode(input)).toBe(expected);
  });

  it.each([
    ['two spaces', 'K1A  0B1'],
    ['a tab between the halves', 'K1A\t0B1'],
    ['a hyphen', 'K1A-0B1'],
    ['a space inside a half', 'K1 A0B1'],
    ['empty', ''],
    ['only whitespace', '   '],
    ['too short', 'K1'],
    ['half an LDU', 'K1A 0B'],
    ['too long', 'K1A 0B12'],
    ['seven characters without a space', 'K1A0B1C'],
    ['digit in the first position', '11A 0B1'],
    ['digit in the third position', 'K11 0B1'],
    ['digit in the fifth position', 'K1A 001'],
    ['letter in the second position', 'KAA 0B1'],
    ['letter in the fourth position', 'K1A AB1'],
    ['letter in the sixth position', 'K1A 0BB'],
    ['a non-ASCII letter that upper-cases to an ASCII one', 'k1a 0ſ1'],
    ['full-width characters', 'Ｋ１Ａ ０Ｂ１'],
  ])('rejects %s: %j', (_label, input) => {
    expect(normalizePostalCode(input)).toBeUndefined();
  });

  const forbidden = ['D', 'F', 'I', 'O', 'Q', 'U'];
  describe.each(forbidden)('the forbidden letter %s', (letter) => {
    it.each([
      ['first', `${letter}1A 0B1`],
      ['third', `K1${letter} 0B1`],
      ['fifth', `K1A 0${letter}1`],
    ])('is rejected in the %s position', (_position, input) => {
      expect(normalizePostalCode(input)).toBeUndefined();
      expect(normalizePostalCode(input.toLowerCase())).toBeUndefined();
    });
  });

  describe.each(['W', 'Z'])('%s', (letter) => {
    it('is rejected as the first letter', () => {
      expect(normalizePostalCode(`${letter}1A 0B1`)).toBeUndefined();
      expect(normalizePostalCode(`${letter}1A`)).toBeUndefined();
    });

    it.each([
      ['third', `K1${letter} 0B1`],
      ['fifth', `K1A 0${letter}1`],
    ])('is allowed in the %s position', (_position, input) => {
      expect(normalizePostalCode(input)).toBe(input);
    });
  });
});
