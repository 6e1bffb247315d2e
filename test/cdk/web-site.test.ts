/**
 * The web front end as a static site (`-c webSite=true`): absent by default; with it, per region, a
 * private bucket only the distribution can read, an HTTPS-only distribution with strict security
 * headers, the site's URL among the web client's callback URLs and the API's CORS origins, and the
 * front end deployed with a config.json that names this region's API, client and sign-in pages.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { App, Validations } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebSite, CONNECT_SRC_META, DEPLOY_TIME_MARKERS, withConnectSrcPolicy } from '../../lib/web-site-build';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

const REGIONS = ['ca-central-1', 'ca-west-1'];
const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/newcomer-intake/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const SITE_DOMAINS = { 'ca-central-1': 'intake.example.org', 'ca-west-1': 'west.intake.example.org' } as const;

let off: SynthesisedApp;
let dev: SynthesisedApp;
let prod: SynthesisedApp;
let domain: SynthesisedApp;
beforeAll(() => {
  off = synthesise();
  dev = synthesise({ webSite: 'true', regions: REGIONS.join(',') });
  prod = synthesise({ webSite: true, stage: 'prod', webSiteWebAclArn: WEB_ACL_ARN, siteDefaultCertificate: 'true' });
  domain = synthesise({
    webSite: 'true',
    stage: 'prod',
    regions: REGIONS.join(','),
    siteDomain: Object.entries(SITE_DOMAINS)
      .map(([region, name]) => `${region}=${name}`)
      .join(','),
    siteCertificateArn: CERTIFICATE_ARN,
  });
}, SYNTH_TIMEOUT_MS);
afterAll(() => {
  off?.dispose();
  dev?.dispose();
  prod?.dispose();
  domain?.dispose();
});

const statefulName = (synth: SynthesisedApp, region?: string) => synth.stacks(region).stateful.stackName;
const imported = (synth: SynthesisedApp, name: string, region?: string) => ({
  'Fn::ImportValue': `${statefulName(synth, region)}-${name}`,
});
const siteOrigin = (synth: SynthesisedApp, region?: string) => ({
  'Fn::Join': ['', ['https://', imported(synth, 'WebSiteDomainName', region)]],
});

function only(template: Template, type: string): Json {
  const found = Object.values(resourcesOf(template, type));
  expectWithMessage(found, type).toHaveLength(1);
  return found[0]!;
}

function siteBucketId(synth: SynthesisedApp, region?: string): string {
  return logicalId(synth.stacks(region).stateful.webSite!.bucket);
}

function distributionId(synth: SynthesisedApp, region?: string): string {
  return logicalId(synth.stacks(region).stateful.webSite!.distribution);
}

/** The Custom::CDKBucketDeployment of `hashedFiles` or `entryFiles`. */
function deployment(synth: SynthesisedApp, which: 'hashedFiles' | 'entryFiles', region?: string): Json {
  const construct = synth.stacks(region).stateless.webSite![which];
  const resourceId = synth.stacks(region).stateless.getLogicalId(construct.node.findChild('CustomResource').node.defaultChild as never);
  return synth.templates(region).stateless.toJSON().Resources[resourceId] as Json;
}

/** A CloudFormation expression as readable text: `[import:<name>]`, `[<logical id>.<attribute>]`, `[ref:<id>]`. */
function describeExpression(expression: Json): string {
  if (expression['Fn::ImportValue']) return `[import:${expression['Fn::ImportValue']}]`;
  if (expression['Fn::GetAtt']) return `[${expression['Fn::GetAtt'].join('.')}]`;
  if (expression.Ref) return `[ref:${expression.Ref}]`;
  if (expression['Fn::Join'])
    return (expression['Fn::Join'][1] as (string | Json)[])
      .map((part) => (typeof part === 'string' ? part : describeExpression(part)))
      .join('');
  return JSON.stringify(expression);
}

