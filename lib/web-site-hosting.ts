/**
 * Where the web front end is served from, in the stateful stack (`-c webSite=true`): a private bucket
 * that only this distribution can read (Origin Access Control), and the distribution, HTTPS only, with
 * strict security headers. The files themselves are deployed by the stateless stack
 * (lib/web-site-content.ts), which knows the API's URL.
 *
 * Why here and not beside the API: the distribution's domain is what the user pool's web app client
 * names as its callback URL, and that client lives in this stack; a domain that came and went with the
 * stateless stack would break sign-in each time that stack was replaced. The price is that the API's
 * id is not known here, so the header's connect-src names the region's API Gateway domain
 * (`https://*.execute-api.<region>.<suffix>`); the deployed index.html narrows it to the one API with a
 * second policy (lib/web-site-build.ts), and a browser enforces both.
 *
 * Access logs: CloudFront's standard logging v2 (CloudWatch Logs vended-log delivery), into the
 * region's own access-log bucket. The legacy standard logs cannot be delivered to a bucket in an opt-in
 * region such as ca-west-1, and they need ACLs on the bucket; v2 delivers to any region, by bucket
 * policy. CloudFront's delivery sources exist only in us-east-1, so the delivery (source, destination,
 * delivery: names and ARNs, no log data) is made there by a custom resource of this stack; the log files
 * themselves go straight to this region's bucket.
 */
import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, type BucketProps, type IBucket } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource, type AwsSdkCall, Logging, PhysicalResourceId, PhysicalResourceIdReference } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

export interface WebSiteHostingProps {
  /** The stack's private-bucket settings, server access logging included. */
  bucketProps: BucketProps;
  /** Receives CloudFront's standard logs (v2, by bucket policy: the bucket keeps ACLs off). */
  logBucket: IBucket;
  /** The site's own domain name in this region, with `certificateArn`; else CloudFront's default domain. */
  domainName?: string | undefined;
  /** An ACM certificate in us-east-1 covering `domainName`. */
  certificateArn?: string | undefined;
  removalPolicy: RemovalPolicy;
  /** Origin of the Cognito hosted sign-in pages, whose token endpoint the browser calls. */
  signInOrigin: string;
  /** A WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach, if the operator has one. */
  webAclArn: string | undefined;
  description: string;
}

/** Prefix of CloudFront's logs in the access-log bucket. */
export const DISTRIBUTION_LOG_PREFIX = 'web-site-distribution/';

/** Where CloudFront's vended-log delivery sources live, whatever the distribution's stack region. */
export const CLOUDFRONT_LOG_DELIVERY_REGION = 'us-east-1';

/** The viewer TLS policy of a site with its own domain: TLS 1.2 at least, modern ciphers. */
export const SITE_TLS_POLICY = SecurityPolicyProtocol.TLS_V1_2_2021;

/**
 * The Content-Security-Policy header: the page's own files only, no inline script or style, no
 * framing, and network access only to itself (config.json), the region's API Gateway and the
 * sign-in pages.
 */
