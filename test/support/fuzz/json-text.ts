/**
 * JSON text for the route fuzzer, including what JSON.stringify cannot write: number literals such as
 * 1e400 or -0, broken text, and strings whose UTF-8 bytes are invalid. Values are plain JS values with
 * two markers (RawJson, BrokenUtf8String) that the writer emits byte for byte. Lone surrogates in a
 * string are written as `\udXXX` escapes (what JSON.stringify does), so the server parses them back.
 */
import * as fc from 'fast-check';

/** Text written verbatim where a JSON value goes. */
export class RawJson {
  constructor(readonly text: string) {}
  [fc.toStringMethod]() {
    return `raw(${JSON.stringify(this.text.length > 120 ? `${this.text.slice(0, 60)}…(${this.text.length} chars)…${this.text.slice(-20)}` : this.text)})`;
  }
}

/** A JSON string written as UTF-8 with `bytes` (invalid UTF-8) between `before` and `after`. */
export class BrokenUtf8String {
  constructor(
    readonly before: string,
    readonly bytes: readonly number[],
    readonly after: string,
  ) {}
  [fc.toStringMethod]() {
    const hex = this.bytes.map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
    return `utf8Bytes(${JSON.stringify(this.before)} + "${hex}" + ${JSON.stringify(this.after)})`;
  }
}

/** A copy of `object` with an own enumerable `key` (also `__proto__`, which assignment would not create). */
export function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(object))
    Object.defineProperty(copy, name, { value: object[name], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A copy of `object` without `key`. */
export function withoutKey(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(object)) {
    if (name !== key) Object.defineProperty(copy, name, { value: object[name], enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function write(value: unknown, out: Buffer[]): void {
  if (value instanceof RawJson) {
    out.push(Buffer.from(value.text, 'utf8'));
  } else if (value instanceof BrokenUtf8String) {
    out.push(
      Buffer.from(JSON.stringify(value.before).slice(0, -1), 'utf8'),
      Buffer.from(value.bytes),
      Buffer.from(JSON.stringify(value.after).slice(1), 'utf8'),
    );
  } else if (Array.isArray(value)) {
    out.push(Buffer.from('['));
    value.forEach((item, i) => {
      if (i > 0) out.push(Buffer.from(','));
      write(item === undefined ? null : item, out);
    });
    out.push(Buffer.from(']'));
  } else if (value !== null && typeof value === 'object') {
    out.push(Buffer.from('{'));
    let first = true;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      if (!first) out.push(Buffer.from(','));
      first = false;
      out.push(Buffer.from(`${JSON.stringify(key)}:`, 'utf8'));
      write(item, out);
    }
    out.push(Buffer.from('}'));
  } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value === null) {
    out.push(Buffer.from(JSON.stringify(value), 'utf8'));
  } else {
    out.push(Buffer.from('null'));
  }
}

/** The UTF-8 JSON text of `value`, markers included. */
export function jsonBytes(value: unknown): Buffer {
  const out: Buffer[] = [];
  write(value, out);
  return Buffer.concat(out);
}

/** JSON Pointer (RFC 6901) of a path. */
export function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Pointers of every string (keys included) of a parsed JSON value that holds a lone surrogate. */
export function loneSurrogatePointers(value: unknown, path: PropertyKey[] = []): string[] {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? [pointerOf(path)] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => loneSurrogatePointers(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.keys(value).flatMap((key) =>
      hasLoneSurrogate(key) ? [pointerOf([...path, key])] : loneSurrogatePointers((value as Record<string, unknown>)[key], [...path, key]),
    );
  }
  return [];
}

/** Paths of the string values of a JSON value (where a broken string can be planted). */
export function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object' && !(value instanceof RawJson) && !(value instanceof BrokenUtf8String)) {
    return Object.keys(value).flatMap((key) => stringPaths((value as Record<string, unknown>)[key], [...path, key]));
  }
  return [];
}

/** Paths of the objects of a JSON value, the value itself first (where keys can be added or removed). */
export function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object' && !(value instanceof RawJson) && !(value instanceof BrokenUtf8String)) {
    return [path, ...Object.keys(value).flatMap((key) => objectPaths((value as Record<string, unknown>)[key], [...path, key]))];
  }
  return [];
}

export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) current = (current as Record<string | number, unknown>)[segment];
  return current;
}

/** A copy of `value` with the value at `path` replaced by `update(old)`; objects keep their own keys (even `__proto__`). */
export function updatedAt(value: unknown, path: readonly (string | number)[], update: (old: unknown) => unknown): unknown {
  if (path.length === 0) return update(value);
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? updatedAt(item, rest, update) : item));
  const object = value as Record<string, unknown>;
  return withKey(object, String(head), updatedAt(object[String(head)], rest, update));
}
