/**
 * IAM's StringLike, as a `dynamodb:LeadingKeys` condition applies it: `*` any run of characters, `?` one
 * character, the rest literal, matched against the whole string.
 */
export function stringLike(pattern: string, value: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's').test(value);
}
