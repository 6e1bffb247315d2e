/**
 * The language of a problem answer, from the request's Accept-Language (RFC 9110 §12.5.4): French
 * for `fr` and its regional variants (`fr-CA`, `fr-FR`...), English otherwise and by default.
 * Successful answers carry codes and both languages' labels, so only problems are negotiated.
 */
import { type Language, LANGUAGES } from '../domain/messages';

const DEFAULT_LANGUAGE: Language = 'en';

interface Preference {
  /** Our language the range names (its primary subtag), or '*' for any. */
  language: Language | '*';
  quality: number;
  position: number;
}

function preferences(header: string): Preference[] {
  const found: Preference[] = [];
  header.split(',').forEach((item, position) => {
    const [range = '', ...parameters] = item.split(';').map((part) => part.trim().toLowerCase());
    const primary = range.split('-')[0] ?? '';
    const language = range === '*' ? '*' : LANGUAGES.find((candidate) => candidate === primary);
    if (!language) return;
    const q = parameters.find((parameter) => parameter.startsWith('q='))?.slice(2);
    const quality = q === undefined ? 1 : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q) ? Number(q) : NaN;
    if (!Number.isNaN(quality)) found.push({ language, quality, position });
  });
  return found;
}

/**
 * Each of our languages takes the highest quality among the ranges naming it (`fr-CA` names `fr`),
 * or that of `*` when none does; q=0 refuses it. The best quality wins, then the earliest range;
 * when nothing acceptable is ours, English.
 */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  const all = preferences(acceptLanguage ?? '');
  const wildcard = all.find((preference) => preference.language === '*');
  let best: { language: Language; quality: number; position: number } | undefined;
  for (const language of LANGUAGES) {
    const named = all.filter((preference) => preference.language === language);
    const chosen = named.length > 0 ? named.reduce((a, b) => (b.quality > a.quality ? b : a)) : wildcard;
    if (!chosen || chosen.quality <= 0) continue;
    if (!best || chosen.quality > best.quality || (chosen.quality === best.quality && chosen.position < best.position)) {
      best = { language, quality: chosen.quality, position: chosen.position };
    }
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}

/** Headers of a negotiated answer: its language, and that it depends on the request's. */
export function languageHeaders(language: Language): Record<string, string> {
  return { 'content-language': language, vary: 'Accept-Language' };
}
