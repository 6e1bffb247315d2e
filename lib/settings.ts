/**
 * Deployment settings, read once from CDK context (`-c key=value` or cdk.json) and checked before any
 * construct is built: a bad value stops the synth with a message that names the context key, never a
 * silent fallback. Defaults are the ones an operator would pick for a first deployment.
 */
import type { Node } from 'constructs';
import { DEFAULT_AGENCY_TIME_ZONE, isValidTimeZone } from '../functions/domain/calendar';

export interface ThrottleSettings {
  /** Steady-state requests per second for the whole stage. */
  rateLimit: number;
  /** Requests allowed in a burst above the steady rate. */
  burstLimit: number;
}

export interface DeploymentSettings {
  /** One set of stacks per region; each region keeps its own data. */
  regions: string[];
  /** `dev` may destroy data on teardown; every other stage retains and protects it. */
  stage: string;
  /** Account from the CLI's environment (`CDK_DEFAULT_ACCOUNT`), if any; synth works without it. */
  account: string | undefined;
  /** Browser origins allowed by CORS; empty means CORS is off. */
  corsOrigins: string[];
  /** Where Cognito may send a browser back after sign-in / sign-out (authorization code + PKCE). */
  callbackUrls: string[];
  logoutUrls: string[];
  throttle: ThrottleSettings;
  agencyTimeZone: string;
  /** Days after which receipt files are deleted from the receipts bucket. */
  receiptRetentionDays: number;
  /** Use this Cognito user pool instead of creating one (its region is the id's prefix). */
  existingUserPoolId: string | undefined;
  /** An app client of the existing pool; required when that pool lives in another region. */
  existingUserPoolClientId: string | undefined;
  /** Cognito hosted sign-in domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), if wanted. */
  authDomainPrefix: string | undefined;
  /** Serve the web front end from S3 through CloudFront in every region (`-c webSite=true`). */
  webSite: boolean;
  /**
   * Hosted sign-in origin of the existing pool (`https://<prefix>.auth.<region>.amazoncognito.com` or its
   * custom domain): the stacks create no domain on a pool they do not own, yet the web site needs one.
   */
  existingUserPoolDomain: string | undefined;
  /** A WAF web ACL for the site's distribution (scope CLOUDFRONT, so created in us-east-1 by the operator). */
  webSiteWebAclArn: string | undefined;
  /** Alarm notifications go to this address (an SNS email subscription the owner must confirm). */
  alarmEmail: string | undefined;
}

/** The stage whose data may be destroyed with its stacks. */
export const DEV_STAGE = 'dev';

const DEFAULTS = {
  regions: ['ca-central-1'],
  stage: DEV_STAGE,
  /** A local front-end dev server; only for the dev stage. */
  devCorsOrigins: ['http://localhost:5173'],
  throttle: { rateLimit: 50, burstLimit: 100 },
  receiptRetentionDays: 30,
} as const;

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const STAGE = /^[a-z][a-z0-9]{0,11}$/;
const USER_POOL_ID = /^([a-z]{2}(-gov)?-[a-z]+-\d)_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[0-9a-z]{20,128}$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const CLOUDFRONT_WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class ContextError extends Error {
  constructor(key: string, problem: string) {
    super(`Invalid CDK context "${key}": ${problem}`);
    this.name = 'ContextError';
  }
}

function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.join(',');
  throw new ContextError(key, 'must be a string');
}

function flag(node: Node, key: string): boolean {
  const value = text(node, key)?.toLowerCase();
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new ContextError(key, `must be true or false, got "${value}"`);
}