export function contentSecurityPolicy(apiOrigins: string, signInOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigins} ${signInOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

export class WebSiteHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** The name browsers use: `siteDomain`, else the distribution's `d111111abcdef8.cloudfront.net`. */
  readonly domainName: string;
  /** `https://<domainName>` (CORS origin of the API). */
  readonly origin: string;
  /** `https://<distribution domain>/`: the page to open, and where Cognito sends the browser back. */
  readonly url: string;
  readonly signInOrigin: string;
  /** The three us-east-1 calls that deliver the standard logs (v2) to the access-log bucket. */
  readonly logDelivery: { source: AwsCustomResource; destination: AwsCustomResource; delivery: AwsCustomResource };

  constructor(scope: Construct, id: string, props: WebSiteHostingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.signInOrigin = props.signInOrigin;
    this.bucket = new Bucket(this, 'Bucket', props.bucketProps);

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'newcomer-intake web front end: strict security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(`https://*.execute-api.${stack.region}.${stack.urlSuffix}`, props.signInOrigin),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        // The page's URL carries the sign-in code for a moment; nothing the site links to needs it.
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()', override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    const certificate = props.certificateArn ? Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn) : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: props.description,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        // Honours each object's Cache-Control (lib/web-site-content.ts): a year for hashed assets,
        // revalidation for index.html and config.json (cached at most the policy's 1 s minimum).
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America and Europe: where the agencies' staff are, at the lowest price.
      priceClass: PriceClass.PRICE_CLASS_100,
      // Logs: standard logging v2 below, not the legacy `enableLogging`.
      ...(props.domainName && certificate ? { domainNames: [props.domainName], certificate, minimumProtocolVersion: SITE_TLS_POLICY } : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.domainName = props.domainName ?? this.distribution.distributionDomainName;
    this.origin = `https://${this.domainName}`;
    this.url = `${this.origin}/`;
    this.logDelivery = this.deliverLogs(props);

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: the distribution serves only the public build of web/ (HTML, JS, CSS and a config.json without secrets); staff may sign in while travelling, and blocking countries here would not protect the data, which the API guards with its Cognito JWT authorizer.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason: `Access logs are on, through CloudFront standard logging v2 (a vended-log delivery to the access-log bucket under ${DISTRIBUTION_LOG_PREFIX}, made in ${CLOUDFRONT_LOG_DELIVERY_REGION} by the LogDelivery custom resources), which this rule does not see: it checks the legacy Logging property only, and legacy logs cannot reach a bucket in an opt-in region such as ca-west-1.`,
    });
    if (!props.domainName) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "No custom domain (-c siteDomain): CloudFront's default *.cloudfront.net certificate, whose viewer security policy (TLSv1) CloudFront fixes; the dev stage, or a stage that accepted it with -c siteDefaultCertificate=true. With siteDomain and siteCertificateArn the distribution uses TLSv1.2_2021. Viewers are redirected to HTTPS.",
      });
    }
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL given (-c webSiteWebAclArn): a CloudFront web ACL can only be created in us-east-1, and each region of this app stands alone. The distribution serves static files with GET and HEAD only; the API, which holds the data, is throttled and behind a JWT authorizer.',
      });
    }
  }

  /**
   * Standard logging v2: a delivery source (the distribution) and a delivery destination (the
   * access-log bucket's prefix) paired by a delivery, all in us-east-1; the bucket policy lets the log
   * delivery service write under the prefix, for this account's deliveries only.
   */
  private deliverLogs(props: WebSiteHostingProps) {
    const stack = Stack.of(this);
    // Unique per account in us-east-1, where every region's stacks make theirs: stage and region are in the stack name.
    const name = `${stack.stackName}-site`.slice(0, 60);
    const logsArn = (type: string, id: string) =>
      `arn:${Aws.PARTITION}:logs:${CLOUDFRONT_LOG_DELIVERY_REGION}:${Aws.ACCOUNT_ID}:${type}:${id}`;
    const prefix = DISTRIBUTION_LOG_PREFIX.replace(/\/$/, '');

    // The bucket policy CloudWatch Logs documents for vended logs to S3 ("Logs sent to Amazon S3"): write
    // under the prefix only, and check the bucket, for deliveries this account makes in us-east-1. Given
    // here, so the custom resource needs no s3:PutBucketPolicy.
    const fromOwnDeliveries = {
      StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:logs:${CLOUDFRONT_LOG_DELIVERY_REGION}:${Aws.ACCOUNT_ID}:*` },
    };
    props.logBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontStandardLogsV2Write',
        principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [props.logBucket.arnForObjects(`${DISTRIBUTION_LOG_PREFIX}*`)],
        conditions: {
          ...fromOwnDeliveries,
          StringEquals: { ...fromOwnDeliveries.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' },
        },
      }),
    );
    props.logBucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontStandardLogsV2Check',
        principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['s3:GetBucketAcl', 's3:ListBucket'],
        resources: [props.logBucket.bucketArn],
        conditions: fromOwnDeliveries,
      }),
    );

    const logGroup = new LogGroup(this, 'LogDeliveryLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: props.removalPolicy });
    const role = new Role(this, 'LogDeliveryRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: "Sets up the web site distribution's standard logs (v2) in us-east-1",
    });
    logGroup.grantWrite(role);
    for (const statement of [
      new PolicyStatement({
        actions: [
          'logs:PutDeliverySource',
          'logs:DeleteDeliverySource',
          'logs:PutDeliveryDestination',
          'logs:DeleteDeliveryDestination',
          'logs:CreateDelivery',
          'logs:DeleteDelivery',
          'logs:GetDelivery',
          'logs:GetDeliverySource',
          'logs:GetDeliveryDestination',
        ],
        resources: [logsArn('delivery-source', name), logsArn('delivery-destination', name), logsArn('delivery', '*')],
      }),
      new PolicyStatement({ actions: ['cloudfront:AllowVendedLogDeliveryForResource'], resources: [this.distribution.distributionArn] }),
      new PolicyStatement({ actions: ['s3:GetBucketPolicy'], resources: [props.logBucket.bucketArn] }),
    ]) {
      role.addToPrincipalPolicy(statement);
    }
    const call = (action: string, parameters: Record<string, unknown>, physicalResourceId?: PhysicalResourceId): AwsSdkCall => ({
      service: 'CloudWatchLogs',
      action,
      parameters,
      region: CLOUDFRONT_LOG_DELIVERY_REGION,
      // Requests and answers name resources only, but nothing of them needs to be in the function's log.
      logging: Logging.withDataHidden(),
      ...(physicalResourceId ? { physicalResourceId } : {}),
    });
    const common = { role, logGroup, installLatestAwsSdk: false, timeout: Duration.minutes(2) };

    const putSource = call(
      'putDeliverySource',
      { name, resourceArn: this.distribution.distributionArn, logType: 'ACCESS_LOGS' },
      PhysicalResourceId.of(name),
    );
    const source = new AwsCustomResource(this, 'LogDeliverySource', {
      ...common,
      onCreate: putSource,
      onUpdate: putSource,
      onDelete: call('deleteDeliverySource', { name }),
    });
    const putDestination = call(
      'putDeliveryDestination',
      { name, outputFormat: 'w3c', deliveryDestinationConfiguration: { destinationResourceArn: `${props.logBucket.bucketArn}/${prefix}` } },
      PhysicalResourceId.of(name),
    );
    const destination = new AwsCustomResource(this, 'LogDeliveryDestination', {
      ...common,
      onCreate: putDestination,
      onUpdate: putDestination,
      onDelete: call('deleteDeliveryDestination', { name }),
    });
    const delivery = new AwsCustomResource(this, 'LogDelivery', {
      ...common,
      onCreate: call(
        'createDelivery',
        {
          deliverySourceName: name,
          deliveryDestinationArn: logsArn('delivery-destination', name),
          s3DeliveryConfiguration: { suffixPath: '{DistributionId}/{yyyy}/{MM}/{dd}/{HH}', enableHiveCompatiblePath: false },
        },
        PhysicalResourceId.fromResponse('delivery.id'),
      ),
      onDelete: call('deleteDelivery', { id: new PhysicalResourceIdReference() }),
    });
    delivery.node.addDependency(source, destination);

    // The shared function CDK runs AwsCustomResource calls with (one per stack).
    const provider = stack.node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
    if (provider) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'The runtime of the AwsCustomResource provider function is fixed by aws-cdk-lib and moves with its upgrades; it runs only during deploys.',
      });
    }
    Validations.of(role.node.findChild('DefaultPolicy')).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:${CLOUDFRONT_LOG_DELIVERY_REGION}:<AWS::AccountId>:delivery:*]`,
      reason: `Delivery ids are generated by CloudWatch Logs (logs:*Delivery on delivery:* in ${CLOUDFRONT_LOG_DELIVERY_REGION}, this account); source and destination are named exactly.`,
    });
    return { source, destination, delivery };
  }
}

/** The construct id CDK gives the singleton function behind every AwsCustomResource of a stack. */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';
