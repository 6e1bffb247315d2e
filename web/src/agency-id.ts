/**
 * The local sign-in's agency id, checked in the browser by the API's own rule (AGENCY_ID in
 * functions/domain/agency-id.ts, which the local token endpoint and the token verifier use too):
 * an id the API would answer 403 to is refused before any token is asked for. Pure.
 */
import { AGENCY_ID } from '../../functions/domain/agency-id';

/** Whether the API takes this agency id (after trimming, as the sign-in form sends it). */
export function isAgencyId(value: string): boolean {
  return AGENCY_ID.test(value.trim());
}
