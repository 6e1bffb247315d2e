/**
 * SEARCH_CURSOR_KEY (functions/runtime/search-config.ts: base64 of at least 32 random bytes; without it
 * the search function stops at start): one generated secret per region in the stateful stack, handed
 * to the functions that sign search cursors, and to no other, as a deploy-time dynamic reference: the
 * value is never in a template, and no role may read the secret.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { SEARCH_CURSOR_KEY_LENGTH } from '../../lib/stateful-stack';
import { expectWithMessage } from '../support/expect-with-message';
import { actionsOf, type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

const routes = routeTable as readonly RouteDefinition[];
let synth: SynthesisedApp;

beforeAll(() => {
  synth = synthesise({ stage: 'prod', regions: 'ca-central-1,ca-west-1' });
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

function variablesOf(region: string, operationId: string): Json {
  const fn = synth.stacks(region).stateless.functions.get(operationId)!;
  return (synth.templates(region).stateless.toJSON().Resources[logicalId(fn.function)] as Json).Properties.Environment.Variables as Json;
}

describe('the search-cursor key secret', () => {
  it('is generated in each region: letters and digits only (valid base64), long enough for 32+ bytes', () => {
    for (const region of ['ca-central-1', 'ca-west-1']) {
      const secrets = Object.values(resourcesOf(synth.templates(region).stateful, 'AWS::SecretsManager::Secret'));
      expectWithMessage(secrets, region).toHaveLength(1);
      const generate = secrets[0]!.Properties.GenerateSecretString as Json;
      expect(generate).toMatchObject({ ExcludePunctuation: true, IncludeSpace: false, RequireEachIncludedType: false });
      expect(generate.PasswordLength).toBe(SEARCH_CURSOR_KEY_LENGTH);
      // Four base64 characters are three bytes: 64 characters are 48 bytes, at least 32 are needed.
      expect(Math.floor((generate.PasswordLength as number) / 4) * 3).toBeGreaterThanOrEqual(32);
      expect(generate.SecretStringTemplate).toBeUndefined();
      expect(secrets[0]!.DeletionPolicy).toBe('Retain');
    }
  });

  it('is what Buffer.from(value, "base64") reads as 48 bytes, whatever letters and digits are drawn', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (let i = 0; i < 50; i++) {
      const value = Array.from({ length: SEARCH_CURSOR_KEY_LENGTH }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
      expect(Buffer.from(value, 'base64').length).toBe(48);
    }
  });
});

describe('SEARCH_CURSOR_KEY', () => {
  it("is set on the findAnonymousClients function as a dynamic reference to its own region's secret", () => {
    for (const region of ['ca-central-1', 'ca-west-1']) {
      const stateful = synth.stacks(region).stateful.stackName;
      expectWithMessage(variablesOf(region, 'findAnonymousClients').SEARCH_CURSOR_KEY, region).toEqual({
        'Fn::Join': [
          '',
          ['{{resolve:secretsmanager:', { 'Fn::ImportValue': `${stateful}-SearchCursorKeySecretArn` }, ':SecretString:::}}'],
        ],
      });
    }
  });

  it('is given to no other function', () => {
    const region = 'ca-central-1';
    for (const route of routes.filter((r) => r.operationId !== 'findAnonymousClients')) {
      expectWithMessage(variablesOf(region, route.operationId).SEARCH_CURSOR_KEY, route.operationId).toBeUndefined();
    }
    const indexer = synth.stacks(region).stateless.commentIndexer.function;
    const indexerVariables = (synth.templates(region).stateless.toJSON().Resources[logicalId(indexer.function)] as Json).Properties
      .Environment.Variables as Json;
    expect(indexerVariables.SEARCH_CURSOR_KEY).toBeUndefined();
    const counter = synth.stacks(region).stateless.reportCounter.function;
    const counterVariables = (synth.templates(region).stateless.toJSON().Resources[logicalId(counter.function)] as Json).Properties
      .Environment.Variables as Json;
    expect(counterVariables.SEARCH_CURSOR_KEY).toBeUndefined();
  });

  it('needs no secretsmanager permission on any role (CloudFormation resolves it at deploy time)', () => {
    for (const template of Object.values(synth.templates())) {
      for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
        const actions = (policy.Properties.PolicyDocument.Statement as Json[]).flatMap(actionsOf);
        expect(actions.filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
      }
    }
  });

  it('never appears as a value in a template', () => {
    for (const template of Object.values(synth.templates())) {
      expect(JSON.stringify(template.toJSON())).not.toMatch(/SEARCH_CURSOR_KEY":"[A-Za-z0-9+/=]{32,}"/);
    }
  });
});
