/**
 * Detection (issue 17, item 7): alarms on what an attack or an outage of a store looks like from the
 * outside — 429s (a route's throttle exhausted), 401 and 403 spikes (read from the API's access log,
 * since HTTP API metrics count all 4xx together), DynamoDB throttles and system errors, and Cognito
 * threat protection's risk metrics — each with its metric and notifying the alarm topic; `sourceIp` in
 * the access log; and no existing user pool without its settings confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACCESS_LOG_METRICS, ALARM_THRESHOLDS, COGNITO_RISK_METRICS, WATCHED_TABLE_OPERATIONS } from '../../lib/alarms';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

let synth: SynthesisedApp;
let alarms: Record<string, Json>;

beforeAll(() => {
  synth = synthesise({ stage: 'prod', corsOrigins: 'https://intake.example.org' });
  alarms = resourcesOf(synth.templates().stateless, 'AWS::CloudWatch::Alarm');
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

const imported = (name: string) => ({ 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-${name}` });

/** The one alarm whose logical id starts with `Alarms<name>`. */
function alarm(name: string): Json {
  const found = Object.entries(alarms).filter(([id]) => new RegExp(`^Alarms${name}[0-9A-F]{8}$`).test(id));
  expectWithMessage(found, name).toHaveLength(1);
  const [, resource] = found[0]!;
  const topicId = Object.keys(resourcesOf(synth.templates().stateless, 'AWS::SNS::Topic'))[0];
  expect(resource.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  expect(resource.Properties.OKActions).toEqual([{ Ref: topicId }]);
  expect(resource.Properties.TreatMissingData).toBe('notBreaching');
  return resource.Properties as Json;
}

/** `MetricStat.Metric` of every metric of a math alarm, by id. */
function metricsOf(properties: Json): Record<string, Json> {
  return Object.fromEntries(
    (properties.Metrics as Json[]).filter((metric) => metric.MetricStat).map((metric) => [metric.Id, metric.MetricStat.Metric]),
  );
}

describe('the API access log', () => {
  it('records the caller IP address (sourceIp), beside the route and status', () => {
    const [stage] = Object.values(resourcesOf(synth.templates().stateless, 'AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage!.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({ sourceIp: '$context.identity.sourceIp', routeKey: '$context.routeKey', status: '$context.status' });
  });

  it.each(Object.entries(ACCESS_LOG_METRICS))('counts %s (status %s) with a metric filter on that log group', (metricName, status) => {
    const filters = Object.values(resourcesOf(synth.templates().stateless, 'AWS::Logs::MetricFilter')).filter(
      (filter) => filter.Properties.MetricTransformations[0].MetricName === metricName,
    );
    expect(filters).toHaveLength(1);
    expect(filters[0]!.Properties).toMatchObject({
      FilterPattern: `{ $.status = "${status}" }`,
      LogGroupName: { Ref: expect.stringMatching(/^ApiAccessLogs/) },
      MetricTransformations: [{ MetricName: metricName, MetricNamespace: 'newcomer-intake-prod', MetricValue: '1' }],
    });
  });
});

describe('alarms', () => {
  it.each([
    ['ApiThrottled', 'ApiThrottled', ALARM_THRESHOLDS.apiThrottled, 1],
    ['ApiUnauthorizedSpike', 'ApiUnauthorized', ALARM_THRESHOLDS.apiUnauthorized, 2],
    ['ApiForbiddenSpike', 'ApiForbidden', ALARM_THRESHOLDS.apiForbidden, 1],
  ])('%s fires on the access-log metric %s', (name, metricName, threshold, periods) => {
    expect(alarm(name)).toMatchObject({
      Namespace: 'newcomer-intake-prod',
      MetricName: metricName,
      Statistic: 'Sum',
      Period: 300,
      Threshold: threshold,
      EvaluationPeriods: periods,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('TableThrottles adds the read and write throttle events of the service table', () => {
    const properties = alarm('TableThrottles');
    expect(properties.Threshold).toBe(ALARM_THRESHOLDS.tableThrottles);
    const metrics = metricsOf(properties);
    expect(
      Object.values(metrics)
        .map((metric) => metric.MetricName)
        .sort(),
    ).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    for (const metric of Object.values(metrics)) {
      expect(metric).toMatchObject({ Namespace: 'AWS/DynamoDB', Dimensions: [{ Name: 'TableName', Value: imported('TableName') }] });
    }
  });

  it('TableSystemErrors adds the system errors of every operation the service calls on the table', () => {
    const properties = alarm('TableSystemErrors');
    expect(properties.Threshold).toBe(ALARM_THRESHOLDS.tableSystemErrors);
    const metrics = Object.values(metricsOf(properties));
    expect(metrics).toHaveLength(WATCHED_TABLE_OPERATIONS.length);
    for (const metric of metrics) {
      expect(metric).toMatchObject({ Namespace: 'AWS/DynamoDB', MetricName: 'SystemErrors' });
      expect(metric.Dimensions).toContainEqual({ Name: 'TableName', Value: imported('TableName') });
    }
    const operations = metrics.map((metric) => (metric.Dimensions as Json[]).find((d) => d.Name === 'Operation')!.Value as string);
    expect(operations.sort()).toEqual([...WATCHED_TABLE_OPERATIONS].map(String).sort());
    expect(operations).toEqual(expect.arrayContaining(['GetItem', 'PutItem', 'Query', 'TransactWriteItems', 'BatchWriteItem']));
  });

  it.each(COGNITO_RISK_METRICS)("Cognito%s sums that threat protection metric of this region's staff pool", (metricName) => {
    const properties = alarm(`Cognito${metricName}`);
    expect(properties.Threshold).toBe(ALARM_THRESHOLDS.cognitoRisk);
    const [query] = properties.Metrics as Json[];
    expect(query).toMatchObject({ Period: 300, ReturnData: true });
    expect(query!.Expression).toEqual({
      'Fn::Join': ['', [`SELECT SUM(${metricName}) FROM "AWS/Cognito" WHERE UserPoolId = '`, imported('UserPoolId'), "'"]],
    });
  });

  it('the pool these stacks create publishes those metrics: Plus plan with threat protection on', () => {
    synth.templates().stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });
});

describe('an existing user pool', () => {
  const existing = { existingUserPoolId: 'ca-central-1_AbCdEf123', existingUserPoolClientId: '1example23456789abcdefghij' };

  it('stops the synth until -c existingUserPoolVerified=true confirms its MFA and password rules', () => {
    expect(() => synthesise(existing)).toThrow(/"existingUserPoolVerified".*ca-central-1_AbCdEf123.*MFA.*existingUserPoolVerified=true/);
  });

  it('is watched like a created one once confirmed', () => {
    const verified = synthesise({ ...existing, existingUserPoolVerified: 'true' });
    try {
      const cognito = Object.values(resourcesOf(verified.templates().stateless, 'AWS::CloudWatch::Alarm')).filter((resource) =>
        JSON.stringify(resource.Properties.Metrics ?? '').includes('AWS/Cognito'),
      );
      expect(cognito).toHaveLength(COGNITO_RISK_METRICS.length);
      expect(JSON.stringify(cognito)).toContain("WHERE UserPoolId = 'ca-central-1_AbCdEf123'");
    } finally {
      verified.dispose();
    }
  });
});
