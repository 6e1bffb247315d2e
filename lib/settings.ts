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
  /**
   * `dev` may destroy data on teardown; every other stage retains and protects it. Must be given
   * (`-c stage=`) whenever the CLI knows an account, so a forgotten `-c stage=prod` never deploys a
   * second, deletable stack set; an offline synth (no account) falls back to `dev`.
   */
  stage: string;
  /** Account from the CLI's environment (`CDK_DEFAULT_ACCOUNT`), if any; synth works without it. */
  account: string | undefined;
  /** Browser origins allowed by CORS; empty means CORS is off. */
  corsOrigins: string[];
  /** Where Cognito may send a browser back after sign-in / sign-out (authorization code + PKCE). */
  callbackUrls: string[];
  logoutUrls: string[];
  throttle: ThrottleSettings;
  /**
   * Each public route's own budget (`-c publicThrottleRate=` `-c publicThrottleBurst=`): routes without
   * a token (health, the OpenAPI document) are throttled apart, so flooding them leaves the
   * authenticated routes' budget (`throttle`) alone (lib/route-throttles.ts).
   */
  publicThrottle: ThrottleSettings;
  agencyTimeZone: string;
  /** Days after which receipt files are deleted from the receipts bucket. */
  receiptRetentionDays: number;
  /**
   * Years an anonymous profile is kept after its registration date (`-c clientRetentionYears=`), then
   * removed with all of it by a daily function (lib/client-retention.ts); undefined: off (the default).
   */
  clientRetentionYears: number | undefined;
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
  /**
   * The web site's own domain name in each region (`-c siteDomain=intake.example.org` for one region, or
   * `ca-central-1=intake.example.org,ca-west-1=west.intake.example.org`), served with the ACM certificate
   * `siteCertificateArn` (us-east-1) and TLS 1.2 at least (TLSv1.2_2021).
   */
  siteDomains: Readonly<Record<string, string>> | undefined;
  siteCertificateArn: string | undefined;
  /**
   * Outside dev, a site without its own domain must be accepted explicitly (`-c siteDefaultCertificate=true`):
   * CloudFront's default *.cloudfront.net certificate comes with the TLSv1 policy, which cannot be raised.
   */
  siteDefaultCertificate: boolean;
  /**
   * The operator confirmed (`-c existingUserPoolVerified=true`) that the existing pool requires MFA and has
   * the password rules of the pool these stacks would create; synth refuses an unverified existing pool.
   */
  existingUserPoolVerified: boolean;
  /** Alarm notifications go to this address (an SNS email subscription the owner must confirm). */
  alarmEmail: string | undefined;
  /**
   * AWS Backup vault lock (`-c backupVaultLock=true|compliance|governance`; default none): `compliance`
   * becomes immutable 3 days after deployment, `governance` can be removed by privileged users
   * (lib/backup-plan.ts, docs/operators-guide.md "Backups").
   */
  backupVaultLock: BackupVaultLockMode;
  /**
   * The Canadian region that receives a copy of every daily backup (`-c backupCopyRegion=`); it must be
   * one of `regions`, since the copies go to the backup vault of its stateful stack (lib/backup-plan.ts).
   */
  backupCopyRegion: string | undefined;
}

export type BackupVaultLockMode = 'none' | 'governance' | 'compliance';

/** The only regions where personal data, backups included, may be kept. */
export const CANADIAN_REGIONS = ['ca-central-1', 'ca-west-1'] as const;

/** The stage whose data may be destroyed with its stacks. */
export const DEV_STAGE = 'dev';

const DEFAULTS = {
  regions: ['ca-central-1'],
  stage: DEV_STAGE,
  /** A local front-end dev server; only for the dev stage. */
  devCorsOrigins: ['http://localhost:5173'],
  throttle: { rateLimit: 50, burstLimit: 100 },
  /** Each public route: health checks and the OpenAPI document need little. */
  publicThrottle: { rateLimit: 5, burstLimit: 10 },
  receiptRetentionDays: 30,
} as const;

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const STAGE = /^[a-z][a-z0-9]{0,11}$/;
const USER_POOL_ID = /^([a-z]{2}(-gov)?-[a-z]+-\d)_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[0-9a-z]{20,128}$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const CLOUDFRONT_WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const US_EAST_1_CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/;

