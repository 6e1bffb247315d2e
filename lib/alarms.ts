/**
 * CloudWatch alarms of one region's deployment and the SNS topic they notify (ALARM and back to OK).
 * Thresholds are chosen for a small, steady staff workload: any unhandled function error or throttle
 * is worth a look, while API-level 5xx and latency alarms need sustained breaches to fire.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, Table } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export const ALARM_THRESHOLDS = {
  /** Percent of API requests answered 5xx, over 5 minutes, 2 periods in a row. */
  api5xxPercent: 1,
  /** p99 API latency in milliseconds, over 5 minutes, 3 periods in a row. */
  apiP99LatencyMs: 3000,
  /** Messages waiting in a failure queue (records a stream consumer gave up on): any is worth a look. */
  queuedFailures: 0,
  /** Unhandled errors (crash, timeout) of one function in 5 minutes. */
  functionErrors: 1,
  /** Throttled invocations of one function in 5 minutes. */
  functionThrottles: 1,
  /** 503 answers (table or bucket unavailable or throttling) in 5 minutes, 2 periods in a row. */
  dependencyUnavailable: 5,
  /** 429 answers of API Gateway (a route's throttle exhausted) in 5 minutes: staff alone never reach it. */
  apiThrottled: 10,
  /** 401 answers (missing, expired or forged tokens) in 5 minutes, 2 periods in a row. */
  apiUnauthorized: 50,
  /** 403 answers (a role or an agency refused) in 5 minutes. */
  apiForbidden: 20,
  /** DynamoDB read and write throttle events of the table in 5 minutes. */
  tableThrottles: 5,
  /** DynamoDB system errors (HTTP 500 from DynamoDB) in 5 minutes, over the operations the service uses. */
  tableSystemErrors: 1,
  /** Cognito sign-ins with compromised credentials or account-takeover risk, in 5 minutes: any. */
  cognitoRisk: 1,
} as const;

/**
 * The DynamoDB operations the service and its tools call (functions/adapters/dynamodb, scripts/):
 * SystemErrors is published per operation, and an alarm reads at most 10 metrics.
 */