function list(node: Node, key: string): string[] | undefined {
  const value = text(node, key);
  if (value === undefined) return undefined;
  return [
    ...new Set(
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

function integer(node: Node, key: string, fallback: number, min: number, max: number): number {
  const value = text(node, key);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ContextError(key, `must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function matching(node: Node, key: string, pattern: RegExp, what: string): string | undefined {
  const value = text(node, key);
  if (value !== undefined && !pattern.test(value)) throw new ContextError(key, `${what}, got "${value}"`);
  return value;
}

function origins(node: Node, key: string): string[] | undefined {
  const values = list(node, key);
  for (const value of values ?? []) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ContextError(key, `"${value}" is not a URL`);
    }
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
      throw new ContextError(key, `"${value}" must use https (http only for localhost)`);
    }
  }
  return values;
}

/** One https origin (`https://host`), a trailing slash tolerated; no path, query or other scheme. */
function httpsOrigin(node: Node, key: string): string | undefined {
  const value = text(node, key);
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new ContextError(key, `must be an https origin such as https://example.auth.ca-central-1.amazoncognito.com, got "${value}"`);
  }
  return url.origin;
}

/** Reads and checks every setting; throws naming the first bad context key. */
export function readDeploymentSettings(node: Node, env: NodeJS.ProcessEnv = process.env): DeploymentSettings {
  const regions = list(node, 'regions') ?? [...DEFAULTS.regions];
  if (regions.length === 0) throw new ContextError('regions', 'name at least one region');
  for (const region of regions) {
    if (!REGION.test(region)) throw new ContextError('regions', `"${region}" is not an AWS region name`);
  }
  const stage = matching(node, 'stage', STAGE, 'must be 1 to 12 lower-case letters or digits, starting with a letter') ?? DEFAULTS.stage;
  const webSite = flag(node, 'webSite');

  const corsOrigins = (origins(node, 'corsOrigins') ?? (stage === DEV_STAGE ? [...DEFAULTS.devCorsOrigins] : [])).map(
    (origin) => new URL(origin).origin,
  );
  // Without explicit URLs, the browser comes back to the root of each allowed origin. The web site's
  // own URL is added by the stack; only without a site does Cognito, which wants at least one callback
  // URL for the code flow, get the local dev server.
  const fallbackOrigins = corsOrigins.length > 0 || webSite ? corsOrigins : [...DEFAULTS.devCorsOrigins];
  const fallbackUrls = fallbackOrigins.map((origin) => `${origin}/`);
  const callbackUrls = origins(node, 'callbackUrls') ?? fallbackUrls;
  const logoutUrls = origins(node, 'logoutUrls') ?? callbackUrls;

  const rateLimit = integer(node, 'throttleRate', DEFAULTS.throttle.rateLimit, 1, 10_000);
  const burstLimit = integer(node, 'throttleBurst', Math.min(5_000, Math.max(DEFAULTS.throttle.burstLimit, rateLimit)), 1, 5_000);

  const agencyTimeZone = text(node, 'agencyTimeZone') ?? DEFAULT_AGENCY_TIME_ZONE;
  if (!isValidTimeZone(agencyTimeZone)) throw new ContextError('agencyTimeZone', `"${agencyTimeZone}" is not an IANA time zone`);

  const existingUserPoolId = matching(node, 'existingUserPoolId', USER_POOL_ID, 'must look like ca-central-1_AbC123');
  const existingUserPoolClientId = matching(node, 'existingUserPoolClientId', CLIENT_ID, 'must be a Cognito app client id');
  if (existingUserPoolClientId && !existingUserPoolId) {
    throw new ContextError('existingUserPoolClientId', 'only makes sense with existingUserPoolId');
  }
  if (existingUserPoolId && !existingUserPoolClientId) {
    const poolRegion = userPoolRegion(existingUserPoolId);
    const elsewhere = regions.filter((region) => region !== poolRegion);
    if (elsewhere.length > 0) {
      throw new ContextError(
        'existingUserPoolClientId',
        `the pool ${existingUserPoolId} is in ${poolRegion}; stacks in ${elsewhere.join(', ')} cannot create an app client there, so pass the id of an existing client`,
      );
    }
  }

  const existingUserPoolDomain = httpsOrigin(node, 'existingUserPoolDomain');
  if (existingUserPoolDomain && !existingUserPoolId) {
    throw new ContextError('existingUserPoolDomain', 'only makes sense with existingUserPoolId');
  }
  if (webSite && existingUserPoolId && !existingUserPoolDomain) {
    throw new ContextError(
      'existingUserPoolDomain',
      `the web site signs in on the hosted pages of ${existingUserPoolId}: give their origin, e.g. https://<prefix>.auth.${userPoolRegion(existingUserPoolId)}.amazoncognito.com`,
    );
  }

  const webSiteWebAclArn = matching(
    node,
    'webSiteWebAclArn',
    CLOUDFRONT_WEB_ACL_ARN,
    'must be the ARN of a global (CloudFront) WAF web ACL in us-east-1',
  );
  if (webSiteWebAclArn && !webSite) throw new ContextError('webSiteWebAclArn', 'only makes sense with webSite=true');

  return {
    regions,
    stage,
    account: env.CDK_DEFAULT_ACCOUNT || undefined,
    corsOrigins,
    callbackUrls,
    logoutUrls,
    throttle: { rateLimit, burstLimit },
    agencyTimeZone,
    receiptRetentionDays: integer(node, 'receiptRetentionDays', DEFAULTS.receiptRetentionDays, 1, 3650),
    existingUserPoolId,
    existingUserPoolClientId,
    authDomainPrefix: matching(node, 'authDomainPrefix', DOMAIN_PREFIX, 'must be lower-case letters, digits and hyphens'),
    webSite,
    existingUserPoolDomain,
    webSiteWebAclArn,
    alarmEmail: matching(node, 'alarmEmail', EMAIL, 'must be an email address'),
  };
}

/** The region a user pool lives in, from its id (`ca-central-1_AbC123` → `ca-central-1`). */
export function userPoolRegion(userPoolId: string): string {
  const match = USER_POOL_ID.exec(userPoolId);
  if (!match?.[1]) throw new Error(`Not a user pool id: ${userPoolId}`);
  return match[1];
}

/** Stack names carry stage and region so that every deployment is distinct in one account. */
export function stackName(stage: string, region: string, part: 'Stateful' | 'Stateless'): string {
  return `NewcomerIntake-${stage}-${region}-${part}`;
}