/** Hosts a browser reaches on the operator's own machine: only the dev stage may send Cognito back there. */
function isLocalUrl(value: string): boolean {
  const host = new URL(value).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
}

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
  const account = env.CDK_DEFAULT_ACCOUNT || undefined;
  const givenStage = matching(node, 'stage', STAGE, 'must be 1 to 12 lower-case letters or digits, starting with a letter');
  if (givenStage === undefined && account !== undefined) {
    throw new ContextError(
      'stage',
      `the CLI has credentials for account ${account}, so this synth may deploy: name the stage, e.g. -c stage=prod (or -c stage=dev for a deletable test set); without it a forgotten -c stage=prod would create a second, deletable stack set`,
    );
  }
  const stage = givenStage ?? DEFAULTS.stage;
  const webSite = flag(node, 'webSite');

  const corsOrigins = (origins(node, 'corsOrigins') ?? (stage === DEV_STAGE ? [...DEFAULTS.devCorsOrigins] : [])).map(
    (origin) => new URL(origin).origin,
  );
  // Without explicit URLs, the browser comes back to the root of each allowed origin. The web site's
  // own URL is added by the stack. Only dev, without a site, falls back to the local dev server: outside
  // dev Cognito never sends a browser (and its authorization code) to a machine's localhost.
  const fallbackOrigins = corsOrigins.length > 0 || webSite || stage !== DEV_STAGE ? corsOrigins : [...DEFAULTS.devCorsOrigins];
  const fallbackUrls = fallbackOrigins.map((origin) => `${origin}/`);
  const givenCallbackUrls = origins(node, 'callbackUrls');
  const givenLogoutUrls = origins(node, 'logoutUrls');
  const callbackUrls = givenCallbackUrls ?? fallbackUrls;
  const logoutUrls = givenLogoutUrls ?? callbackUrls;
  if (stage !== DEV_STAGE) {
    const checks: [string, string[] | undefined][] = [
      ['callbackUrls', givenCallbackUrls],
      ['logoutUrls', givenLogoutUrls],
      ['corsOrigins', givenCallbackUrls ? undefined : corsOrigins],
    ];
    for (const [key, urls] of checks) {
      const local = urls?.find(isLocalUrl);
      if (local) {
        throw new ContextError(
          key,
          `"${local}" is a local address; outside dev Cognito may send the browser back only to https sites (the web site, or -c callbackUrls=https://...)`,
        );
      }
    }
  }

  const rateLimit = integer(node, 'throttleRate', DEFAULTS.throttle.rateLimit, 1, 10_000);
  const burstLimit = integer(node, 'throttleBurst', Math.min(5_000, Math.max(DEFAULTS.throttle.burstLimit, rateLimit)), 1, 5_000);
  const publicRateLimit = integer(node, 'publicThrottleRate', Math.min(DEFAULTS.publicThrottle.rateLimit, rateLimit), 1, rateLimit);
  const publicBurstLimit = integer(
    node,
    'publicThrottleBurst',
    Math.min(burstLimit, Math.max(DEFAULTS.publicThrottle.burstLimit, publicRateLimit)),
    1,
    burstLimit,
  );

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

  const siteDomains = domainsByRegion(node, 'siteDomain', regions);
  const siteCertificateArn = matching(
    node,
    'siteCertificateArn',
    US_EAST_1_CERTIFICATE_ARN,
    'must be the ARN of an ACM certificate in us-east-1 (CloudFront takes certificates from there only)',
  );
  const siteDefaultCertificate = flag(node, 'siteDefaultCertificate');
  for (const [key, given] of [
    ['siteDomain', siteDomains],
    ['siteCertificateArn', siteCertificateArn],
    ['siteDefaultCertificate', siteDefaultCertificate || undefined],
  ] as const) {
    if (given !== undefined && !webSite) throw new ContextError(key, 'only makes sense with webSite=true');
  }
  if (siteDomains && !siteCertificateArn) {
    throw new ContextError(
      'siteCertificateArn',
      'siteDomain needs the ARN of an ACM certificate in us-east-1 that covers every domain given',
    );
  }
  if (siteCertificateArn && !siteDomains) throw new ContextError('siteDomain', 'siteCertificateArn needs the domain name(s) it is for');
  if (siteDomains && siteDefaultCertificate) {
    throw new ContextError('siteDefaultCertificate', 'contradicts siteDomain: a site with its own domain uses its own certificate');
  }
  if (webSite && stage !== DEV_STAGE && !siteDomains && !siteDefaultCertificate) {
    throw new ContextError(
      'siteDomain',
      "outside dev the web site needs its own domain to enforce TLS 1.2 (-c siteDomain=intake.example.org -c siteCertificateArn=arn:aws:acm:us-east-1:...); CloudFront's default *.cloudfront.net certificate still accepts TLS 1.0 and 1.1. To accept that, pass -c siteDefaultCertificate=true",
    );
  }

  // An existing client keeps its own URLs; a client these stacks create needs at least one valid callback
  // (the authorization-code flow cannot be on without one). Offline (no account) the client is made
  // without OAuth instead, so templates can be read; a synth that may deploy refuses.
  const webClientCreated = !existingUserPoolClientId;
  if (webClientCreated && !webSite && callbackUrls.length === 0 && account !== undefined) {
    throw new ContextError(
      'callbackUrls',
      `stage ${stage} has no URL for Cognito to send staff back to after sign-in: give -c corsOrigins=https://<your front end> (its root becomes the callback), -c callbackUrls=https://..., or -c webSite=true`,
    );
  }

  const existingUserPoolVerified = flag(node, 'existingUserPoolVerified');
  if (existingUserPoolVerified && !existingUserPoolId) {
    throw new ContextError('existingUserPoolVerified', 'only makes sense with existingUserPoolId');
  }
  if (existingUserPoolId && !existingUserPoolVerified) {
    throw new ContextError(
      'existingUserPoolVerified',
      `these stacks do not configure the existing pool ${existingUserPoolId}: verify that it requires MFA (authenticator app), that passwords need at least 14 characters with upper and lower case, digits and symbols, that self sign-up is off and threat protection is on (Plus plan; needed for the Cognito risk alarms), then confirm with -c existingUserPoolVerified=true`,
    );
  }

  return {
    regions,
    stage,
    account,
    corsOrigins,
    callbackUrls,
    logoutUrls,
    throttle: { rateLimit, burstLimit },
    publicThrottle: { rateLimit: publicRateLimit, burstLimit: publicBurstLimit },
    agencyTimeZone,
    receiptRetentionDays: integer(node, 'receiptRetentionDays', DEFAULTS.receiptRetentionDays, 1, 3650),
    clientRetentionYears: text(node, 'clientRetentionYears') === undefined ? undefined : integer(node, 'clientRetentionYears', 0, 1, 100),
    existingUserPoolId,
    existingUserPoolClientId,
    authDomainPrefix: matching(node, 'authDomainPrefix', DOMAIN_PREFIX, 'must be lower-case letters, digits and hyphens'),
    webSite,
    existingUserPoolDomain,
    webSiteWebAclArn,
    siteDomains,
    siteCertificateArn,
    siteDefaultCertificate,
    existingUserPoolVerified,
    alarmEmail: matching(node, 'alarmEmail', EMAIL, 'must be an email address'),
    backupVaultLock: backupVaultLock(node),
    backupCopyRegion: backupCopyRegion(node, regions),
  };
}

