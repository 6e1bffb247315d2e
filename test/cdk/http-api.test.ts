/**
 * The stateless stack serves exactly the route table: one route and one function per entry, the JWT
 * authorizer on every route but the public ones, and functions bundled and configured the same way.
 * This file synthesises with bundling on (once), so it also proves the bundles run.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Match } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type RouteDefinition, route, routes as routeTable } from '../../functions/api/routes';
import { ALARM_THRESHOLDS } from '../../lib/alarms';
import { REPOSITORY_ROOT } from '../../lib/api-function';
import { esbuildBuildOptions, PDF_RENDERER, RECEIPT_RUNTIME_FILES } from '../../lib/bundling';
import { buildFunctionPackage } from '../../lib/function-package';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, type SynthesisedApp, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise } from './support/app-fixture';

const routes = routeTable as readonly RouteDefinition[];
const routeKey = (route: RouteDefinition) => `${route.method} ${route.path}`;

let synth: SynthesisedApp;
let apiRoutes: Json[];

beforeAll(() => {
  synth = synthesise(
    {
      corsOrigins: 'https://intake.example.org',
      throttleRate: '25',
      throttleBurst: '40',
      publicThrottleRate: '3',
      publicThrottleBurst: '6',
      agencyTimeZone: 'America/Vancouver',
    },
    { bundle: true },
  );
  apiRoutes = Object.values(resourcesOf(synth.templates().stateless, 'AWS::ApiGatewayV2::Route'));
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

function apiRoute(route: RouteDefinition): Json {
  const found = apiRoutes.filter((resource) => resource.Properties.RouteKey === routeKey(route));
  expectWithMessage(found, routeKey(route)).toHaveLength(1);
  return found[0]!;
}

describe('HTTP API routes', () => {
  it('deploys a route for every route of the route table, and no other', () => {
    expect(apiRoutes.map((resource) => resource.Properties.RouteKey).sort()).toEqual(routes.map(routeKey).sort());
  });

  it('puts the JWT authorizer on every route whose auth is jwt', () => {
    const [authorizerId] = Object.keys(resourcesOf(synth.templates().stateless, 'AWS::ApiGatewayV2::Authorizer'));
    for (const route of routes.filter((r) => r.auth === 'jwt')) {
      expectWithMessage(apiRoute(route).Properties, routeKey(route)).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
    }
  });

  it('leaves only the two public routes of the contract without authorizer', () => {
    const open = apiRoutes.filter((resource) => resource.Properties.AuthorizationType !== 'JWT');
    expect(open.map((resource) => resource.Properties.RouteKey).sort()).toEqual(['GET /v1/health', 'GET /v1/openapi.json']);
    expect(
      routes
        .filter((r) => r.auth === 'public')
        .map(routeKey)
        .sort(),
    ).toEqual(['GET /v1/health', 'GET /v1/openapi.json']);
    for (const resource of open) {
      expect(resource.Properties.AuthorizationType).toBe('NONE');
      expect(resource.Properties.AuthorizerId).toBeUndefined();
    }
  });

  it("trusts only tokens of this region's user pool for its web app client", () => {
    const prefix = synth.stacks().stateful.stackName;
    synth.templates().stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.ca-central-1.amazonaws.com/', { 'Fn::ImportValue': `${prefix}-UserPoolId` }]],
        },
        Audience: [{ 'Fn::ImportValue': `${prefix}-UserPoolClientId` }],
      },
    });
  });

  it("sends each route to its own function, built from the route's handler entry", () => {
    const template = synth.templates().stateless;
    const integrations = resourcesOf(template, 'AWS::ApiGatewayV2::Integration');
    const functionIds = new Set<string>();
    for (const route of routes) {
      const fn = synth.stacks().stateless.functions.get(route.operationId);
      expectWithMessage(fn, route.operationId).toBeDefined();
      const functionId = logicalId(fn!.function);
      functionIds.add(functionId);
      const target = apiRoute(route).Properties.Target['Fn::Join'][1][1].Ref as string;
      expect(integrations[target]?.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [functionId, 'Arn'] },
      });
      expect(fn!.node.path).toContain(route.operationId.charAt(0).toUpperCase() + route.operationId.slice(1));
    }
    expect(functionIds.size).toBe(routes.length);
    // One function per route, plus the comment indexer and the report counter (test/cdk/comment-indexer.test.ts,
    // test/cdk/report-counter.test.ts).
    expect(Object.keys(resourcesOf(template, 'AWS::Lambda::Function'))).toHaveLength(routes.length + 2);
  });

  it('answers browsers of the configured origins only (CORS from context)', () => {
    synth.templates().stateless.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://intake.example.org'],
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'if-match', 'idempotency-key']),
        ExposeHeaders: Match.arrayWith(['etag', 'location']),
      }),
    });
  });

  it('throttles the default stage as configured and writes access logs to a log group', () => {
    const template = synth.templates().stateless;
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 25, ThrottlingBurstLimit: 40 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
    const [stage] = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Stage'));
    // Never the query string (search text) or request bodies.
    expect(stage!.Properties.AccessLogSettings.Format).not.toMatch(/querystring|requestBody|\$input/i);
    // The caller's IP address, to tell a flood or token guessing from staff (test/cdk/detection.test.ts).
    expect(JSON.parse(stage!.Properties.AccessLogSettings.Format as string).sourceIp).toBe('$context.identity.sourceIp');
  });

  it("gives each public route a small throttle of its own, leaving the stage's budget to the authenticated routes", () => {
    const template = synth.templates().stateless;
    const stages = Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const [stageId, stage] = stages[0]!;
    const publicRoutes = routes.filter((r) => r.auth === 'public');
    expect(publicRoutes.map(routeKey).sort()).toEqual(['GET /v1/health', 'GET /v1/openapi.json']);
    // Exactly the public routes have settings; every authenticated route falls back to the stage default (25/40).
    expect(stage!.Properties.RouteSettings).toEqual(
      Object.fromEntries(publicRoutes.map((r) => [routeKey(r), { ThrottlingRateLimit: 3, ThrottlingBurstLimit: 6 }])),
    );
    expect(stage!.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 25, ThrottlingBurstLimit: 40 });
    for (const route of routes.filter((r) => r.auth === 'jwt')) {
      expectWithMessage(stage!.Properties.RouteSettings[routeKey(route)], routeKey(route)).toBeUndefined();
    }
    // Route settings may only name existing routes: the stage waits for them.
    const routeIds = Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::Route'))
      .filter(([, resource]) => publicRoutes.map(routeKey).includes(resource.Properties.RouteKey as string))
      .map(([id]) => id);
    expect(routeIds).toHaveLength(2);
    for (const id of routeIds) expectWithMessage(template.toJSON().Resources[stageId].DependsOn, stageId).toContain(id);
  });
});

describe('Lambda functions', () => {
  it('run Node.js 22 on arm64 with active tracing and a log group of their own with a retention', () => {
    const template = synth.templates().stateless;
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    const logGroups = resourcesOf(template, 'AWS::Logs::LogGroup');
    for (const [id, fn] of Object.entries(functions)) {
      expectWithMessage(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
      });
      const logGroup = logGroups[fn.Properties.LoggingConfig.LogGroup.Ref];
      expectWithMessage(logGroup?.Properties.RetentionInDays, id).toBeGreaterThan(0);
    }
  });

  it('get the service settings, source maps, and the table name only when their route uses the table', () => {
    for (const route of routes) {
      const fn = synth.stacks().stateless.functions.get(route.operationId)!;
      const [resource] = Object.values(
        synth
          .templates()
          .stateless.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp(route.operationId) } }),
      );
      const variables = (resource as Json).Properties.Environment.Variables as Json;
      expectWithMessage(variables, route.operationId).toMatchObject({
        SERVICE_VERSION: '0.1.0',
        AGENCY_TIME_ZONE: 'America/Vancouver',
        NODE_OPTIONS: '--enable-source-maps',
      });
      if (route.access.table === 'none') expectWithMessage(variables.TABLE_NAME, route.operationId).toBeUndefined();
      else expect(variables.TABLE_NAME).toEqual({ 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-TableName` });
      expect(fn.function.node.path).toBeTruthy();
    }
  });

  it('are bundled as ES modules with source maps, and a bundle runs under plain Node', () => {
    const template = synth.templates().stateless;
    const assetDir = (operationId: string) => {
      const fn = synth.stacks().stateless.functions.get(operationId)!;
      const key = template.toJSON().Resources[logicalId(fn.function)].Properties.Code.S3Key as string;
      return join(synth.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    };
    for (const route of routes) {
      expectWithMessage(existsSync(join(assetDir(route.operationId), 'index.mjs')), route.operationId).toBe(true);
      expectWithMessage(existsSync(join(assetDir(route.operationId), 'index.mjs.map')), route.operationId).toBe(true);
    }
    // What Lambda does: import index.mjs in a fresh Node and call `handler` with an HTTP API event.
    const script = `
      const { handler } = await import(${JSON.stringify(join(assetDir('getHealth'), 'index.mjs'))});
      const result = await handler({ version: '2.0', routeKey: 'GET /v1/health', rawPath: '/v1/health', rawQueryString: '',
        headers: {}, isBase64Encoded: false,
        requestContext: { http: { method: 'GET', path: '/v1/health', sourceIp: '127.0.0.1', userAgent: 'test' },
          requestId: 'bundle-test', routeKey: 'GET /v1/health', stage: '$default', timeEpoch: Date.now() } },
        { awsRequestId: 'bundle-test' });
      process.stdout.write('\\nRESULT ' + JSON.stringify(result) + '\\n');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '--enable-source-maps', '-e', script], {
      env: {
        PATH: process.env.PATH,
        SERVICE_VERSION: '0.1.0',
        AGENCY_TIME_ZONE: 'America/Toronto',
        POWERTOOLS_METRICS_NAMESPACE: 'newcomer-intake-test',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expectWithMessage(run.status, run.stderr).toBe(0);
    // The handler logs its own line to stdout first (as in Lambda).
    const resultLine = run.stdout.split('\n').find((line) => line.startsWith('RESULT '));
    const result = JSON.parse(resultLine!.slice('RESULT '.length)) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ status: 'ok', version: '0.1.0' });
  });
});

describe('files read at run time (receipt fonts and HarfBuzz)', () => {
  const assetDirOf = (fn: { function: unknown }) => {
    const resource = synth.templates().stateless.toJSON().Resources[logicalId(fn.function as never)] as Json;
    return join(synth.outdir, `asset.${(resource.Properties.Code.S3Key as string).replace(/\.zip$/, '')}`);
  };
  /** The module paths the renderer resolves, read from its source (so a new font cannot be forgotten). */
  const resolvedByTheCode = () =>
    ['functions/adapters/pdf/fonts.ts', 'functions/adapters/pdf/font-subsetter.ts'].flatMap((file) =>
      [...readFileSync(join(REPOSITORY_ROOT, file), 'utf8').matchAll(/'((?:@expo-google-fonts|harfbuzzjs)\/[^']+\.(?:ttf|wasm))'/g)].map(
        (m) => m[1]!,
      ),
    );

  it('ships every font and the wasm file the code resolves beside the createReceipt bundle, found from index.mjs as in Lambda', () => {
    const specs = resolvedByTheCode();
    expect(specs.length).toBe(5);
    for (const spec of specs) expect(RECEIPT_RUNTIME_FILES).toContain(spec);
    const assetDir = assetDirOf(synth.stacks().stateless.functions.get('createReceipt')!);
    for (const file of RECEIPT_RUNTIME_FILES) {
      const shipped = join(assetDir, 'node_modules', file);
      expectWithMessage(existsSync(shipped), file).toBe(true);
      expectWithMessage(readFileSync(shipped).equals(readFileSync(join(REPOSITORY_ROOT, 'node_modules', file))), file).toBe(true);
    }
    // What fonts.ts and font-subsetter.ts do in Lambda: createRequire(import.meta.url).resolve(spec),
    // with import.meta.url the bundle's index.mjs; in a fresh Node, from the asset directory alone.
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(${JSON.stringify(pathToFileURL(join(assetDir, 'index.mjs')).href)});
      process.stdout.write(JSON.stringify(${JSON.stringify(specs)}.map((spec) => require.resolve(spec))));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: assetDir, encoding: 'utf8', timeout: 20_000 });
    expectWithMessage(run.status, run.stderr).toBe(0);
    for (const resolved of JSON.parse(run.stdout) as string[]) expect(resolved.startsWith(join(assetDir, 'node_modules'))).toBe(true);
  });

  it('ships them with no other function', () => {
    for (const route of routes.filter((r) => r.operationId !== 'createReceipt')) {
      const fn = synth.stacks().stateless.functions.get(route.operationId)!;
      expectWithMessage(existsSync(join(assetDirOf(fn), 'node_modules')), route.operationId).toBe(false);
    }
    expect(existsSync(join(assetDirOf(synth.stacks().stateless.commentIndexer.function), 'node_modules'))).toBe(false);
    expect(existsSync(join(assetDirOf(synth.stacks().stateless.reportCounter.function), 'node_modules'))).toBe(false);
  });
});

