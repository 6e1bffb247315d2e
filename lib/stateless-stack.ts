/**
 * The code of one region: the HTTP API, one function per route of the route table
 * (functions/api/routes.ts), their grants, the comment-search indexer and the report counter on the
 * table's stream, the alarms, and with `-c webSite=true` the web front end's files
 * (lib/web-site-content.ts). Everything is derived from the route table; no route is named here.
 * Deleting this stack never touches data: the stores live in the stateful stack and are reached only
 * through `StatefulResources`.
 */
import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type RouteDefinition, routes as routeTable } from '../functions/api/routes';
import { environmentGroupsOf } from '../functions/api/routes/route-definition';
import { environmentFor, type EnvironmentValues, SERVICE_NAME } from '../functions/runtime/env';
import { DEFAULT_REQUEST_DEADLINE_SECONDS } from '../functions/runtime/request-deadline';
import { ServiceAlarms } from './alarms';
import { ApiFunction, type DataStores, functionId } from './api-function';
import { FUNCTION_EXTRAS } from './bundling';
import { ClientRetention } from './client-retention';
import { CommentIndexer } from './comment-indexer';
import { encryptLogGroups } from './key-use';
import { ReportCounter } from './report-counter';
import { type ThrottledRoute, throttlePublicRoutes } from './route-throttles';
import { serviceVersion } from './service-version';
import { type DeploymentSettings, DEV_STAGE } from './settings';
import type { StatefulResources } from './stateful-stack';
import { WebSiteContent } from './web-site-content';

export interface StatelessStackProps extends StackProps {
  settings: DeploymentSettings;
  stateful: StatefulResources;
}

/** Request headers a browser may send, and response headers it may read (CONTRACT §3, §6). */
const CORS_REQUEST_HEADERS = ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key'];
const CORS_RESPONSE_HEADERS = ['etag', 'location', 'idempotent-replayed', 'retry-after'];

/**
 * One JSON line per request. Never the query string (search text), bodies or tokens; the caller is
 * identified by the token's subject only. `sourceIp` (the caller's IP address) is here and in the
 * functions' request log line only, for telling a flood or token guessing from staff traffic; it is
 * personal information, kept with the log group's retention and nowhere else.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTimeEpoch',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
  }),
);

export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The function of each route, by operationId. */
  readonly functions: ReadonlyMap<string, ApiFunction>;
  readonly alarms: ServiceAlarms;
  readonly commentIndexer: CommentIndexer;
  readonly reportCounter: ReportCounter;
  /** Only with `-c clientRetentionYears=`. */
  readonly clientRetention: ClientRetention | undefined;
  /** Only with `-c webSite=true`. */
  readonly webSite: WebSiteContent | undefined;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { settings, stateful } = props;
    const removalPolicy = settings.stage === DEV_STAGE ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const corsOrigins = [...settings.corsOrigins, ...(stateful.webSite ? [`https://${stateful.webSite.domainName.value}`] : [])];

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `newcomer-intake-${settings.stage}`,
      description: 'newcomer-intake: anonymous-client registration for settlement agencies',
      createDefaultStage: false,
      corsPreflight:
        corsOrigins.length === 0
          ? undefined
          : {
              allowOrigins: corsOrigins,
              allowMethods: [CorsHttpMethod.ANY],
              allowHeaders: CORS_REQUEST_HEADERS,
              exposeHeaders: CORS_RESPONSE_HEADERS,
              maxAge: Duration.hours(1),
            },
    });
    // Every log group of this stack (the functions', this one, any other) is encrypted with the
    // region's key, imported from the stateful stack (lib/key-use.ts).
    encryptLogGroups(this, stateful.encryptionKey);
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: settings.throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    const authorizer = new HttpJwtAuthorizer('StaffJwtAuthorizer', stateful.auth.issuer, {
      authorizerName: 'cognito-staff',
      jwtAudience: [stateful.auth.userPoolClientId.value],
      identitySource: ['$request.header.Authorization'],
    });
    this.alarms = new ServiceAlarms(this, 'Alarms', { alarmEmail: settings.alarmEmail, removalPolicy });
    this.alarms.watchApi(this.api);
    this.alarms.watchDependencies(metricsNamespace(settings.stage), SERVICE_NAME);
    // Detection: 429/401/403 from the access log, the table's throttles and system errors, Cognito risk.
    this.alarms.watchAccessLog(accessLogs, metricsNamespace(settings.stage));
    this.alarms.watchTable(stateful.table.name.value);
    this.alarms.watchUserPool(stateful.auth.userPoolId.value);

    const stores: DataStores = stateful;
    const environmentValues = functionEnvironmentValues(settings, stateful);
    const functions = new Map<string, ApiFunction>();
    const throttledRoutes: ThrottledRoute[] = [];
    for (const route of routeTable as readonly RouteDefinition[]) {
      const id = functionId(route.operationId);
      const fn = new ApiFunction(this, id, {
        entry: route.handler,
        description: `${route.method} ${route.path} (${route.operationId})`,
        environment: environmentFor(environmentGroupsOf(route), environmentValues),
        removalPolicy,
        extras: FUNCTION_EXTRAS[route.handler],
      });
      fn.grant(stores, route.access);
      functions.set(route.operationId, fn);
      this.alarms.watchFunction(id, fn.function);

      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}Integration`, fn.function),
        authorizer: route.auth === 'jwt' ? authorizer : new HttpNoneAuthorizer(),
      });
      if (httpRoute) throttledRoutes.push({ routeKey: `${route.method} ${route.path}`, route: httpRoute, auth: route.auth });
      if (route.auth === 'public' && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by contract (CONTRACT §2: health and the OpenAPI document need no token); the route table marks it auth 'public'.`,
        });
      }
    }
    this.functions = functions;
    throttlePublicRoutes(this.stage, throttledRoutes, settings.publicThrottle);

    // The comment-search indexer on the table's stream (docs/comment-search.md); not a route. The only
    // function that may delete table items (BatchWriteItem, for postings of words a comment lost).
    this.commentIndexer = new CommentIndexer(this, 'CommentIndexer', {
      table: stateful.table,
      environment: environmentFor(['service', 'table'], environmentValues),
      removalPolicy,
      alarms: this.alarms,
      encryptionKey: stateful.encryptionKey,
    });

    // The report counter on the same stream (docs/reports.md); not a route. Keeps the report tallies
    // from client and session items; reports read the tallies only.
    this.reportCounter = new ReportCounter(this, 'ReportCounter', {
      table: stateful.table,
      environment: environmentFor(['service', 'table'], environmentValues),
      removalPolicy,
      alarms: this.alarms,
      encryptionKey: stateful.encryptionKey,
    });

    // Retention (docs/storage.md#retention), only with `-c clientRetentionYears=`: a daily function.
    this.clientRetention =
      settings.clientRetentionYears === undefined
        ? undefined
        : new ClientRetention(this, 'ClientRetention', {
            table: stateful.table,
            receiptsBucket: stateful.receiptsBucket,
            environment: environmentFor(['service', 'table', 'receipts', 'retention'], environmentValues),
            removalPolicy,
            alarms: this.alarms,
            encryptionKey: stateful.encryptionKey,
          });

    this.webSite =
      stateful.webSite &&
      new WebSiteContent(this, 'WebSite', {
        site: stateful.webSite,
        apiOrigin: this.api.apiEndpoint,
        clientId: stateful.auth.userPoolClientId.value,
        removalPolicy,
      });

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'SNS topic of the alarms' });
    // For the reports runbook (docs/operators-guide.md, Reports): whether the counter has caught up
    // (its IteratorAge), and the queue to purge once the tallies are rebuilt.
    new CfnOutput(this, 'ReportCounterFunctionName', {
      value: this.reportCounter.function.function.functionName,
      description: 'The report counter (table stream -> report tallies)',
    });
    new CfnOutput(this, 'ReportCounterFailuresQueueUrl', {
      value: this.reportCounter.failures.queueUrl,
      description: 'Stream batches the report counter gave up on',
    });
  }
}