/** config.json as deployed: the staged file with each deploy-time marker shown as its expression. */
function deployedConfig(synth: SynthesisedApp, region?: string): Json {
  const entry = deployment(synth, 'entryFiles', region).Properties;
  const index = (entry.SourceObjectKeys as string[]).findIndex((_key, i) => entry.SourceMarkersConfig?.[i]?.jsonEscape);
  const hash = (entry.SourceObjectKeys[index] as string).replace(/\.zip$/, '');
  const markers = entry.SourceMarkers[index] as Record<string, Json>;
  let text = readFileSync(join(synth.outdir, `asset.${hash}`, 'config.json'), 'utf8');
  for (const [marker, expression] of Object.entries(markers)) text = text.split(marker).join(describeExpression(expression));
  return JSON.parse(text) as Json;
}

function contentSecurityPolicy(synth: SynthesisedApp, region?: string): string {
  const policy = only(synth.templates(region).stateful, 'AWS::CloudFront::ResponseHeadersPolicy');
  const csp = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy;
  expect(csp.Override).toBe(true);
  const value = csp.ContentSecurityPolicy as string | Json;
  return typeof value === 'string' ? value : describeExpression(value);
}

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  expectWithMessage(found, name).toBeDefined();
  return found!.slice(1);
}

function acknowledgementsUnder(app: App, pathPart: RegExp): { path: string; id: string; reason: string }[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && pathPart.test(construct.node.path))
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

describe('without -c webSite', () => {
  it('adds no site bucket, distribution, deployment or site export, and leaves CORS and callbacks as configured', () => {
    const { stateful, stateless } = off.templates();
    stateful.resourceCountIs('AWS::CloudFront::Distribution', 0);
    stateful.resourceCountIs('AWS::CloudFront::ResponseHeadersPolicy', 0);
    stateful.resourceCountIs('AWS::S3::Bucket', 3);
    stateless.resourceCountIs('Custom::CDKBucketDeployment', 0);
    expect(JSON.stringify(stateful.toJSON().Outputs)).not.toMatch(/WebSite/);
    expect(only(stateful, 'AWS::Cognito::UserPoolClient').Properties.CallbackURLs).toEqual(['http://localhost:5173/']);
    expect(only(stateless, 'AWS::ApiGatewayV2::Api').Properties.CorsConfiguration.AllowOrigins).toEqual(['http://localhost:5173']);
    expect(off.stacks().stateful.webSite).toBeUndefined();
    expect(off.stacks().stateless.webSite).toBeUndefined();
  });

  it('keeps ACLs off on the access-log bucket (CloudFront, which needs them, is not there)', () => {
    const logs = resourcesOf(off.templates().stateful, 'AWS::S3::Bucket');
    const accessLogs = Object.entries(logs).find(([id]) => id.startsWith('AccessLogsBucket'))![1];
    expect(accessLogs.Properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
  });
});

describe('the site bucket', () => {
  it('blocks public access, encrypts, denies requests without TLS 1.2 and logs to the access-log bucket', () => {
    const bucket = resourcesOf(dev.templates().stateful, 'AWS::S3::Bucket')[siteBucketId(dev)]!;
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: expect.stringMatching(/^AccessLogsBucket/) },
        LogFilePrefix: 'web-site-bucket/',
      },
    });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    const statements = bucketPolicy(dev).filter((s) => s.Effect === 'Deny');
    expect(statements).toContainEqual(
      expect.objectContaining({ Principal: { AWS: '*' }, Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Principal: { AWS: '*' }, Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    );
  });

  it('lets only this distribution read it, through Origin Access Control, and nothing else in', () => {
    const allows = bucketPolicy(dev).filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [siteBucketId(dev), 'Arn'] }, '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: distributionId(dev) },
                ],
              ],
            },
          },
        },
      },
    ]);
    const [origin] = resourcesOf(dev.templates().stateful, 'AWS::CloudFront::Distribution')[distributionId(dev)]!.Properties
      .DistributionConfig.Origins as Json[];
    expect(origin!.DomainName).toEqual({ 'Fn::GetAtt': [siteBucketId(dev), 'RegionalDomainName'] });
    expect(origin!.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] });
    expect(origin!.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(only(dev.templates().stateful, 'AWS::CloudFront::OriginAccessControl').Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
  });

  it('is destroyed with a dev stack and retained outside dev', () => {
    expect(resourcesOf(dev.templates().stateful, 'AWS::S3::Bucket')[siteBucketId(dev)]!.DeletionPolicy).toBe('Delete');
    expect(resourcesOf(prod.templates().stateful, 'AWS::S3::Bucket')[siteBucketId(prod)]!.DeletionPolicy).toBe('Retain');
  });
});

