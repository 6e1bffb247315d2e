/**
 * Every function's synthesised environment against the environment contract (functions/runtime/env.ts):
 * what a route declares (tables, buckets, secrets) is exactly what its function gets, every value
 * parses with that function's schema, and `-c receiptRetentionDays` reaches every receipt function
 * with the same number as the bucket's lifecycle rule.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { environmentGroupsOf } from '../../functions/api/routes/route-definition';
import { ENVIRONMENT_GROUPS_ALL, environmentSchemaFor, variablesOf } from '../../functions/runtime/env';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

const routes = routeTable as readonly RouteDefinition[];
/** Set by the ApiFunction construct itself, outside the contract: Node's own options. */
const RUNTIME_VARIABLES = ['NODE_OPTIONS'];

let synth: SynthesisedApp;
beforeAll(() => {
  synth = synthesise({ stage: 'prod', regions: 'ca-central-1,ca-west-1', receiptRetentionDays: 14 });
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

function variablesOfFunction(region: string, fn: { function: import('constructs').Construct }): Json {
  return (synth.templates(region).stateless.toJSON().Resources[logicalId(fn.function)] as Json).Properties.Environment.Variables as Json;
}

/**
 * A template value as the function will see it once deployed: a reference to an exported name or a
 * secret resolves to text only at deploy time, so it stands here for a plausible value of its variable.
 */
function asDeployed(name: string, value: unknown): string {
  if (typeof value === 'string' && !value.startsWith('{{resolve:')) return value;
  if (name === 'SEARCH_CURSOR_KEY') return Buffer.alloc(48, 7).toString('base64');
  return `deployed-${name.toLowerCase()}`;
}

function parsedEnvironment(variables: Json, groups: Parameters<typeof environmentSchemaFor>[0]) {
  const deployed = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, asDeployed(name, value)]));
  return environmentSchemaFor(groups)
    .strict()
    .safeParse(Object.fromEntries(Object.entries(deployed).filter(([name]) => !RUNTIME_VARIABLES.includes(name))));
}

describe("each function's environment", () => {
  it.each(['ca-central-1', 'ca-west-1'])('satisfies its route schema, with no variable it does not need (%s)', (region) => {
    for (const route of routes) {
      const variables = variablesOfFunction(region, synth.stacks(region).stateless.functions.get(route.operationId)!);
      const result = parsedEnvironment(variables, environmentGroupsOf(route));
      expectWithMessage(result.success ? 'valid' : result.error.issues, route.operationId).toBe('valid');
    }
  });

  it('gives the comment indexer the service and table variables only', () => {
    const variables = variablesOfFunction('ca-central-1', synth.stacks().stateless.commentIndexer.function);
    const result = parsedEnvironment(variables, ['service', 'table']);
    expect(result.success ? 'valid' : result.error.issues).toBe('valid');
  });

  it('gives the report counter the service and table variables only', () => {
    const variables = variablesOfFunction('ca-central-1', synth.stacks().stateless.reportCounter.function);
    const result = parsedEnvironment(variables, ['service', 'table']);
    expect(result.success ? 'valid' : result.error.issues).toBe('valid');
  });

  it('sets every variable of each group the route declares, and of no other group', () => {
    for (const route of routes) {
      const variables = Object.keys(variablesOfFunction('ca-central-1', synth.stacks().stateless.functions.get(route.operationId)!));
      const declared = environmentGroupsOf(route);
      for (const group of ENVIRONMENT_GROUPS_ALL) {
        const required = variablesOf(group).filter(
          (name) =>
            ![
              'AGENCY_TIME_ZONE',
              'SITE_CACHE_SECONDS',
              'RECEIPT_LINK_MINUTES',
              'SITE_INDEX_REFRESH_SECONDS',
              'POWERTOOLS_METRICS_DISABLED',
            ].includes(name),
        );
        const present = required.filter((name) => variables.includes(name));
        expect({ route: route.operationId, group, present }).toEqual({
          route: route.operationId,
          group,
          present: declared.includes(group) ? required : [],
        });
      }
    }
  });

  it("gives a stage's metrics a namespace of their own", () => {
    const variables = variablesOfFunction('ca-central-1', synth.stacks().stateless.functions.get('registerAnonymousClient')!);
    expect(variables.POWERTOOLS_METRICS_NAMESPACE).toBe('newcomer-intake-prod');
  });

  it('is refused by the schema when a variable is missing or wrong (the test can fail)', () => {
    const variables = variablesOfFunction('ca-central-1', synth.stacks().stateless.functions.get('createReceipt')!);
    const { RECEIPTS_BUCKET: _dropped, ...missingBucket } = variables;
    expect(parsedEnvironment(missingBucket, ['service', 'table', 'receipts']).success).toBe(false);
    expect(parsedEnvironment({ ...variables, RECEIPT_RETENTION_DAYS: 'forever' }, ['service', 'table', 'receipts']).success).toBe(false);
    expect(parsedEnvironment({ ...variables, EXTRA: 'x' }, ['service', 'table', 'receipts']).success).toBe(false);
  });
});

describe('receipt retention (-c receiptRetentionDays)', () => {
  it('reaches every function bound to the receipts bucket, equal to the bucket lifecycle rule', () => {
    const receiptRoutes = routes.filter((route) => (route.access.receipts ?? 'none') !== 'none');
    expect(receiptRoutes.map((route) => route.operationId).sort()).toEqual(['createReceipt', 'getReceipt', 'listReceipts']);
    for (const route of receiptRoutes) {
      expectWithMessage(
        variablesOfFunction('ca-central-1', synth.stacks().stateless.functions.get(route.operationId)!).RECEIPT_RETENTION_DAYS,
        route.operationId,
      ).toBe('14');
    }
    const buckets = Object.values(resourcesOf(synth.templates().stateful, 'AWS::S3::Bucket'));
    const expirations = buckets
      .flatMap((bucket) => (bucket.Properties.LifecycleConfiguration?.Rules ?? []) as Json[])
      .filter((rule) => rule.Id === 'expire-receipts');
    expect(expirations.map((rule) => rule.ExpirationInDays)).toEqual([14]);
  });
});
