import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { routes } from '../../functions/api/routes';
import { activeSite, inactiveSite } from '../../support/sample-sites';
import { call, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';

describe('service routes', () => {
  it('GET /v1/health answers ok with the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    const response = await call('GET', '/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', version });
  });

  it('GET /v1/openapi.json is OpenAPI 3.1 and lists exactly the routes of the route table', async () => {
    const response = await call('GET', '/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    const register = response.body.paths['/v1/anonymous-clients'].post;
    expect(register.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415', '422']));
    expect(response.body.paths['/v1/health'].get.security).toEqual([]);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await call('GET', '/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('GET /v1/reference-data', () => {
  it('lists bilingual codes in UPPER_SNAKE_CASE, with UNKNOWN among genders and immigration statuses', async () => {
    const response = await call('GET', '/v1/reference-data', { token: await tokenFor(uniqueAgency()) });
    expect(response.status).toBe(200);
    const data = response.body;
    for (const list of ['genders', 'immigrationStatuses', 'sessionTypes', 'deliveryMethods']) {
      expectWithMessage(data[list].length, list).toBeGreaterThan(0);
      for (const item of data[list]) {
        expect(item.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
        expect(item.label.en).toEqual(expect.any(String));
        expect(item.label.fr).toEqual(expect.any(String));
      }
    }
    const codes = (list: string) => data[list].map((item: { code: string }) => item.code);
    expect(codes('genders')).toContain('UNKNOWN');
    expect(codes('immigrationStatuses')).toEqual(
      expect.arrayContaining([
        'PERMANENT_RESIDENT',
        'PROTECTED_PERSON',
        'REFUGEE_CLAIMANT',
        'TEMPORARY_FOREIGN_WORKER',
        'INTERNATIONAL_STUDENT',
        'VISITOR',
        'CANADIAN_CITIZEN',
        'CUAET',
        'OTHER',
        'UNKNOWN',
      ]),
    );
    expect(data.arrivalYear).toEqual({ min: 1900, max: new Date().getFullYear() });
    expect(data.languages).toEqual(['en', 'fr']);
    expect(data.receiptFormats).toEqual(['pdf', 'csv']);
  });

  it('needs a token', async () => {
    expect((await call('GET', '/v1/reference-data')).status).toBe(401);
  });
});

describe('GET /v1/sites/{siteId}', () => {
  it('answers an active site and an inactive one (old registrations point at it), 404 for an unknown id', async () => {
    const token = await tokenFor(uniqueAgency());
    for (const site of [activeSite(), inactiveSite()]) {
      const response = await call('GET', `/v1/sites/${encodeURIComponent(site.siteId)}`, { token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual(site);
    }
    expect((await call('GET', '/v1/sites/ON-NO-SUCH-SITE', { token })).status).toBe(404);
  });
});
