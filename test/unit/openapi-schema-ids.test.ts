/**
 * Schemas name their OpenAPI component with zod's own `.meta({ id })`, which registers them in zod's
 * global registry. Some of them are built per "today" (the registration, batch, edit and session
 * rules), and the document is rebuilt when the day changes, so one process registers the same ids
 * again and again. zod (4.6) lets the newest schema take an id over: nothing throws, the registry
 * keeps one schema per id, and its metadata map is a WeakMap, so yesterday's schemas can be collected.
 * These tests hold the code to that, so a zod upgrade that changes it fails here, not in production.
 */
import { describe, expect, it } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as z from 'zod';
import { buildOpenApiDocument } from '../../functions/api/openapi';
import { anonymousClientRules } from '../../functions/domain/anonymous-client';
import { newSessionSchema } from '../../functions/domain/session';

const DAYS = ['2024-02-29', '2025-06-30', '2026-12-01'];

/** Ids of the schemas built per day: each new day registers them again. */
const PER_DAY_IDS = ['AnonymousClientRegistration', 'AnonymousClientBatchRegistration', 'AnonymousClientEdit', 'NewSession'];

type Document = ReturnType<typeof buildOpenApiDocument>;

function build(today: string): Document {
  return buildOpenApiDocument({ version: 'test', today });
}

/** The document with the one thing that depends on the day, the arrival year's upper bound, blanked. */
function withoutTheYear(document: Document, today: string): string {
  return JSON.stringify(document).replaceAll(`"maximum":${today.slice(0, 4)}`, '"maximum":"<this year>"');
}

function arrivalYearMaximum(document: Document, component: string): unknown {
  const schema = document.components?.schemas?.[component] as { properties: { arrivalYear: { anyOf: { maximum?: number }[] } } };
  return schema.properties.arrivalYear.anyOf.find((option) => option.maximum !== undefined)?.maximum;
}

/** A full garbage collection, in this worker, without starting node with --expose-gc. */
function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function weakly(today: string): WeakRef<z.ZodType>[] {
  const rules = anonymousClientRules(today);
  return [rules.registration, rules.batch, rules.edit, newSessionSchema(today)].map((schema) => new WeakRef(schema));
}

describe('the OpenAPI document built for several days in one process', () => {
  it('builds for three days, and the same day twice, without throwing; only the year bound differs', () => {
    const documents = [...DAYS, DAYS[0]!, DAYS[2]!, DAYS[2]!].map((today) => ({ today, document: build(today) }));

    for (const { today, document } of documents) {
      const components = Object.keys(document.components?.schemas ?? {});
      expect(components).toEqual(expect.arrayContaining(PER_DAY_IDS));
      expect(arrivalYearMaximum(document, 'AnonymousClientRegistration')).toBe(Number(today.slice(0, 4)));
      expect(arrivalYearMaximum(document, 'AnonymousClientEdit')).toBe(Number(today.slice(0, 4)));
      // Still a component referenced by name, not inlined: the batch refers to the registration.
      expect(JSON.stringify(document.components?.schemas?.AnonymousClientBatchRegistration)).toContain(
        '#/components/schemas/AnonymousClientRegistration',
      );
    }
    const [first, , , again, last, lastAgain] = documents;
    expect(again!.document).toEqual(first!.document);
    expect(lastAgain!.document).toEqual(last!.document);
    const normalised = new Set(documents.map(({ today, document }) => withoutTheYear(document, today)));
    expect(normalised.size).toBe(1);
  });

  it('keeps one registry entry per id however many days go by, the newest schema holding it', () => {
    build('2030-01-01');
    const ids = new Set(z.globalRegistry._idmap.keys());
    expect([...ids]).toEqual(expect.arrayContaining(PER_DAY_IDS));

    for (let day = 1; day <= 60; day += 1) {
      // Back and forth too: two agencies in different time zones can alternate near midnight.
      const today = `2030-${String(Math.ceil(day / 28)).padStart(2, '0')}-${String(((day - 1) % 28) + 1).padStart(2, '0')}`;
      build(today);
      build('2030-01-01');
      build(today);
    }

    expect(new Set(z.globalRegistry._idmap.keys())).toEqual(ids);
    const today = '2030-03-04';
    expect(z.globalRegistry._idmap.get('AnonymousClientRegistration')).toBe(anonymousClientRules(today).registration);
    expect(z.globalRegistry._idmap.get('AnonymousClientEdit')).toBe(anonymousClientRules(today).edit);
    expect(z.globalRegistry._idmap.get('NewSession')).toBe(newSessionSchema(today));
  });

  it("lets yesterday's schemas be garbage-collected once a later day is built", async () => {
    const yesterday = '2031-05-01';
    build(yesterday);
    // Only weak references here: a local variable holding a schema would keep it alive.
    const held = weakly(yesterday);
    // The same day again reuses the very same schemas: nothing new is registered.
    expect(anonymousClientRules(yesterday).registration === held[0]!.deref()).toBe(true);
    expect(newSessionSchema(yesterday) === held[3]!.deref()).toBe(true);

    build('2031-05-02');
    // A WeakRef keeps its target alive until the current job ends: let it end before collecting.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();

    expect(held.map((ref) => ref.deref() === undefined)).toEqual([true, true, true, true]);
  });
});
