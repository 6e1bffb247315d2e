/**
 * The body of a route that takes one: `application/json` in UTF-8, at most 64 KiB, parsed. In order:
 * another media type, or a charset other than UTF-8, is a 415; a larger body a 413; bytes that are
 * not UTF-8 a 400 naming every string they fell in (or the whole body, pointer '', when the text is
 * not JSON either); text that is not JSON a 400 with an empty pointer; a string, key or value at any
 * depth, that is not well-formed Unicode (a lone surrogate, sent as a `\uD800` escape) a 400 naming it.
 * Routes without a request body never look at it.
 */
import type { RouteDefinition } from '../../api/routes/route-definition';
import { type FieldError, InvalidRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../../domain/errors';
import { message } from '../../domain/messages';
import { type PipelineRequest, scopeOf } from './request-scope';

export const MAX_BODY_BYTES = 64 * 1024;

/** The labels of UTF-8 in a charset parameter (WHATWG Encoding: "utf-8" and its common alias "utf8"). */
const UTF8_LABELS = new Set(['utf-8', 'utf8']);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** In a `u` pattern a surrogate pair is one code point, so this matches only a lone surrogate. */
const LONE_SURROGATE = /\p{Cs}/u;

const REPLACEMENT_CHARACTER = '\uFFFD';

/** The media type, lower-cased, and the values of its `charset` parameters (unquoted, lower-cased). */
function parseContentType(header: string): { mediaType: string; charsets: string[] } {
  const [type = '', ...parameters] = header.split(';');
  const charsets: string[] = [];
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (equals === -1 || parameter.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    let value = parameter.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    charsets.push(value.trim().toLowerCase());
  }
  return { mediaType: type.trim().toLowerCase(), charsets };
}

const pointerSegment = (segment: string | number) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * The pointers of every string in `value`, key or value at any depth, that `matches` (a bad key names
 * its member). A loop, not recursion: a 64 KiB body can nest thousands of levels deep.
 */
function stringsWhere(value: unknown, matches: (text: string) => boolean): string[] {
  const found = new Set<string>();
  const pending: { value: unknown; pointer: string }[] = [{ value, pointer: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: item, pointer } = next;
    if (typeof item === 'string') {
      if (matches(item)) found.add(pointer);
    } else if (Array.isArray(item)) {
      item.forEach((element, index) => pending.push({ value: element, pointer: pointer + pointerSegment(index) }));
    } else if (item !== null && typeof item === 'object') {
      for (const [key, member] of Object.entries(item)) {
        const memberPointer = pointer + pointerSegment(key);
        if (matches(key)) found.add(memberPointer);
        pending.push({ value: member, pointer: memberPointer });
      }
    }
  }
  return [...found];
}

/** The body as text, and whether it was well-formed UTF-8 (when not, the bad bytes read as U+FFFD). */
function bodyText(body: string, base64: boolean): { text: string; wellFormed: boolean; bytes: number } {
  if (!base64) {
    // A string handed over as it is: it may hold lone surrogates, which no UTF-8 bytes could encode.
    const bytes = Buffer.byteLength(body, 'utf8');
    return LONE_SURROGATE.test(body)
      ? { text: Buffer.from(body, 'utf8').toString('utf8'), wellFormed: false, bytes }
      : { text: body, wellFormed: true, bytes };
  }
  const raw = Buffer.from(body, 'base64');
  try {
    return { text: strictUtf8.decode(raw), wellFormed: true, bytes: raw.length };
  } catch {
    return { text: raw.toString('utf8'), wellFormed: false, bytes: raw.length };
  }
}

export function jsonBody(route: RouteDefinition) {
  return {
    before: (request: PipelineRequest) => {
      if (!route.requestBody) return;
      const { event } = request;
      const { mediaType, charsets } = parseContentType(event.headers?.['content-type'] ?? '');
      if (mediaType !== 'application/json') throw new UnsupportedMediaTypeError(message('request.notJsonMediaType'));
      if (charsets.some((charset) => !UTF8_LABELS.has(charset))) throw new UnsupportedMediaTypeError(message('request.notUtf8Charset'));
      const { text, wellFormed, bytes } = bodyText(event.body ?? '', event.isBase64Encoded === true);
      if (bytes > MAX_BODY_BYTES) {
        throw new PayloadTooLargeError(message('request.tooLarge', { bytes, limit: MAX_BODY_BYTES }));
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        if (!wellFormed) throw new InvalidRequestError([{ pointer: '', detail: message('field.notUtf8') }], message('request.notUtf8'));
        throw new InvalidRequestError([{ pointer: '', detail: message('field.notJson') }], message('request.notJson'));
      }
      if (!wellFormed) {
        const pointers = stringsWhere(parsed, (s) => s.includes(REPLACEMENT_CHARACTER));
        const errors: FieldError[] = (pointers.length > 0 ? pointers : ['']).map((pointer) => ({
          pointer,
          detail: message('field.notUtf8'),
        }));
        throw new InvalidRequestError(errors, message('request.notUtf8'));
      }
      const illFormed = stringsWhere(parsed, (s) => LONE_SURROGATE.test(s));
      if (illFormed.length > 0) {
        throw new InvalidRequestError(illFormed.map((pointer) => ({ pointer, detail: message('field.loneSurrogate') })));
      }
      scopeOf(request.context).rawBody = parsed;
    },
  };
}