export const WATCHED_TABLE_OPERATIONS: readonly Operation[] = [
  Operation.GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.QUERY,
  Operation.BATCH_GET_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/** Metrics made from the API's access log (metric filters), in the stage's business namespace. */
export const ACCESS_LOG_METRICS = {
  ApiThrottled: '429',
  ApiUnauthorized: '401',
  ApiForbidden: '403',
} as const;

/** Cognito threat protection metrics (namespace AWS/Cognito) alarmed on; they need the Plus plan. */
export const COGNITO_RISK_METRICS = ['CompromisedCredentialRisk', 'AccountTakeoverRisk'] as const;

const PERIOD = Duration.minutes(5);

export interface ServiceAlarmsProps {
  alarmEmail: string | undefined;
  removalPolicy: RemovalPolicy;
}

export class ServiceAlarms extends Construct {
  readonly topic: Topic;
  private readonly actions: IAlarmAction[];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key, so the topic has
    // its own key, which CloudWatch may use.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the newcomer-intake alarm topic',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'newcomer-intake alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.actions = [new SnsAction(this.topic)];
  }

  /** 5xx rate and p99 latency of the whole HTTP API. */
  watchApi(api: IHttpApi): void {
    const errors = api.metricServerError({ period: PERIOD, statistic: 'Sum' });
    const requests = api.metricCount({ period: PERIOD, statistic: 'Sum' });
    this.alarm('Api5xxRate', {
      metric: new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { errors, requests },
        period: PERIOD,
        label: 'API 5xx responses (%)',
      }),
      threshold: ALARM_THRESHOLDS.api5xxPercent,
      evaluationPeriods: 2,
      description: `More than ${ALARM_THRESHOLDS.api5xxPercent}% of API requests answered 5xx for 10 minutes.`,
    });
    this.alarm('ApiP99Latency', {
      metric: api.metricLatency({ period: PERIOD, statistic: 'p99' }),
      threshold: ALARM_THRESHOLDS.apiP99LatencyMs,
      evaluationPeriods: 3,
      description: `API p99 latency above ${ALARM_THRESHOLDS.apiP99LatencyMs} ms for 15 minutes.`,
    });
  }

  /**
   * The business metric DependencyUnavailable (functions/runtime/metrics.ts): every 503 the handlers
   * answer because the table or a bucket did not answer. A handled 503 is no function error, so
   * without this nothing would notice the database failing while the functions stay healthy.
   */
  watchDependencies(namespace: string, serviceName: string): void {
    this.alarm('DependencyUnavailable', {
      metric: new Metric({
        namespace,
        metricName: 'DependencyUnavailable',
        dimensionsMap: { service: serviceName },
        period: PERIOD,
        statistic: 'Sum',
      }),
      threshold: ALARM_THRESHOLDS.dependencyUnavailable,
      evaluationPeriods: 2,
      description: `At least ${ALARM_THRESHOLDS.dependencyUnavailable} answers per 5 minutes were 503 (DynamoDB or S3 unavailable or throttling), for 10 minutes.`,
      inclusive: true,
    });
  }

  /**
   * Status codes HTTP API metrics do not separate (its 4xx counts 400 to 499 together), counted from
   * the API's own access log: 429 (a throttle exhausted: a flood, or a limit set too low), 401 (bad
   * tokens: guessing or a broken client) and 403 (roles refused: someone trying what they may not).
   */
  watchAccessLog(accessLog: ILogGroup, namespace: string): void {
    const metric = (name: keyof typeof ACCESS_LOG_METRICS) => {
      new MetricFilter(this, `${name}Filter`, {
        logGroup: accessLog,
        filterPattern: FilterPattern.stringValue('$.status', '=', ACCESS_LOG_METRICS[name]),
        metricNamespace: namespace,
        metricName: name,
        metricValue: '1',
      });
      return new Metric({ namespace, metricName: name, period: PERIOD, statistic: 'Sum' });
    };
    this.alarm('ApiThrottled', {
      metric: metric('ApiThrottled'),
      threshold: ALARM_THRESHOLDS.apiThrottled,
      evaluationPeriods: 1,
      description: `API Gateway answered 429 at least ${ALARM_THRESHOLDS.apiThrottled} times in 5 minutes: a route's throttle is exhausted (a flood of a public route, or staff traffic above the limits). The access log has routeKey and sourceIp.`,
      inclusive: true,
    });
    this.alarm('ApiUnauthorizedSpike', {
      metric: metric('ApiUnauthorized'),
      threshold: ALARM_THRESHOLDS.apiUnauthorized,
      evaluationPeriods: 2,
      description: `At least ${ALARM_THRESHOLDS.apiUnauthorized} answers per 5 minutes were 401 for 10 minutes: missing, expired or forged tokens (token guessing, or a client that stopped refreshing). The access log has authorizerError and sourceIp.`,
      inclusive: true,
    });
    this.alarm('ApiForbiddenSpike', {
      metric: metric('ApiForbidden'),
      threshold: ALARM_THRESHOLDS.apiForbidden,
      evaluationPeriods: 1,
      description: `At least ${ALARM_THRESHOLDS.apiForbidden} answers were 403 in 5 minutes: signed-in users tried what their role does not allow. The access log has sub (the user) and sourceIp.`,
      inclusive: true,
    });
  }

  /** Throttling and system errors of the service table (both also surface as 503s, see watchDependencies). */
  watchTable(tableName: string): void {
    const table = Table.fromTableName(this, 'WatchedTable', tableName);
    const throttles = new MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: table.metric('ReadThrottleEvents', { period: PERIOD, statistic: 'Sum' }),
        writes: table.metric('WriteThrottleEvents', { period: PERIOD, statistic: 'Sum' }),
      },
      period: PERIOD,
      label: 'DynamoDB throttle events',
    });
    this.alarm('TableThrottles', {
      metric: throttles,
      threshold: ALARM_THRESHOLDS.tableThrottles,
      evaluationPeriods: 1,
      description: `The service table throttled at least ${ALARM_THRESHOLDS.tableThrottles} requests in 5 minutes (on-demand: a hot partition, or a sudden burst above twice the previous peak).`,
      inclusive: true,
    });
    this.alarm('TableSystemErrors', {
      metric: table.metricSystemErrorsForOperations({ operations: [...WATCHED_TABLE_OPERATIONS], period: PERIOD, statistic: 'Sum' }),
      threshold: ALARM_THRESHOLDS.tableSystemErrors,
      evaluationPeriods: 1,
      description: 'DynamoDB answered the service with system errors (HTTP 500 on its side): see the AWS Health Dashboard for the region.',
      inclusive: true,
    });
  }

  /**
   * Cognito threat protection's risk metrics for the staff pool, summed over operations and risk levels
   * with a CloudWatch Metrics Insights query (each metric is published per Operation and RiskLevel).
   * Published only when the pool has threat protection on (Plus feature plan, audit or full function).
   */
  watchUserPool(userPoolId: string): void {
    for (const metricName of COGNITO_RISK_METRICS) {
      this.alarm(`Cognito${metricName}`, {
        metric: new MathExpression({
          expression: `SELECT SUM(${metricName}) FROM "AWS/Cognito" WHERE UserPoolId = '${userPoolId}'`,
          usingMetrics: {},
          period: PERIOD,
          label: `Cognito ${metricName}`,
        }),
        threshold: ALARM_THRESHOLDS.cognitoRisk,
        evaluationPeriods: 1,
        description: `Cognito threat protection reported ${metricName} for the staff pool: a sign-in with a leaked password or an unusual device or place. Check the user's event history (admin-list-user-auth-events) and reset or disable the account if needed.`,
        inclusive: true,
      });
    }
  }

  /** Unhandled errors and throttles of one function. */
  watchFunction(name: string, fn: IFunction): void {
    this.alarm(`${name}Errors`, {
      metric: fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
      threshold: ALARM_THRESHOLDS.functionErrors,
      evaluationPeriods: 1,
      description: `${name}: an invocation crashed or timed out (handled errors answer 500 and do not count).`,
      inclusive: true,
    });
    this.alarm(`${name}Throttles`, {
      metric: fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
      threshold: ALARM_THRESHOLDS.functionThrottles,
      evaluationPeriods: 1,
      description: `${name}: invocations were throttled (account or function concurrency exhausted).`,
      inclusive: true,
    });
  }

  /**
   * A stream consumer falling behind: the age of the oldest record it has not finished, in ms. Records
   * that fail are retried in order, so a stuck record shows here long before it is given up on.
   */
  watchStream(name: string, fn: IFunction, maxIteratorAgeMs: number): void {
    this.alarm(`${name}IteratorAge`, {
      metric: fn.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' }),
      threshold: maxIteratorAgeMs,
      evaluationPeriods: 1,
      description: `${name}: stream records waited more than ${Math.round(maxIteratorAgeMs / 1000)} s (failing and retried, or throttled).`,
    });
  }

  /** Any message in a queue that should stay empty (an on-failure destination or its dead-letter queue). */
  watchQueue(name: string, queue: IQueue, what: string): void {
    this.alarm(`${name}Visible`, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
      threshold: ALARM_THRESHOLDS.queuedFailures,
      evaluationPeriods: 1,
      description: `${name}: ${what}.`,
    });
  }

  private alarm(
    id: string,
    options: {
      metric: IMetric;
      threshold: number;
      evaluationPeriods: number;
      description: string;
      inclusive?: boolean;
    },
  ): void {
    const alarm = new Alarm(this, id, {
      metric: options.metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods,
      datapointsToAlarm: options.evaluationPeriods,
      comparisonOperator: options.inclusive
        ? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD
        : ComparisonOperator.GREATER_THAN_THRESHOLD,
      // No traffic is not a failure.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(...this.actions);
    alarm.addOkAction(...this.actions);
  }
}
