import * as z from 'zod';
import { clientZodMessage } from './client-messages';

// Line feed, carriage return and tab are how people lay out notes; every other C0/C1 control
// character (and DEL) is either an encoding accident or an attempt to smuggle terminal escapes.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Free text typed by staff (comments, session notes): trimmed, NFC-normalised, at most `maxCharacters`
 * Unicode code points (as a person counts characters, not UTF-16 units); blank means null.
 */
export function freeTextInputSchema(maxCharacters: number) {
  return z
    .string()
    .nullable()
    .transform((value, ctx) => {
      if (value === null) return null;
      const text = value.normalize('NFC').trim();
      if (FORBIDDEN_CONTROL_CHARACTERS.test(text)) {
        ctx.addIssue({ code: 'custom', message: clientZodMessage('field.controlCharacters') });
        return z.NEVER;
      }
      const length = [...text].length;
      if (length > maxCharacters) {
        ctx.addIssue({ code: 'custom', message: clientZodMessage('field.tooLongAfterTrimming', { max: maxCharacters, length }) });
        return z.NEVER;
      }
      return text === '' ? null : text;
    });
}
