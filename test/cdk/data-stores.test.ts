/**
 * The stateful stack: the table as the table design describes it, recoverable and protected outside
 * dev; private, TLS-only buckets with receipts expiring; a staff user pool where nobody signs up and
 * nobody moves themselves to another agency.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { BY_REGISTRATION_DATE_INDEX, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/adapters/dynamodb/table-design';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

let dev: SynthesisedApp;
let prod: SynthesisedApp;
let devTemplate: Template;
let prodTemplate: Template;

beforeAll(() => {
  dev = synthesise({ stage: 'dev' });
  prod = synthesise({ stage: 'prod', receiptRetentionDays: '14', callbackUrls: 'https://intake.example.org/auth' });
  devTemplate = dev.templates().stateful;
  prodTemplate = prod.templates().stateful;
}, SYNTH_TIMEOUT_MS);
afterAll(() => {
  dev?.dispose();
  prod?.dispose();
});

describe('the service table', () => {
  it('follows the table design: keys, gsi1, on-demand, TTL on expiresAt and a stream of new and old images', () => {
    devTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: BY_REGISTRATION_DATE_INDEX.name,
          KeySchema: [
            { AttributeName: BY_REGISTRATION_DATE_INDEX.partitionKey, KeyType: 'HASH' },
            { AttributeName: BY_REGISTRATION_DATE_INDEX.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
      ],
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('has point-in-time recovery in every stage', () => {
    for (const template of [devTemplate, prodTemplate]) {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    }
  });

  it('is retained and deletion-protected outside dev, and may be destroyed with a dev stack', () => {
    prodTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    devTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    expect(prod.stacks().stateful.terminationProtection).toBe(true);
    expect(dev.stacks().stateful.terminationProtection).toBe(false);
  });
});

describe('buckets', () => {
  const buckets = (template: Template) => resourcesOf(template, 'AWS::S3::Bucket');
  const policyOf = (template: Template, bucketId: string) =>
    Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy')).find((policy) => policy.Properties.Bucket.Ref === bucketId);

  it('block all public access, deny requests without TLS and encrypt at rest', () => {
    for (const [id, bucket] of Object.entries(buckets(devTemplate))) {
      expectWithMessage(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expectWithMessage(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm,
        id,
      ).toMatch(/AES256|aws:kms/);
      const statements = policyOf(devTemplate, id)?.Properties.PolicyDocument.Statement as Json[];
      expectWithMessage(statements, id).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
    expect(Object.keys(buckets(devTemplate))).toHaveLength(3);
  });

  it('log every request to the receipts and site-index buckets into the access-log bucket', () => {
    const stateful = dev.stacks().stateful;
    for (const bucket of [stateful.receiptsBucket, stateful.siteIndexBucket]) {
      const properties = buckets(devTemplate)[logicalId(bucket)]!.Properties;
      expect(properties.LoggingConfiguration.DestinationBucketName.Ref).toMatch(/^AccessLogsBucket/);
    }
  });

  it('expire receipts after the configured number of days (default 30)', () => {
    const expiration = (app: SynthesisedApp, template: Template) =>
      (buckets(template)[logicalId(app.stacks().stateful.receiptsBucket)]!.Properties.LifecycleConfiguration.Rules as Json[]).find(
        (rule) => rule.ExpirationInDays,
      );
    expect(expiration(dev, devTemplate)).toMatchObject({ ExpirationInDays: 30, Status: 'Enabled' });
    expect(expiration(prod, prodTemplate)).toMatchObject({ ExpirationInDays: 14, Status: 'Enabled' });
  });

  it('are retained outside dev', () => {
    for (const bucket of Object.values(buckets(prodTemplate))) expect(bucket.DeletionPolicy).toBe('Retain');
  });
});

describe('the staff user pool', () => {
  it('lets nobody sign up, requires strong passwords and a second factor', () => {
    devTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
    const [pool] = Object.values(resourcesOf(devTemplate, 'AWS::Cognito::UserPool'));
    expect(pool!.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('has the agency attributes and the three role groups', () => {
    devTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'agency_id', AttributeDataType: 'String' }),
        Match.objectLike({ Name: 'agency_name', AttributeDataType: 'String' }),
      ]),
    });
    const groups = Object.values(resourcesOf(devTemplate, 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual(['agency-admin', 'operator', 'staff']);
  });

  it('has a public web client (code + PKCE, no secret) that can read the agency but never write it', () => {
    const [client] = Object.values(resourcesOf(prodTemplate, 'AWS::Cognito::UserPoolClient'));
    expect(client!.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: ['https://intake.example.org/auth'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect(client!.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:agency_id', 'custom:agency_name']));
    expect(client!.Properties.WriteAttributes.length).toBeGreaterThan(0);
    expect(client!.Properties.WriteAttributes).not.toContain('custom:agency_id');
    expect(client!.Properties.WriteAttributes).not.toContain('custom:agency_name');
  });

  it('is retained and deletion-protected outside dev', () => {
    prodTemplate.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('is not created when an existing pool and client are given', () => {
    const existing = synthesise({
      existingUserPoolId: 'ca-central-1_AbCdEf123',
      existingUserPoolVerified: 'true',
      existingUserPoolClientId: '1example23456789abcdefghij',
    });
    try {
      const { stateful, stateless } = existing.templates();
      stateful.resourceCountIs('AWS::Cognito::UserPool', 0);
      stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        JwtConfiguration: {
          Issuer: 'https://cognito-idp.ca-central-1.amazonaws.com/ca-central-1_AbCdEf123',
          Audience: ['1example23456789abcdefghij'],
        },
      });
    } finally {
      existing.dispose();
    }
  });
});

describe('outputs for operators', () => {
  it('name the table, the buckets, the user pool and client, and the API URL', () => {
    const outputs = Object.keys(devTemplate.toJSON().Outputs as Json);
    expect(outputs).toEqual(
      expect.arrayContaining(['TableName', 'ReceiptsBucketName', 'SiteIndexBucketName', 'UserPoolId', 'UserPoolClientId']),
    );
    expect(Object.keys(dev.templates().stateless.toJSON().Outputs as Json)).toContain('ApiUrl');
  });
});
