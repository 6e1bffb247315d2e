import * as z from 'zod';
import { zodMessage } from './messages';

// A search is one line of words: no control character (tab and line breaks included) has a place in it.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;

/** The text of a search box (`q`): at most `maxLength` UTF-16 units, no control characters. */
export function searchTextSchema(maxLength: number) {
  return z
    .string()
    .max(maxLength)
    .refine((text) => !CONTROL_CHARACTERS.test(text), zodMessage('field.searchControlCharacters'));
}