function bucketPolicy(synth: SynthesisedApp): Json[] {
  const policies = Object.values(resourcesOf(synth.templates().stateful, 'AWS::S3::BucketPolicy'));
  const policy = policies.find((p) => p.Properties.Bucket.Ref === siteBucketId(synth));
  return policy!.Properties.PolicyDocument.Statement as Json[];
}

describe('the distribution', () => {
  it('serves index.html at the root, redirects HTTP to HTTPS, allows only GET and HEAD, with no legacy logging', () => {
    const config = resourcesOf(dev.templates().stateful, 'AWS::CloudFront::Distribution')[distributionId(dev)]!.Properties
      .DistributionConfig;
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'], Compress: true },
    });
    // Legacy standard logs cannot reach a bucket in an opt-in region (ca-west-1) and need ACLs: v2 below.
    expect(config.Logging).toBeUndefined();
    expect(config.CacheBehaviors).toBeUndefined();
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({
      Ref: Object.keys(resourcesOf(dev.templates().stateful, 'AWS::CloudFront::ResponseHeadersPolicy'))[0],
    });
  });

  it.each(REGIONS)(
    "in %s, logs by standard logging v2 into that region's access-log bucket, made in us-east-1, with ACLs off",
    (region) => {
      const stateful = dev.templates(region).stateful;
      const name = `NewcomerIntake-dev-${region}-Stateful-site`;
      const calls = Object.values(resourcesOf(stateful, 'Custom::AWS')).map((resource) => {
        const create = resource.Properties.Create as string | Json;
        return JSON.parse(typeof create === 'string' ? create : describeExpression(create)) as Json;
      });
      expect(calls.map((call) => [call.service, call.action, call.region])).toEqual([
        ['CloudWatchLogs', 'putDeliverySource', 'us-east-1'],
        ['CloudWatchLogs', 'putDeliveryDestination', 'us-east-1'],
        ['CloudWatchLogs', 'createDelivery', 'us-east-1'],
      ]);
      expect(calls[0]!.parameters).toEqual({
        name,
        logType: 'ACCESS_LOGS',
        resourceArn: `arn:aws:cloudfront::[ref:AWS::AccountId]:distribution/[ref:${distributionId(dev, region)}]`,
      });
      const accessLogsId = Object.keys(resourcesOf(stateful, 'AWS::S3::Bucket')).find((id) => id.startsWith('AccessLogsBucket'))!;
      expect(calls[1]!.parameters.deliveryDestinationConfiguration).toEqual({
        destinationResourceArn: `[${accessLogsId}.Arn]/web-site-distribution`,
      });
      expect(calls[2]!.parameters).toMatchObject({
        deliverySourceName: name,
        deliveryDestinationArn: `arn:[ref:AWS::Partition]:logs:us-east-1:[ref:AWS::AccountId]:delivery-destination:${name}`,
      });
      const accessLogs = resourcesOf(stateful, 'AWS::S3::Bucket')[accessLogsId]!;
      expect(accessLogs.Properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
      const policy = Object.values(resourcesOf(stateful, 'AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === accessLogsId)!;
      const fromOwnDeliveries = {
        StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        ArnLike: {
          'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:us-east-1:', { Ref: 'AWS::AccountId' }, ':*']] },
        },
      };
      const statements = policy.Properties.PolicyDocument.Statement as Json[];
      const toDelivery = statements.filter((statement) => statement.Principal?.Service === 'delivery.logs.amazonaws.com');
      expect(toDelivery).toEqual([
        {
          Sid: 'CloudFrontStandardLogsV2Write',
          Effect: 'Allow',
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Action: 's3:PutObject',
          // Under the site's prefix only.
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [accessLogsId, 'Arn'] }, '/web-site-distribution/*']] },
          Condition: {
            ...fromOwnDeliveries,
            StringEquals: { ...fromOwnDeliveries.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' },
          },
        },
        {
          Sid: 'CloudFrontStandardLogsV2Check',
          Effect: 'Allow',
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Action: ['s3:GetBucketAcl', 's3:ListBucket'],
          Resource: { 'Fn::GetAtt': [accessLogsId, 'Arn'] },
          Condition: fromOwnDeliveries,
        },
      ]);
    },
  );

  it('sends strict security headers: HSTS, nosniff, DENY framing, no referrer', () => {
    const config = only(dev.templates().stateful, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig;
    expect(config.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
  });

  it("has a Content-Security-Policy with no inline code or framing, connecting only to itself, the region's API Gateway and the sign-in pages", () => {
    const policy = contentSecurityPolicy(dev);
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'connect-src')).toEqual([
      "'self'",
      'https://*.execute-api.ca-central-1.[ref:AWS::URLSuffix]',
      `https://[ref:${logicalId(dev.stacks().stateful.userPool!.node.findChild('HostedSignIn'))}].auth.ca-central-1.amazoncognito.com`,
    ]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('attaches the web ACL given by context, and acknowledges a missing one only when none is given', () => {
    const config = only(prod.templates().stateful, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(config.WebACLId).toBe(WEB_ACL_ARN);
    expect(acknowledgementsUnder(prod.app, /WebSite/).map((ack) => ack.id)).not.toContain('AwsSolutions-CFR2');
    expect(acknowledgementsUnder(dev.app, /WebSite\/Distribution$/).map((ack) => ack.id)).toContain('AwsSolutions-CFR2');
    expect(only(dev.templates().stateful, 'AWS::CloudFront::Distribution').Properties.DistributionConfig.WebACLId).toBeUndefined();
  });
});

describe('signing in on the site', () => {
  it("adds the site's URL to the web client's callback and sign-out URLs; the client still allows the code flow only", () => {
    const siteUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId(dev), 'DomainName'] }, '/']] };
    const client = only(dev.templates().stateful, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client.CallbackURLs).toEqual(['http://localhost:5173/', siteUrl]);
    expect(client.LogoutURLs).toEqual(['http://localhost:5173/', siteUrl]);
    expect(client).toMatchObject({ AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: false });
    expect(client.AllowedOAuthScopes).toEqual(['openid', 'email', 'profile']);
  });

  it('outside dev, with no origins configured, allows only the site (no local dev server)', () => {
    const client = only(prod.templates().stateful, 'AWS::Cognito::UserPoolClient').Properties;
    const siteUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId(prod), 'DomainName'] }, '/']] };
    expect(client.CallbackURLs).toEqual([siteUrl]);
    expect(client.LogoutURLs).toEqual([siteUrl]);
    expect(only(prod.templates().stateless, 'AWS::ApiGatewayV2::Api').Properties.CorsConfiguration.AllowOrigins).toEqual([
      siteOrigin(prod),
    ]);
  });

  it("lets the site's origin call the API (CORS), beside the configured origins", () => {
    const api = only(dev.templates().stateless, 'AWS::ApiGatewayV2::Api').Properties;
    expect(api.CorsConfiguration.AllowOrigins).toEqual(['http://localhost:5173', siteOrigin(dev)]);
  });

  it('uses the hosted domain of an existing pool given by context, and its existing client', () => {
    const existing = synthesise({
      webSite: 'true',
      existingUserPoolId: 'ca-central-1_AbCdEf123',
      existingUserPoolVerified: 'true',
      existingUserPoolClientId: '1example23456789abcdefghij',
      existingUserPoolDomain: 'https://staff-sign-in.auth.ca-central-1.amazoncognito.com/',
    });
    try {
      const { stateful } = existing.templates();
      stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
      stateful.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
      expect(directive(contentSecurityPolicy(existing), 'connect-src')).toContain(
        'https://staff-sign-in.auth.ca-central-1.amazoncognito.com',
      );
      expect(deployedConfig(existing).auth).toMatchObject({
        domain: 'https://staff-sign-in.auth.ca-central-1.amazoncognito.com',
        clientId: '1example23456789abcdefghij',
      });
    } finally {
      existing.dispose();
    }
  });
});

