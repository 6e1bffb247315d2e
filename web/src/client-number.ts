/**
 * Client numbers (26 Crockford base32 characters) as people read, say and type them: groups of four to
 * read aloud, one character at a time for speech, and a typed or dictated number back to the plain id.
 * Pure: no DOM.
 */

/** Crockford's alphabet: digits and upper-case letters without I, L, O and U. */
const CLIENT_NUMBER = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const GROUP = 4;

/** The number in groups of four: `0123 4567 89AB CDEF GHJK MNPQ RS`. */
export function clientNumberGroups(clientId: string): string[] {
  const groups: string[] = [];
  for (let start = 0; start < clientId.length; start += GROUP) groups.push(clientId.slice(start, start + GROUP));
  return groups;
}

export function groupedClientNumber(clientId: string): string {
  return clientNumberGroups(clientId).join(' ');
}

/**
 * What a screen reader should say: every character on its own ("0 1 2 3"), a pause (comma) between
 * groups. Said as written, `0123` would be read as "one hundred twenty-three".
 */
export function spokenClientNumber(clientId: string): string {
  return clientNumberGroups(clientId)
    .map((group) => [...group].join(' '))
    .join(', ');
}

/**
 * The client id a query stands for, or undefined when it is not a client number (then it is words of
 * the comments). Spaces and hyphens between groups, any case, and Crockford's look-alikes (O for 0,
 * I and L for 1) are forgiven. Spaced text counts only when every piece is at most four characters
 * (groups as read aloud), so a sentence of comment words is never mistaken for a number.
 */
export function clientIdFromQuery(query: string): string | undefined {
  const pieces = query
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  if (pieces.length > 1 && pieces.some((piece) => piece.length > GROUP)) return undefined;
  const candidate = pieces.join('').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return CLIENT_NUMBER.test(candidate) ? candidate : undefined;
}
