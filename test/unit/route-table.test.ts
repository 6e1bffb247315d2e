import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes';
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

  it('looks a route up in an area table by operationId, and refuses one that is not there', () => {
    expect(routeIn(routes, 'listSites').path).toBe('/v1/sites');
    expect(() => routeIn(routes, 'noSuchRoute' as never)).toThrow(/No route noSuchRoute/);
  });
});
