/**
 * The code of one region: the HTTP API, one function per route of the route table
 * (functions/api/routes.ts), their grants, the comment-search indexer on the table's stream, the
 * alarms, and with `-c webSite=true` the web front end's files (lib/web-site-content.ts). Everything
 * is derived from the route table; no route is named here. Deleting this stack never touches data:
 * the stores live in the stateful stack and are reached only through `StatefulResources`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type RouteDefinition, routes as routeTable } from '../functions/api/routes';
import { ServiceAlarms } from './alarms';
import { ApiFunction, type DataStores, functionId, REPOSITORY_ROOT } from './api-function';
import { FUNCTION_EXTRAS } from './bundling';
import { CommentIndexer } from './comment-indexer';
import { DEV_STAGE, type DeploymentSettings } from './settings';
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
 * identified by the token's subject only.
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

    const stores: DataStores = stateful;
    const environment = {
      SERVICE_VERSION: serviceVersion(),
      AGENCY_TIME_ZONE: settings.agencyTimeZone,
    };
    const functions = new Map<string, ApiFunction>();
    for (const route of routeTable as readonly RouteDefinition[]) {
      const id = functionId(route.operationId);
      const fn = new ApiFunction(this, id, {
        entry: route.handler,
        description: `${route.method} ${route.path} (${route.operationId})`,
        environment,
        removalPolicy,
        extras: FUNCTION_EXTRAS[route.handler],
      });
      fn.bind(stores, route.access);
      if (readsSearchCursorKey(route)) fn.bindSearchCursorKey(stateful.searchCursorKey.secretArn);
      functions.set(route.operationId, fn);
      this.alarms.watchFunction(id, fn.function);

      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}Integration`, fn.function),
        authorizer: route.auth === 'jwt' ? authorizer : new HttpNoneAuthorizer(),
      });
      if (route.auth === 'public' && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by contract (CONTRACT §2: health and the OpenAPI document need no token); the route table marks it auth 'public'.`,
        });
      }
    }
    this.functions = functions;

    // The comment-search indexer on the table's stream (README "Find a Client"); not a route. The only
    // function that may delete table items (BatchWriteItem, for postings of words a comment lost).
    this.commentIndexer = new CommentIndexer(this, 'CommentIndexer', {
      table: stateful.table,
      environment,
      removalPolicy,
      alarms: this.alarms,
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
  }
}

/**
 * Whether a route's handler signs search cursors, i.e. imports functions/runtime/search-config.ts
 * (today: findAnonymousClients). Derived from the handler's source so that the route table stays the
 * one place that names routes; a test checks the search route gets the key and no other function does.
 */
export function readsSearchCursorKey(route: RouteDefinition): boolean {
  return /from '\.\.\/runtime\/search-config'/.test(readFileSync(join(REPOSITORY_ROOT, route.handler), 'utf8'));
}

function serviceVersion(): string {
  const manifest = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string' || manifest.version === '') throw new Error('package.json has no version');
  return manifest.version;
}