/**
 * The value of every variable of the environment contract (functions/runtime/env.ts) in this stage;
 * each function gets the groups its route declares. SEARCH_CURSOR_KEY is a CloudFormation dynamic
 * reference (`{{resolve:secretsmanager:<arn>:SecretString:::}}`) that CloudFormation resolves when it
 * deploys the function. Trade-off (docs/operators-guide.md): the value never appears in the template
 * or the synthesised assembly, and the role gets no secretsmanager permission, but it is stored in the
 * function's configuration: anyone allowed lambda:GetFunctionConfiguration on it can read it, and a
 * new secret value reaches the function only when CloudFormation next updates the function.
 */
export function functionEnvironmentValues(settings: DeploymentSettings, stateful: StatefulResources): EnvironmentValues {
  return {
    service: {
      SERVICE_VERSION: serviceVersion(),
      AGENCY_TIME_ZONE: settings.agencyTimeZone,
      POWERTOOLS_METRICS_NAMESPACE: metricsNamespace(settings.stage),
      REQUEST_DEADLINE_SECONDS: String(DEFAULT_REQUEST_DEADLINE_SECONDS),
    },
    table: { TABLE_NAME: stateful.table.name.value },
    receipts: { RECEIPTS_BUCKET: stateful.receiptsBucket.name.value, RECEIPT_RETENTION_DAYS: String(settings.receiptRetentionDays) },
    siteIndex: { SITE_INDEX_BUCKET: stateful.siteIndexBucket.name.value },
    retention: settings.clientRetentionYears === undefined ? {} : { CLIENT_RETENTION_YEARS: String(settings.clientRetentionYears) },
    searchCursorKey: { SEARCH_CURSOR_KEY: SecretValue.secretsManager(stateful.searchCursorKey.secretArn.value).unsafeUnwrap() },
  };
}

/** The CloudWatch namespace of a stage's business metrics (functions/runtime/metrics.ts); alarms read it too. */
export function metricsNamespace(stage: string): string {
  return `newcomer-intake-${stage}`;
}