describe('the deployed front end', () => {
  it("writes config.json for the browser: this region's API URL, web client, sign-in pages and site URL", () => {
    const apiId = logicalId(dev.stacks().stateless.api);
    const site = `https://[import:${statefulName(dev)}-WebSiteDomainName]/`;
    expect(deployedConfig(dev)).toEqual({
      // The API's endpoint attribute, not the stage URL: no trailing slash.
      apiBaseUrl: `[${apiId}.ApiEndpoint]`,
      auth: {
        mode: 'cognito',
        domain: `[import:${statefulName(dev)}-SignInOrigin]`,
        clientId: `[import:${statefulName(dev)}-UserPoolClientId]`,
        redirectUri: site,
        logoutUri: site,
        scopes: ['openid', 'email', 'profile'],
      },
    });
  });

  it("narrows index.html's connect-src to this API and the sign-in pages at deploy time", () => {
    const entry = deployment(dev, 'entryFiles').Properties;
    expect(entry.SourceMarkers[0]).toEqual({
      [DEPLOY_TIME_MARKERS.apiOrigin]: { 'Fn::GetAtt': [logicalId(dev.stacks().stateless.api), 'ApiEndpoint'] },
      [DEPLOY_TIME_MARKERS.signInOrigin]: imported(dev, 'SignInOrigin'),
    });
    // The same build as the hashed files, so index.html names the assets deployed beside it.
    expect(entry.SourceObjectKeys[0]).toBe(deployment(dev, 'hashedFiles').Properties.SourceObjectKeys[0]);
  });

  it("caches hashed assets for a year and has index.html, config.json and the service worker revalidated, each deployment leaving the other's files alone", () => {
    const hashed = deployment(dev, 'hashedFiles');
    const entry = deployment(dev, 'entryFiles');
    expect(hashed.Properties).toMatchObject({
      Exclude: ['*'],
      Include: ['assets/*'],
      Prune: true,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      DestinationBucketName: imported(dev, 'WebSiteBucketName'),
    });
    expect(entry.Properties).toMatchObject({
      Exclude: ['assets/*'],
      Prune: true,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DestinationBucketName: imported(dev, 'WebSiteBucketName'),
    });
    expect(entry.Properties.Include).toBeUndefined();
    const hashedId = dev
      .stacks()
      .stateless.getLogicalId(dev.stacks().stateless.webSite!.hashedFiles.node.findChild('CustomResource').node.defaultChild as never);
    expect(entry.DependsOn).toContain(hashedId);
  });

  it('empties the bucket when a dev stack is destroyed, and keeps the files outside dev', () => {
    expect(deployment(dev, 'entryFiles').Properties.RetainOnDelete).toBe(false);
    expect(deployment(dev, 'hashedFiles').Properties.RetainOnDelete).toBe(false);
    expect(deployment(prod, 'entryFiles').Properties.RetainOnDelete).toBe(true);
    expect(deployment(prod, 'hashedFiles').Properties.RetainOnDelete).toBe(true);
  });

  it('is copied by a role that may read only its own asset files and write only the site bucket', () => {
    const role = dev.stacks().stateless.webSite!.deployerRole;
    const template = dev.templates().stateless;
    const roleResource = template.toJSON().Resources[logicalId(role)] as Json;
    expect(roleResource.Properties.ManagedPolicyArns).toBeUndefined();
    const statements = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Json[]).some((r) => r.Ref === logicalId(role)))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
    const keys = [deployment(dev, 'hashedFiles'), deployment(dev, 'entryFiles')].flatMap((d) => d.Properties.SourceObjectKeys as string[]);
    const read = statements.find((s) => s.Action === 's3:GetObject')!;
    expect(JSON.stringify(read.Resource)).not.toMatch(/\*/);
    expect((read.Resource as Json[]).map((resource) => resource['Fn::Join'][1].at(-1)).sort()).toEqual(
      [...new Set(keys)].map((key) => `/${key}`).sort(),
    );
    const site = imported(dev, 'WebSiteBucketArn');
    expect(statements).toContainEqual({ Effect: 'Allow', Action: ['s3:GetBucketTagging', 's3:ListBucket'], Resource: site });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject'],
      Resource: { 'Fn::Join': ['', [site, '/*']] },
    });
    expect(statements.flatMap((s) => [].concat(s.Action)).filter((action: string) => action.includes('*'))).toEqual([]);
    const [provider] = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter(
      (fn) => fn.Properties.Role['Fn::GetAtt']?.[0] === logicalId(role),
    );
    expect(provider!.Properties.LoggingConfig.LogGroup.Ref).toMatch(/^WebSiteDeployerLogs/);
  });
});

