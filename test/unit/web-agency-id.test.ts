/**
 * One agency-id rule: the local sign-in page (web/src/agency-id.ts) and POST /local/token refuse what the
 * API refuses (AGENCY_ID in functions/http/caller-from-claims.ts), so no one signs in to a token that
 * every API call answers 403; the endpoint's 400 names the field.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callerFromClaims } from '../../functions/http/caller-from-claims';
import { isAgencyId } from '../../web/src/agency-id';
import { expectWithMessage } from '../support/expect-with-message';
import { serveWebHost } from '../support/web-host-server';

const REFUSED = ['-leading', '_leading', '', ' ', 'has space', 'a'.repeat(65), 'é', 'a/b', '..', '#agency'];
const TAKEN = ['agency-1', 'A', '9', 'a_b-c', 'a'.repeat(64), '  agency-7  '];

let work: string;
let closeServer: () => Promise<void>;
let base: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'agency-id-'));
  mkdirSync(join(work, 'dist'));
  writeFileSync(join(work, 'dist', 'index.html'), '<!doctype html>');
  ({ base, close: closeServer } = await serveWebHost({ dataDir: join(work, 'data'), webRoot: join(work, 'dist') }));
});

afterAll(async () => {
  await closeServer();
  rmSync(work, { recursive: true, force: true });
});

const askToken = (agencyId: string, language = 'en') =>
  fetch(`${base}/local/token`, {
    method: 'POST',
    headers: { 'accept-language': language },
    body: JSON.stringify({ agencyId, userId: 'desk-1' }),
  });

/** What the API makes of a token for this agency id: a caller, or the 403 it refuses with. */
const apiTakes = (agencyId: string) => {
  try {
    callerFromClaims({ sub: 'desk-1', token_use: 'id', 'custom:agency_id': agencyId, 'cognito:groups': ['staff'] });
    return true;
  } catch {
    return false;
  }
};

describe('the agency id of the local sign-in', () => {
  it('is refused in the browser exactly when the API refuses it', () => {
    for (const id of REFUSED) expectWithMessage(isAgencyId(id), JSON.stringify(id)).toBe(false);
    for (const id of TAKEN) expectWithMessage(isAgencyId(id), JSON.stringify(id)).toBe(true);
    for (const id of [...REFUSED, ...TAKEN].map((id) => id.trim())) expectWithMessage(isAgencyId(id), id).toBe(apiTakes(id));
  });

  it('is refused by POST /local/token with a 400 problem naming the field, in the page language', async () => {
    for (const id of REFUSED) {
      const answer = await askToken(id);
      expectWithMessage(answer.status, JSON.stringify(id)).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await answer.json()) as { detail: string; errors: { pointer: string; detail: string }[] };
      expectWithMessage(problem.errors, JSON.stringify(id)).toEqual([
        { pointer: '/agencyId', detail: expect.stringContaining('beginning with a letter or a digit') },
      ]);
      expect(problem.detail).toMatch(/^agencyId: /);
    }
    const french = (await (await askToken('-x', 'fr-CA')).json()) as { errors: { pointer: string; detail: string }[] };
    expect(french.errors).toEqual([{ pointer: '/agencyId', detail: expect.stringContaining('commencer par une lettre ou un chiffre') }]);
  });

  it('is taken by POST /local/token when the API takes it', async () => {
    for (const id of TAKEN) expectWithMessage((await askToken(id)).status, JSON.stringify(id)).toBe(200);
  });
});
