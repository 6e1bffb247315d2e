/**
 * An agency id: the one rule for `custom:agency_id`, shared by the API's claim check
 * (functions/http/caller-from-claims.ts), the local token verifier and issuers (`npm run token`, the
 * local sign-in) and the web front end's sign-in form. A module of its own, with no imports, so the
 * browser bundle takes the rule without the API's message catalogue.
 */
export const AGENCY_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
