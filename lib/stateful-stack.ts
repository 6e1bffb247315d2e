/**
 * Everything that holds data, in one stack per region: the service table, the receipts and
 * site-index buckets (with their access-log bucket), the search-cursor key secret and the Cognito
 * user pool; the region's customer-managed key that encrypts them (lib/encryption-key.ts) and the
 * table's daily AWS Backup plan (lib/backup-plan.ts); with `-c webSite=true`, also the web site's
 * bucket and distribution, whose domain the user pool's web client names (lib/web-site-hosting.ts).
 * Nothing here runs code, so redeploying or deleting the functions never puts data at risk. Outside
 * the `dev` stage every store is retained when the stack is deleted and protected against deletion.
 *
 * The stateless stack reaches these resources only through `StatefulResources`: values exported under
 * stable names (see `exported`), never CDK's automatic cross-stack exports, whose generated names
 * would block an update the day the stateless stack stops using one of them.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  type IUserPool,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { BY_REGISTRATION_DATE_INDEX, TABLE_KEYS, TTL_ATTRIBUTE } from '../functions/adapters/dynamodb/table-design';
import { ROLES } from '../functions/domain/caller';
import { backupCopyDestination, backupCopySources, backupRoleArn, ServiceBackups } from './backup-plan';
import { ServiceKey } from './encryption-key';
import type { ServiceKeyReference } from './key-use';
import { type DeploymentSettings, DEV_STAGE, userPoolRegion } from './settings';
import { WebSiteHosting } from './web-site-hosting';

/** A value of the stateful stack as the stateless stack imports it, with the export's name. */
export interface ExportedValue {
  /** `Fn::ImportValue` of the export (a plain string when nothing needed exporting). */
  value: string;
  exportName: string | undefined;
}

/** What the stateless stack may know about the stateful one: typed, and only by exported values. */
export interface StatefulResources {
  table: { name: ExportedValue; arn: ExportedValue; streamArn: ExportedValue; indexNames: readonly string[] };
  receiptsBucket: { name: ExportedValue; arn: ExportedValue };
  siteIndexBucket: { name: ExportedValue; arn: ExportedValue };
  /** The secret holding SEARCH_CURSOR_KEY (functions/runtime/search-config.ts). */
  searchCursorKey: { secretArn: ExportedValue };
  /** The region's customer-managed key (lib/encryption-key.ts), and the role path of its users. */
  encryptionKey: ServiceKeyReference;
  auth: {
    userPoolId: ExportedValue;
    userPoolClientId: ExportedValue;
    /** The JWT issuer the HTTP API authorizer trusts: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
    issuer: string;
  };
  /** Only with `-c webSite=true`: where the stateless stack deploys the front end, and how it signs in. */
  webSite: WebSiteResources | undefined;
}

export interface WebSiteResources {
  bucket: { name: ExportedValue; arn: ExportedValue };
  /** The distribution's domain name (`d111111abcdef8.cloudfront.net`). */
  domainName: ExportedValue;
  /** Origin of the Cognito hosted sign-in pages (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  signInOrigin: ExportedValue;
}

export interface StatefulStackProps extends StackProps {
  settings: DeploymentSettings;
}

/** Characters of the generated search-cursor key (letters and digits: valid base64, 48 bytes). */
export const SEARCH_CURSOR_KEY_LENGTH = 64;

/** Days S3 server access logs are kept. */
const ACCESS_LOG_RETENTION_DAYS = 365;

export class StatefulStack extends Stack {
  readonly resources: StatefulResources;
  readonly table: Table;
  readonly receiptsBucket: Bucket;
  readonly siteIndexBucket: Bucket;
  readonly searchCursorKey: Secret;
  /** The region's key and its break-glass role (lib/encryption-key.ts). */
  readonly encryptionKey: ServiceKey;
  /** The table's daily backups (lib/backup-plan.ts). */
  readonly backups: ServiceBackups;
  /** Undefined when an existing pool is used (`-c existingUserPoolId`). */
  readonly userPool: UserPool | undefined;
  /** Only with `-c webSite=true`. */
  readonly webSite: WebSiteHosting | undefined;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const keepData = settings.stage !== DEV_STAGE;
    const removalPolicy = keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // One key for every store of the region; AWS Backup's roles (this region's, and those of regions
    // that copy their backups here) are named in its policy.
    this.encryptionKey = new ServiceKey(this, 'EncryptionKey', {
      stage: settings.stage,
      removalPolicy,
      backupRoleArns: [this.region, ...backupCopySources(settings, this.region)].map((region) => backupRoleArn(settings.stage, region)),
    });
    const key = this.encryptionKey.key;

