/**
 * Canadian postal codes as Canada Post defines them: `A1A 1A1`, or its forward sortation area `A1A`.
 * The letters D, F, I, O, Q and U never appear (they are mistaken for digits or each other by OCR),
 * and W and Z are never the first letter. Staff type codes in any case, with or without the space.
 */

const FIRST_LETTER = '[ABCEGHJKLMNPRSTVXY]';
const OTHER_LETTER = '[ABCEGHJKLMNPRSTVWXYZ]';
const FSA = `${FIRST_LETTER}[0-9]${OTHER_LETTER}`;
const LDU = `[0-9]${OTHER_LETTER}[0-9]`;
const POSTAL_CODE = new RegExp(`^(${FSA})(${LDU})?$`);

/** The stored form (upper case, one space) of a valid Canadian postal code, or `undefined` if invalid. */
export function normalizePostalCode(input: string): string | undefined {
  // One optional space between the two halves is the only separator accepted. Match ASCII before
  // upper-casing: toUpperCase() maps some non-ASCII letters to ASCII ones ("ſ" → "S").
  const match = /^([A-Za-z0-9]{3}) ?([A-Za-z0-9]{3})?$/.exec(input.trim());
  if (!match) return undefined;
  const candidate = `${match[1]}${match[2] ?? ''}`.toUpperCase();
  const parts = POSTAL_CODE.exec(candidate);
  if (!parts) return undefined;
  return parts[2] ? `${parts[1]} ${parts[2]}` : (parts[1] as string);
}