/**
 * `-c siteDomain=`: one domain when there is one region, else `region=domain` for every region (each
 * region has its own distribution, and a domain name can be on one distribution only).
 */
function domainsByRegion(node: Node, key: string, regions: readonly string[]): Record<string, string> | undefined {
  const values = list(node, key);
  if (values === undefined) return undefined;
  const pairs = values.map((value) => {
    const [first, second, ...rest] = value.split('=').map((part) => part.trim().toLowerCase());
    if (rest.length > 0) throw new ContextError(key, `"${value}" is not a domain or region=domain`);
    return second === undefined ? { region: undefined, domain: first! } : { region: first!, domain: second };
  });
  const result: Record<string, string> = {};
  for (const { region, domain } of pairs) {
    if (!DOMAIN_NAME.test(domain)) throw new ContextError(key, `"${domain}" is not a domain name`);
    if (region === undefined) {
      if (pairs.length > 1 || regions.length > 1) {
        throw new ContextError(
          key,
          `give one domain per region, e.g. ${regions.map((r, i) => `${r}=${i === 0 ? '' : 'west.'}intake.example.org`).join(',')}`,
        );
      }
      result[regions[0]!] = domain;
    } else {
      if (!regions.includes(region)) throw new ContextError(key, `"${region}" is not one of the regions (${regions.join(', ')})`);
      result[region] = domain;
    }
  }
  const missing = regions.filter((region) => !result[region]);
  if (missing.length > 0) throw new ContextError(key, `no domain for ${missing.join(', ')}`);
  if (new Set(Object.values(result)).size !== regions.length) throw new ContextError(key, 'each region needs a domain of its own');
  return result;
}

/** `-c backupVaultLock=`: `true` means compliance, the lock that nobody can lift once it is fixed. */
function backupVaultLock(node: Node): BackupVaultLockMode {
  const value = text(node, 'backupVaultLock')?.toLowerCase();
  if (value === undefined || value === 'false' || value === 'none') return 'none';
  if (value === 'true' || value === 'compliance') return 'compliance';
  if (value === 'governance') return 'governance';
  throw new ContextError('backupVaultLock', `must be true (compliance), compliance, governance or false, got "${value}"`);
}

/**
 * `-c backupCopyRegion=`: a Canadian region that is deployed too (its stateful stack holds the vault the
 * copies go to) and is not the only region deployed (a region never copies into itself).
 */
function backupCopyRegion(node: Node, regions: readonly string[]): string | undefined {
  const value = text(node, 'backupCopyRegion');
  if (value === undefined) return undefined;
  if (!(CANADIAN_REGIONS as readonly string[]).includes(value)) {
    throw new ContextError(
      'backupCopyRegion',
      `"${value}" is outside Canada: backups may be copied only to ${CANADIAN_REGIONS.join(' or ')}`,
    );
  }
  if (regions.every((region) => region === value)) {
    throw new ContextError('backupCopyRegion', `"${value}" is the region being backed up: copies must go to the other Canadian region`);
  }
  if (!regions.includes(value)) {
    throw new ContextError(
      'backupCopyRegion',
      `copies go to the backup vault of ${value}'s stateful stack: add ${value} to regions (-c regions=${[...regions, value].join(',')})`,
    );
  }
  return value;
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
