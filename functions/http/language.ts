/**
 * The headers of an answer written in a negotiated language. The language itself is chosen from
 * Accept-Language by @middy/http-content-negotiation (functions/http/route-pipeline.ts): French for
 * `fr` and its regional variants (`fr-CA`, `fr-FR`...), English otherwise and by default. Successful
 * answers carry codes and both languages' labels, so only problems are negotiated.
 */
import type { Language } from '../domain/messages';

/** Headers of a negotiated answer: its language, and that it depends on the request's. */
export function languageHeaders(language: Language): Record<string, string> {
  return { 'content-language': language, vary: 'Accept-Language' };
}