describe('the bundle benchmark', () => {
  it('bundles with the very options the stack deploys with (same output for the same handler)', async () => {
    const template = synth.templates().stateless;
    const fn = synth.stacks().stateless.functions.get('getHealth')!;
    const key = template.toJSON().Resources[logicalId(fn.function)].Properties.Code.S3Key as string;
    const deployed = readFileSync(join(synth.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs'));
    const outdir = mkdtempSync(join(tmpdir(), 'newcomer-intake-bench-'));
    try {
      await build(esbuildBuildOptions(join(REPOSITORY_ROOT, route('getHealth').handler), outdir));
      expect(readFileSync(join(outdir, 'index.mjs')).equals(deployed)).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('builds the receipt function the same way too: the PDF renderer in a file of its own, mapped by package.json', async () => {
    const fn = synth.stacks().stateless.functions.get('createReceipt')!;
    const key = synth.templates().stateless.toJSON().Resources[logicalId(fn.function)].Properties.Code.S3Key as string;
    const assetDir = join(synth.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    const outdir = mkdtempSync(join(tmpdir(), 'newcomer-intake-bench-'));
    try {
      const built = await buildFunctionPackage(route('createReceipt').handler, outdir);
      for (const file of ['index.mjs', PDF_RENDERER.file, 'package.json']) {
        expectWithMessage(readFileSync(join(outdir, file)).equals(readFileSync(join(assetDir, file))), file).toBe(true);
      }
      expect(JSON.parse(readFileSync(join(assetDir, 'package.json'), 'utf8'))).toEqual({
        type: 'module',
        imports: { [PDF_RENDERER.specifier]: `./${PDF_RENDERER.file}` },
      });
      // pdf-lib is in the renderer's file only: the module Lambda loads at init stays small.
      expect(Object.keys(built.metafile.inputs).some((input) => input.includes('node_modules/pdf-lib/'))).toBe(false);
      expect(built.mainBytes).toBeLessThan(built.splitFiles[0]!.bytes / 2);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('alarms', () => {
  it("watch the API's 5xx rate and p99 latency, and each function's errors and throttles, notifying the alarm topic", () => {
    const template = synth.templates().stateless;
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    const [topicId] = Object.keys(resourcesOf(template, 'AWS::SNS::Topic'));
    // The API's two, errors and throttles of each function (the routes', the comment indexer's and the
    // report counter's), each stream consumer's iterator age and two failure queues
    // (test/cdk/comment-indexer.test.ts, report-counter.test.ts), and the handlers' dependency failures
    // (below), and detection (test/cdk/detection.test.ts): 429, 401 and 403 from the access log, the
    // table's throttles and system errors, two Cognito risk metrics.
    const functionCount = routes.length + 2;
    expect(alarms).toHaveLength(2 + 2 * functionCount + 2 * 3 + 1 + 3 + 2 + 2);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
    const byMetric = (name: string) => alarms.filter((alarm) => alarm.Properties.MetricName === name);
    expect(byMetric('Errors')).toHaveLength(functionCount);
    expect(byMetric('Throttles')).toHaveLength(functionCount);
    expect(byMetric('Latency')).toEqual([
      expect.objectContaining({
        Properties: expect.objectContaining({ ExtendedStatistic: 'p99', Threshold: ALARM_THRESHOLDS.apiP99LatencyMs }),
      }),
    ]);
    // The math alarms: the 5xx rate here; the table's and Cognito's in test/cdk/detection.test.ts.
    const rate = alarms.filter((alarm) => JSON.stringify(alarm.Properties.Metrics ?? []).includes('"5xx"'));
    expect(rate).toHaveLength(1);
    const names = (rate[0]!.Properties.Metrics as Json[]).map((metric) => metric.MetricStat?.Metric.MetricName).filter(Boolean);
    expect(names.sort()).toEqual(['5xx', 'Count']);
  });

  it("watch the handlers' 503s (DependencyUnavailable), a business metric in the stage's own namespace", () => {
    const alarms = Object.values(resourcesOf(synth.templates().stateless, 'AWS::CloudWatch::Alarm'));
    const dependency = alarms.filter((alarm) => alarm.Properties.MetricName === 'DependencyUnavailable');
    expect(dependency).toEqual([
      expect.objectContaining({
        Properties: expect.objectContaining({
          // The default stage, dev.
          Namespace: 'newcomer-intake-dev',
          Dimensions: [{ Name: 'service', Value: 'newcomer-intake' }],
          Statistic: 'Sum',
          Threshold: ALARM_THRESHOLDS.dependencyUnavailable,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        }),
      }),
    ]);
  });

  it('notify through a topic that is encrypted and refuses non-TLS publishing', () => {
    const template = synth.templates().stateless;
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});