    this.table = new Table(this, 'ServiceTable', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: keepData,
      removalPolicy,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The comment-search indexer (lib/comment-indexer.ts) consumes this stream.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: BY_REGISTRATION_DATE_INDEX.name,
      partitionKey: { name: BY_REGISTRATION_DATE_INDEX.partitionKey, type: AttributeType.STRING },
      sortKey: { name: BY_REGISTRATION_DATE_INDEX.sortKey, type: AttributeType.STRING },
    });

    const accessLogs = new Bucket(this, 'AccessLogsBucket', {
      ...this.privateBucketDefaults(removalPolicy),
      // The web site's CloudFront logs arrive by standard logging v2, allowed by bucket policy
      // (lib/web-site-hosting.ts): ACLs stay off (BUCKET_OWNER_ENFORCED), in every region.
      // Log delivery writes with the bucket owner's SSE-S3 key; S3 access logs cannot target SSE-KMS.
      encryption: BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_RETENTION_DAYS) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the server-access-log bucket of the receipts and site-index buckets; logging it into itself would loop and into another bucket would only move the finding.',
    });

    this.receiptsBucket = new Bucket(this, 'ReceiptsBucket', {
      ...this.privateBucketDefaults(removalPolicy),
      ...this.encryptedWith(key),
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'receipts-bucket/',
      lifecycleRules: [
        {
          // Every object in this bucket is a rendered receipt: a copy of a client's record that the
          // service can render again, so it is deleted after the retention period whatever its key.
          id: 'expire-receipts',
          expiration: Duration.days(settings.receiptRetentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });

    this.siteIndexBucket = new Bucket(this, 'SiteIndexBucket', {
      ...this.privateBucketDefaults(removalPolicy),
      ...this.encryptedWith(key),
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site-index-bucket/',
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });

    // The key that signs "Find a Client" search cursors: base64 of at least 32 random bytes
    // (functions/runtime/search-config.ts). 64 characters from [A-Za-z0-9], all in the base64
    // alphabet, decode to 48 bytes carrying about 381 random bits. One per region, generated by
    // Secrets Manager at creation; nobody ever types or sees it.
    this.searchCursorKey = new Secret(this, 'SearchCursorKey', {
      description: 'newcomer-intake: HMAC key of the Find a Client search cursors (SEARCH_CURSOR_KEY, base64)',
      generateSecretString: {
        passwordLength: SEARCH_CURSOR_KEY_LENGTH,
        excludePunctuation: true,
        includeSpace: false,
        requireEachIncludedType: false,
      },
      removalPolicy,
    });
    this.encryptionKey.encrypt(this.searchCursorKey);
    Validations.of(this.searchCursorKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'No automatic rotation: the key only signs opaque search-page cursors (each bound to its agency and query, re-checked server-side), and the function receives it at deploy time through a CloudFormation dynamic reference, so a rotation would not reach it before the next deploy; operators rotate it by hand (docs/operators-guide.md).',
    });

    this.backups = new ServiceBackups(this, 'Backups', {
      stage: settings.stage,
      table: this.table,
      key,
      removalPolicy,
      lock: settings.backupVaultLock,
      copyTo: backupCopyDestination(settings, this.region),
    });

    const signIn = settings.existingUserPoolId ? undefined : this.createUserPool(settings, removalPolicy);
    this.userPool = signIn?.pool;
    const signInOrigin = signIn?.origin ?? settings.existingUserPoolDomain;
    this.webSite = settings.webSite ? this.webSiteHosting(settings, removalPolicy, accessLogs, signInOrigin) : undefined;
    const auth = this.userPoolClient(settings, signIn?.pool, this.webSite?.url);

    const prefix = this.stackName;
    const exported = (value: string, name: string): ExportedValue => {
      if (!Token.isUnresolved(value)) return { value, exportName: undefined };
      const exportName = `${prefix}-${name}`;
      return { value: this.exportValue(value, { name: exportName }), exportName };
    };
    const userPoolId = exported(auth.userPoolId, 'UserPoolId');
    this.resources = {
      table: {
        name: exported(this.table.tableName, 'TableName'),
        arn: exported(this.table.tableArn, 'TableArn'),
        streamArn: exported(this.table.tableStreamArn!, 'TableStreamArn'),
        indexNames: [BY_REGISTRATION_DATE_INDEX.name],
      },
      receiptsBucket: {
        name: exported(this.receiptsBucket.bucketName, 'ReceiptsBucketName'),
        arn: exported(this.receiptsBucket.bucketArn, 'ReceiptsBucketArn'),
      },
      siteIndexBucket: {
        name: exported(this.siteIndexBucket.bucketName, 'SiteIndexBucketName'),
        arn: exported(this.siteIndexBucket.bucketArn, 'SiteIndexBucketArn'),
      },
      searchCursorKey: { secretArn: exported(this.searchCursorKey.secretArn, 'SearchCursorKeySecretArn') },
      encryptionKey: { arn: exported(key.keyArn, 'EncryptionKeyArn'), userRolePath: this.encryptionKey.userRolePath },
      auth: {
        userPoolId,
        userPoolClientId: exported(auth.clientId, 'UserPoolClientId'),
        issuer: `https://cognito-idp.${auth.region}.amazonaws.com/${userPoolId.value}`,
      },
      webSite: this.webSite && {
        bucket: {
          name: exported(this.webSite.bucket.bucketName, 'WebSiteBucketName'),
          arn: exported(this.webSite.bucket.bucketArn, 'WebSiteBucketArn'),
        },
        domainName: exported(this.webSite.domainName, 'WebSiteDomainName'),
        signInOrigin: exported(this.webSite.signInOrigin, 'SignInOrigin'),
      },
    };

    // What an operator needs (docs/operators-guide.md): `npm run sites:import -- --table <TableName>`.
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'DynamoDB service table' });
    new CfnOutput(this, 'TableStreamArn', { value: this.table.tableStreamArn!, description: 'Stream of the service table' });
    new CfnOutput(this, 'ReceiptsBucketName', { value: this.receiptsBucket.bucketName, description: 'Rendered receipts' });
    new CfnOutput(this, 'SiteIndexBucketName', { value: this.siteIndexBucket.bucketName, description: 'Site-search index' });
    new CfnOutput(this, 'AccessLogsBucketName', { value: accessLogs.bucketName, description: 'S3 server access logs' });
    new CfnOutput(this, 'EncryptionKeyArn', { value: key.keyArn, description: `The region's data key (${this.encryptionKey.aliasName})` });
    new CfnOutput(this, 'KeyBreakGlassRoleArn', {
      value: this.encryptionKey.breakGlassRole.roleArn,
      description: 'Break-glass administration of the data key (MFA)',
    });
    new CfnOutput(this, 'BackupVaultName', { value: this.backups.vault.backupVaultName, description: 'AWS Backup vault of the table' });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPoolId, description: 'Cognito user pool of the staff users' });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.clientId, description: 'App client of the web front end' });
    if (this.webSite) {
      new CfnOutput(this, 'WebSiteUrl', { value: this.webSite.url, description: 'The web front end (CloudFront)' });
    }
  }

  /** SSE-KMS with the region's key; the bucket key keeps KMS calls (and their cost) to a few per object batch. */
  private encryptedWith(key: IKey) {
    return { encryption: BucketEncryption.KMS, encryptionKey: key, bucketKeyEnabled: true };
  }

  private privateBucketDefaults(removalPolicy: RemovalPolicy) {
    return {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Receipts are short-lived copies, the site index is rebuilt from the table and the web site from
      // the repository: old versions would only keep personal data past its retention, so versioning stays off.
      versioned: false,
      removalPolicy,
      autoDeleteObjects: false,
    };
  }

  private webSiteHosting(
    settings: DeploymentSettings,
    removalPolicy: RemovalPolicy,
    accessLogs: Bucket,
    signInOrigin: string | undefined,
  ): WebSiteHosting {
    // readDeploymentSettings demands existingUserPoolDomain with an existing pool; a pool made here has its domain.
    if (!signInOrigin) throw new Error('The web site needs a hosted sign-in domain (existingUserPoolDomain)');
    return new WebSiteHosting(this, 'WebSite', {
      bucketProps: {
        ...this.privateBucketDefaults(removalPolicy),
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: 'web-site-bucket/',
      },
      logBucket: accessLogs,
      signInOrigin,
      webAclArn: settings.webSiteWebAclArn,
      domainName: settings.siteDomains?.[this.region],
      certificateArn: settings.siteCertificateArn,
      removalPolicy,
      description: `newcomer-intake ${settings.stage} web front end (${this.region})`,
    });
  }

  /**
   * The web app client, on the pool created here or on an existing one of this region; or the existing
   * client named by context, whose callback URLs the operator keeps (docs/operators-guide.md).
   */
  private userPoolClient(
    settings: DeploymentSettings,
    pool: UserPool | undefined,
    webSiteUrl: string | undefined,
  ): { userPoolId: string; clientId: string; region: string } {
    if (settings.existingUserPoolId && settings.existingUserPoolClientId) {
      return {
        userPoolId: settings.existingUserPoolId,
        clientId: settings.existingUserPoolClientId,
        region: userPoolRegion(settings.existingUserPoolId),
      };
    }
    // An existing pool in this region gets its own app client; it must already have the custom
    // attributes agency_id and agency_name and the groups (docs/operators-guide.md).
    const userPool: IUserPool = pool ?? UserPool.fromUserPoolId(this, 'ExistingUserPool', settings.existingUserPoolId!);
    const siteUrls = webSiteUrl ? [webSiteUrl] : [];
    const callbackUrls = [...settings.callbackUrls, ...siteUrls];
    // No URL at all happens only in an offline synth outside dev (readDeploymentSettings refuses it when
    // an account is known): the client then has no hosted sign-in rather than a localhost callback.
    const signInFlows = callbackUrls.length > 0;
    const client = new UserPoolClient(this, 'WebClient', {
      userPool,
      userPoolClientName: 'newcomer-intake-web',
      // A browser app cannot keep a secret: authorization code with PKCE only.
      generateSecret: false,
      // Sign-in happens on the Cognito-hosted pages (below); no password or SRP flow from the browser.
      authFlows: { user: false, userSrp: false, userPassword: false, adminUserPassword: false, custom: false },
      ...(signInFlows
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
              scopes: [...WEB_CLIENT_SCOPES],
              callbackUrls,
              logoutUrls: [...settings.logoutUrls, ...siteUrls],
            },
          }
        : { disableOAuth: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // The API reads the agency from the ID token, so the client must be able to read it...
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true })
        .withCustomAttributes('agency_id', 'agency_name'),
      // ...but a user must never move themselves to another agency: only admins (AdminUpdateUserAttributes) set it.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, locale: true }),
    });
    return { userPoolId: userPool.userPoolId, clientId: client.userPoolClientId, region: this.region };
  }

  /** The staff pool, its groups and its hosted sign-in domain (`origin`: `https://<prefix>.auth.<region>.amazoncognito.com`). */
  private createUserPool(settings: DeploymentSettings, removalPolicy: RemovalPolicy): { pool: UserPool; origin: string } {
    const pool = new UserPool(this, 'StaffUserPool', {
      // Staff accounts are created by agency administrators or operators, never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // Mutable so that an administrator can correct or move an account (admin-update-user-attributes);
        // users cannot write them because the app client's write attributes exclude them.
        agency_id: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        agency_name: new StringAttribute({ minLen: 1, maxLen: 200, mutable: true }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Staff see personal data of vulnerable people: a second factor is required, by authenticator app.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: settings.stage !== DEV_STAGE,
      removalPolicy,
    });
    for (const role of ROLES) {
      pool.addGroup(`Group-${role}`, { groupName: role, description: GROUP_DESCRIPTIONS[role] });
    }
    // The hosted sign-in pages the authorization-code flow starts from; the default prefix is unique
    // per account, stage and region (a domain prefix is regional).
    const domain = pool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: settings.authDomainPrefix ?? `newcomer-intake-${settings.stage}-${Aws.ACCOUNT_ID}` },
    });
    new CfnOutput(this, 'SignInBaseUrl', { value: domain.baseUrl(), description: 'Cognito hosted sign-in (authorization code + PKCE)' });
    return { pool, origin: domain.baseUrl() };
  }
}

/** What the web app client may ask for; the web site's config.json lists the same names. */
export const WEB_CLIENT_SCOPES: readonly OAuthScope[] = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE];

const GROUP_DESCRIPTIONS: Record<(typeof ROLES)[number], string> = {
  staff: 'Settlement staff: register and read the anonymous clients of their agency',
  'agency-admin': "Agency administrators: staff rights plus a client's history",
  operator: 'Service operators: reference data and sites, never client records',
};
