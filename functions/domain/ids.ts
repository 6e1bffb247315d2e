import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so an id read aloud or retyped from a receipt survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_LENGTH = 26;

/** A new unguessable id: 26 base32 characters, 130 random bits (the contract asks for at least 80). */
export function newId(): string {
  const bytes = randomBytes(ID_LENGTH);
  let id = '';
  // The low five bits of a uniformly random byte are uniform over the 32 symbols.
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A catalog's site id (CONTRACT §5): what the site CSV and the site routes accept. */
export const SITE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
