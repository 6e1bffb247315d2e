/**
 * The web front end's files in the site bucket (`-c webSite=true`), deployed by the stateless stack
 * because config.json names the API, which exists only here: the vite build of web/ and a generated
 * config.json, the contract the browser reads at start.
 *
 * Two deployments, because a deployment sets one Cache-Control on everything it writes: the
 * content-hashed files under assets/ may be cached for a year, while index.html, config.json and the
 * service worker (sw.js, with its workbox-*.js and manifest.webmanifest, at the root) must be
 * revalidated on every load so that a deploy reaches browsers at once: a long-cached sw.js would keep
 * serving the old app shell from its precache. The second waits for the first,
 * so a new index.html never names an asset that is not there yet. Each excludes the other's files from
 * its sync, so neither prunes what the other wrote.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { AppConfig } from '../web/src/config';
import type { CognitoSettings } from '../web/src/pkce';
import { WEB_CLIENT_SCOPES, type WebSiteResources } from './stateful-stack';
import { webSiteBuild } from './web-site-build';

/** The object the front end fetches at start (web/: `/config.json`). */
export const WEB_SITE_CONFIG_KEY = 'config.json';
/** Where vite writes content-hashed files (its `build.assetsDir`). */
const HASHED_FILES = 'assets/*';

/**
 * config.json in its Cognito form. The browser's own types (web/src/config.ts parses the file), so that
 * the two sides of the contract cannot drift apart without a type error.
 */
export type WebSiteConfig = AppConfig & { auth: CognitoSettings };

export interface WebSiteContentProps {
  site: WebSiteResources;
  /** `https://<api id>.execute-api.<region>.amazonaws.com` (the $default stage serves at the root). */
  apiOrigin: string;
  /** The web app client the site signs in with. */
  clientId: string;
  removalPolicy: RemovalPolicy;
}

export class WebSiteContent extends Construct {
  readonly config: WebSiteConfig;
  /** assets/*, cached for a year. */
  readonly hashedFiles: BucketDeployment;
  /** index.html, config.json and any other file, revalidated on every load. */
  readonly entryFiles: BucketDeployment;
  readonly deployerRole: Role;

  constructor(scope: Construct, id: string, props: WebSiteContentProps) {
    super(scope, id);
    const siteUrl = `https://${props.site.domainName.value}/`;
    this.config = {
      apiBaseUrl: props.apiOrigin,
      auth: {
        mode: 'cognito',
        domain: props.site.signInOrigin.value,
        clientId: props.clientId,
        redirectUri: siteUrl,
        logoutUri: siteUrl,
        scopes: WEB_CLIENT_SCOPES.map((scope) => scope.scopeName),
      },
    };

    const bucket = Bucket.fromBucketAttributes(this, 'SiteBucket', {
      bucketName: props.site.bucket.name.value,
      bucketArn: props.site.bucket.arn.value,
    });
    // Its own role and log group instead of the provider's defaults (AWSLambdaBasicExecutionRole, logs
    // kept forever). The deployments get the role without policy updates, so that their broad grants
    // (every CDK asset of the account and region; s3:*Object* on the site bucket) are dropped for the
    // exact ones below, which are what the provider's `aws s3 cp`, `aws s3 sync --delete` and
    // `aws s3 rm --recursive` call.
    const logGroup = new LogGroup(this, 'DeployerLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: props.removalPolicy });
    this.deployerRole = new Role(this, 'DeployerRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the web front end into its bucket (BucketDeployment)',
    });
    logGroup.grantWrite(this.deployerRole);
    const sourceObjects = new Map<string, string>();
    const granted = (source: ISource): ISource => ({
      bind: (scope, context) => {
        const config = source.bind(scope, context);
        sourceObjects.set(config.zipObjectKey, config.bucket.arnForObjects(config.zipObjectKey));
        return config;
      },
    });
    const common = {
      destinationBucket: bucket,
      role: this.deployerRole.withoutPolicyUpdates(),
      logGroup,
      // A dev teardown empties the bucket so that the stateful stack can delete it; elsewhere the
      // bucket is retained, and so are its files.
      retainOnDelete: props.removalPolicy !== RemovalPolicy.DESTROY,
    };

    this.hashedFiles = new BucketDeployment(this, 'HashedFiles', {
      ...common,
      sources: [granted(webSiteBuild())],
      exclude: ['*'],
      include: [HASHED_FILES],
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
    });
    this.entryFiles = new BucketDeployment(this, 'EntryFiles', {
      ...common,
      sources: [
        granted(webSiteBuild({ apiOrigin: props.apiOrigin, signInOrigin: props.site.signInOrigin.value })),
        granted(Source.jsonData(WEB_SITE_CONFIG_KEY, this.config)),
      ],
      exclude: [HASHED_FILES],
      cacheControl: [CacheControl.noCache()],
    });
    this.entryFiles.node.addDependency(this.hashedFiles);

    this.deployerRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [...sourceObjects.values()] }));
    this.deployerRole.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket', 's3:GetBucketTagging'], resources: [props.site.bucket.arn.value] }),
    );
    this.deployerRole.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
        resources: [`${props.site.bucket.arn.value}/*`],
      }),
    );
    this.acknowledgeDeployerFindings(props.site.bucket.arn.exportName);
  }

  private acknowledgeDeployerFindings(siteBucketArnExport: string | undefined): void {
    if (siteBucketArnExport) {
      Validations.of(this.deployerRole.node.findChild('DefaultPolicy')).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${siteBucketArnExport}/*]`,
        reason:
          "Objects of the web site's bucket only: a deployment writes the files of the build, whose names carry content hashes that change with every build, and prunes the ones no longer built; s3:PutObject, s3:DeleteObject and s3:AbortMultipartUpload only.",
      });
    }
    const provider = Stack.of(this).node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!provider) throw new Error('The BucketDeployment provider function was not found');
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "aws-cdk-lib's BucketDeployment provider fixes its runtime (a supported Python 3 that its handler is tested on) and offers no way to choose it; it runs only while CloudFormation deploys the site, and moves to a newer runtime with aws-cdk-lib upgrades.",
    });
  }
}
