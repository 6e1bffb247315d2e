import { describe, expect, it } from '@jest/globals';
import { buildOpenApiDocument } from '../../functions/api/openapi';
import { anonymousClientRules, SERVER_OWNED_FIELDS } from '../../functions/domain/anonymous-client';
import { CLIENT_MESSAGES, clientMessage } from '../../functions/domain/client-messages';
import { NotFoundError } from '../../functions/domain/errors';
import { COMMON_MESSAGES, message, render } from '../../functions/domain/messages';
import { RECEIPT_MESSAGES } from '../../functions/domain/receipts/receipt-messages';
import { problemFromError } from '../../functions/http/problem';
import { parseOrThrow } from '../../functions/http/validation';

// Accept-Language negotiation is the pipeline's (@middy/http-content-negotiation): route-pipeline.test.ts.

const parametersOf = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Every catalog: the common one and each area's (a new area catalog must be added here). */
const CATALOGS = [COMMON_MESSAGES, CLIENT_MESSAGES, RECEIPT_MESSAGES].map((defined) => defined.catalog);
const catalogEntries = (): [string, { en: string; fr: string }][] => CATALOGS.flatMap((catalog) => Object.entries(catalog));

describe('message catalog', () => {
  it('gives every message id to one catalog only', () => {
    const ids = catalogEntries().map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(catalogEntries())('%s has an English and a French text with the same parameters', (_, texts) => {
    expect(texts.en.trim()).not.toBe('');
    expect(texts.fr?.trim() ?? '').not.toBe('');
    expect(parametersOf(texts.fr)).toEqual(parametersOf(texts.en));
  });

  it('writes French with a no-break space before a colon and inside guillemets, none before a semicolon', () => {
    for (const [, { fr }] of catalogEntries()) {
      expect(fr).not.toMatch(/ [:»]|« |\u00a0;| ;/);
      expect(fr).not.toMatch(/[^\u00a0]:|«[^\u00a0]|[^\u00a0]»/);
    }
  });

  it('fills parameters, grouping large numbers in French only', () => {
    const tooLarge = message('request.tooLarge', { bytes: 70000, limit: 65536 });
    expect(render(tooLarge, 'en')).toBe('The body is 70000 bytes; the limit is 65536 (64 KiB).');
    expect(render(tooLarge, 'fr')).toBe('Le corps fait 70\u00a0000 octets; la limite est de 65\u00a0536 (64 Kio).');
    expect(render(clientMessage('field.arrivalYear', { min: 1900, max: 2024 }), 'fr')).toBe(
      'doit être une année de 1900 à 2024, ou «\u00a0UNKNOWN\u00a0»',
    );
  });
});

describe('problem+json in the caller’s language', () => {
  const rules = anonymousClientRules('2024-03-01');
  const problemOf = (body: unknown, language: 'en' | 'fr') => {
    try {
      parseOrThrow(rules.registration, body, { serverOwnedFields: SERVER_OWNED_FIELDS });
    } catch (error) {
      return problemFromError(error, 'req-1', language).body as {
        title: string;
        detail: string;
        errors: { pointer: string; detail: string }[];
      };
    }
    throw new Error('expected a 400');
  };
  const bad = { gender: 'FEMALE', postalCode: 'DDD 1D1', siteId: 'ON-SCH-000001', nickname: 'x', clientName: 'x' };

  it('keeps the English texts', () => {
    expect(problemOf(bad, 'en')).toMatchObject({
      title: 'The request is not valid',
      detail: 'One or more fields are not valid.',
      errors: [
        {
          pointer: '/postalCode',
          detail:
            'must be a Canadian postal code (A1A 1A1) or its first three characters (A1A); letters D, F, I, O, Q, U are never used, W and Z never first',
        },
        { pointer: '/registrationDate', detail: 'is required' },
        { pointer: '/nickname', detail: 'is not a field of this request' },
        { pointer: '/clientName', detail: 'is set by the server and must not be sent' },
      ],
    });
  });

  it('answers the title, detail and every field error in French', () => {
    expect(problemOf(bad, 'fr')).toMatchObject({
      title: 'La requête n’est pas valide',
      detail: 'Un ou plusieurs champs ne sont pas valides.',
      errors: [
        { pointer: '/postalCode', detail: expect.stringMatching(/^doit être un code postal canadien \(A1A 1A1\)/) },
        { pointer: '/registrationDate', detail: 'est obligatoire' },
        { pointer: '/nickname', detail: 'ne fait pas partie de cette requête' },
        { pointer: '/clientName', detail: 'est fixé par le serveur et ne doit pas être envoyé' },
      ],
    });
  });

  it("words zod's own checks in both languages, and tells a wrong value from a missing one", () => {
    const body = { gender: 'NOPE', registrationDate: 20240101, siteId: 'ON-SCH-000001', comments: 5 };
    const details = (language: 'en' | 'fr') => Object.fromEntries(problemOf(body, language).errors.map((e) => [e.pointer, e.detail]));
    expect(details('en')).toEqual({
      '/gender': 'must be one of: FEMALE, MALE, GENDER_DIVERSE, PREFER_NOT_TO_SAY, UNKNOWN',
      '/registrationDate': 'must be a string',
      '/comments': 'must be a string',
    });
    expect(details('fr')).toEqual({
      '/gender': 'doit être l’une de ces valeurs\u00a0: FEMALE, MALE, GENDER_DIVERSE, PREFER_NOT_TO_SAY, UNKNOWN',
      '/registrationDate': 'doit être une chaîne de caractères',
      '/comments': 'doit être une chaîne de caractères',
    });
  });

  it('translates the rules that depend on today, and domain errors', () => {
    const late = problemOf({ gender: 'FEMALE', registrationDate: '2024-03-02', siteId: 'ON-SCH-000001' }, 'fr');
    expect(late.errors).toEqual([
      {
        pointer: '/registrationDate',
        detail: 'ne doit pas dépasser la date d’aujourd’hui (2024-03-01) dans le fuseau horaire de l’organisme',
      },
    ]);
    const notFound = problemFromError(new NotFoundError(clientMessage('client.notFound')), 'r', 'fr').body;
    expect(notFound).toMatchObject({ title: 'Introuvable', detail: 'Aucun client anonyme de votre organisme n’a cet identifiant.' });
  });

  it('answers a 500 in French too, still without internals', () => {
    expect(problemFromError(new TypeError('boom'), 'r', 'fr').body).toMatchObject({ title: 'Erreur interne', status: 500 });
  });
});

describe('the OpenAPI document', () => {
  it('offers Accept-Language on every operation and describes Content-Language and Vary on every problem answer', () => {
    const document = buildOpenApiDocument({ version: 'test', today: '2024-03-01' }) as unknown as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }>
      >;
    };
    const operations = Object.values(document.paths).flatMap((path) => Object.values(path));
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'Accept-Language', in: 'header' }));
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) expect(Object.keys(response.headers ?? {})).toEqual(['Content-Language', 'Vary']);
      }
    }
  });
});
