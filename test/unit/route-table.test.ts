import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as z from 'zod';
import { type RouteDefinition, routes } from '../../functions/api/routes';
import { routeIn } from '../../functions/api/routes/route-definition';
import { REPOSITORY_ROOT } from '../../lib/bundling';

describe('the route table', () => {
  it('gives every route its own operationId, method and path, and its own handler file', () => {
    expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => r.handler)).size).toBe(routes.length);
  });

  it('has each handler file serve the route whose entry it is (the CDK deploys by file, the handler validates by route)', async () => {
    for (const route of routes) {
      const source = await readFile(join(REPOSITORY_ROOT, route.handler), 'utf8');
      const lookups = [...source.matchAll(/routeIn\(\s*\w+,\s*'(\w+)'\s*\)/g)].map((m) => m[1]);
      expect({ handler: route.handler, serves: lookups }).toEqual({ handler: route.handler, serves: [route.operationId] });
    }
  });

  it('bounds every path and query value in length and alphabet, so nothing unbounded reaches a store', () => {
    for (const route of routes as readonly RouteDefinition[]) {
      for (const schema of [route.params, route.query]) {
        if (!schema) continue;
        for (const [name, field] of Object.entries(schema.shape)) {
          const example = String((field as z.ZodType).meta()?.example ?? 'A');
          // Long, in the field's own alphabet (its example repeated, as a list where lists are allowed), and foreign.
          for (const value of ['A'.repeat(8000), `${example},`.repeat(8000 / example.length) + example, `${example.slice(0, 8)}\u0000<>`]) {
            const result = schema.safeParse({ [name]: value });
            const refused = !result.success && result.error.issues.some((issue) => issue.path[0] === name);
            expect({ route: route.operationId, name, length: value.length, refused }).toEqual({
              route: route.operationId,
              name,
              length: value.length,
              refused: true,
            });
          }
        }
      }
    }
  });

  it('looks a route up in an area table by operationId, and refuses one that is not there', () => {
    expect(routeIn(routes, 'listSites').path).toBe('/v1/sites');
    expect(() => routeIn(routes, 'noSuchRoute' as never)).toThrow(/No route noSuchRoute/);
  });
});