describe('two regions', () => {
  it('give each region its own bucket, distribution and deployment, wired only to its own stacks', () => {
    for (const region of REGIONS) {
      const { stateful, stateless } = dev.templates(region);
      stateful.resourceCountIs('AWS::CloudFront::Distribution', 1);
      stateful.resourceCountIs('AWS::S3::Bucket', 4);
      expect(contentSecurityPolicy(dev, region)).toContain(`https://*.execute-api.${region}.`);
      expect(deployment(dev, 'entryFiles', region).Properties.DestinationBucketName).toEqual(imported(dev, 'WebSiteBucketName', region));
      expect(deployedConfig(dev, region).auth.clientId).toBe(`[import:${statefulName(dev, region)}-UserPoolClientId]`);
      expect(only(stateless, 'AWS::ApiGatewayV2::Api').Properties.CorsConfiguration.AllowOrigins).toContainEqual(siteOrigin(dev, region));
    }
    const policyNames = REGIONS.map(
      (region) =>
        only(dev.templates(region).stateful, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig.Name,
    );
    expect(new Set(policyNames).size).toBe(REGIONS.length);
  });
});

describe("TLS and the site's own domain", () => {
  it.each(REGIONS)("in %s, serves the region's domain with its us-east-1 certificate and TLS 1.2 at least", (region) => {
    const config = only(domain.templates(region).stateful, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(config.Aliases).toEqual([SITE_DOMAINS[region as keyof typeof SITE_DOMAINS]]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: CERTIFICATE_ARN,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it("makes the domain the site's URL: callback, CORS origin, config.json and output", () => {
    const url = `https://${SITE_DOMAINS['ca-west-1']}/`;
    const client = only(domain.templates('ca-west-1').stateful, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client.CallbackURLs).toEqual([url]);
    expect(client.LogoutURLs).toEqual([url]);
    expect(only(domain.templates('ca-west-1').stateless, 'AWS::ApiGatewayV2::Api').Properties.CorsConfiguration.AllowOrigins).toEqual([
      `https://${SITE_DOMAINS['ca-west-1']}`,
    ]);
    expect(deployedConfig(domain, 'ca-west-1').auth).toMatchObject({ redirectUri: url, logoutUri: url });
    expect(domain.templates('ca-west-1').stateful.toJSON().Outputs.WebSiteUrl.Value).toBe(url);
  });

  it("keeps CloudFront's default certificate (TLSv1 policy) only in dev or when accepted outside dev, acknowledging CFR4 only then", () => {
    for (const synth of [dev, prod]) {
      const config = only(synth.templates().stateful, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
      expect(config.Aliases).toBeUndefined();
      expect(config.ViewerCertificate).toBeUndefined();
      expect(acknowledgementsUnder(synth.app, /WebSite\/Distribution$/).map((ack) => ack.id)).toContain('AwsSolutions-CFR4');
    }
    expect(acknowledgementsUnder(domain.app, /WebSite\/Distribution$/).map((ack) => ack.id)).not.toContain('AwsSolutions-CFR4');
    expect(() => synthesise({ webSite: 'true', stage: 'prod' })).toThrow(/"siteDomain".*TLS 1\.2.*siteDefaultCertificate=true/);
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged with the site on, with and without a web ACL or its own domain', () => {
    for (const synth of [dev, prod, domain]) expect(new AwsSolutionsChecks().validateScope(synth.app).violations).toEqual([]);
  });

  it('acknowledges only the reviewed site findings, each on one construct, with a reason', () => {
    const acks = acknowledgementsUnder(dev.app, /\/WebSite\/|CDKBucketDeployment|AWS679f53fac002430cb0da5b7982bd2287/);
    const stack = (region: string, part: string) => `NewcomerIntake-dev-${region}-${part}`;
    expect(acks.map((ack) => `${ack.path} ${ack.id}`).sort()).toEqual(
      REGIONS.flatMap((region) => [
        `${stack(region, 'Stateful')}/WebSite/Distribution AwsSolutions-CFR1`,
        `${stack(region, 'Stateful')}/WebSite/Distribution AwsSolutions-CFR2`,
        `${stack(region, 'Stateful')}/WebSite/Distribution AwsSolutions-CFR3`,
        `${stack(region, 'Stateful')}/WebSite/Distribution AwsSolutions-CFR4`,
        `${stack(region, 'Stateful')}/WebSite/LogDeliveryRole/DefaultPolicy AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:us-east-1:<AWS::AccountId>:delivery:*]`,
        `${stack(region, 'Stateful')}/AWS679f53fac002430cb0da5b7982bd2287 AwsSolutions-L1`,
        `${stack(region, 'Stateless')}/Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C AwsSolutions-L1`,
        `${stack(region, 'Stateless')}/WebSite/DeployerRole/DefaultPolicy AwsSolutions-IAM5[Resource::${stack(region, 'Stateful')}-WebSiteBucketArn/*]`,
      ]).sort(),
    );
    for (const ack of acks) expectWithMessage(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(60);
  });
});

describe('the front-end build', () => {
  it('builds web/ offline into hashed assets and an index.html whose first head element is the connect-src policy', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'newcomer-intake-web-'));
    try {
      buildWebSite(outdir);
      const html = readFileSync(join(outdir, 'index.html'), 'utf8');
      expect(html.split(CONNECT_SRC_META)).toHaveLength(2);
      expect(
        html
          .slice(html.indexOf('<head>') + '<head>'.length)
          .trimStart()
          .startsWith(CONNECT_SRC_META),
      ).toBe(true);
      expect(readdirSync(join(outdir, 'assets')).some((file) => /-[\w-]{8,}\.js$/.test(file))).toBe(true);
      expect(html).toMatch(/<script[^>]+src="\/assets\//);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('refuses an index.html without a head rather than ship it without the policy', () => {
    expect(() => withConnectSrcPolicy('<html><body></body></html>')).toThrow(/no <head>/);
    expect(withConnectSrcPolicy('<html lang="en"><head lang="en"><title>t</title></head></html>')).toBe(
      `<html lang="en"><head lang="en">\n    ${CONNECT_SRC_META}<title>t</title></head></html>`,
    );
  });
});
