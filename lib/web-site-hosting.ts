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
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket, type BucketProps, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface WebSiteHostingProps {
  /** The stack's private-bucket settings, server access logging included. */
  bucketProps: BucketProps;
  /** Receives CloudFront's standard logs; CloudFront delivers them through an ACL, so ACLs must be on. */
  logBucket: IBucket;
  /** Origin of the Cognito hosted sign-in pages, whose token endpoint the browser calls. */
  signInOrigin: string;
  /** A WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach, if the operator has one. */
  webAclArn: string | undefined;
  description: string;
}

/** Prefix of CloudFront's logs in the access-log bucket. */
export const DISTRIBUTION_LOG_PREFIX = 'web-site-distribution/';

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
  /** `https://<distribution domain>` (CORS origin of the API). */
  readonly origin: string;
  /** `https://<distribution domain>/`: the page to open, and where Cognito sends the browser back. */
  readonly url: string;
  readonly signInOrigin: string;

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
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: DISTRIBUTION_LOG_PREFIX,
      logIncludesCookies: false,
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.url = `${this.origin}/`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: the distribution serves only the public build of web/ (HTML, JS, CSS and a config.json without secrets); staff may sign in while travelling, and blocking countries here would not protect the data, which the API guards with its Cognito JWT authorizer.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        "The distribution has no custom domain, so it uses CloudFront's default *.cloudfront.net certificate, whose viewer security policy CloudFront fixes; choosing TLSv1.2_2021 needs a custom domain with an ACM certificate in us-east-1, outside these single-region stacks. Viewers are redirected to HTTPS.",
    });
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL given (-c webSiteWebAclArn): a CloudFront web ACL can only be created in us-east-1, and each region of this app stands alone. The distribution serves static files with GET and HEAD only; the API, which holds the data, is throttled and behind a JWT authorizer.',
      });
    }
  }
}
