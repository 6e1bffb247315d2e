/**
 * The drift check of the web front end's generated API types: web/src/api-types.ts must be exactly what
 * `npm run web:api-types` writes from the current OpenAPI document (the one GET /v1/openapi.json
 * serves), so a change to the API's schemas is regenerated, and then type-checked against the web
 * code by `npm run typecheck`, before it is committed.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { generateWebApiTypes, WEB_API_TYPES_FILE } from '../../scripts/web-api-types';
import { expectWithMessage } from '../support/expect-with-message';

/**
 * Builds the whole OpenAPI document, runs openapi-typescript and prettier (plugins loaded on first use)
 * over 2,700 lines: a second or two alone, past the unit layer's 5 s while CI's other work competes.
 */
const GENERATION_BUDGET_MS = 60_000;

describe('web/src/api-types.ts', () => {
  it(
    'is what npm run web:api-types generates from the OpenAPI document',
    async () => {
      const generated = await generateWebApiTypes();
      expect(generated).toContain('export interface paths');
      const committed = readFileSync(WEB_API_TYPES_FILE, 'utf8');
      expectWithMessage(
        committed,
        'web/src/api-types.ts is out of date with the OpenAPI document: run `npm run web:api-types` and commit the result',
      ).toBe(generated);
    },
    GENERATION_BUDGET_MS,
  );
});
