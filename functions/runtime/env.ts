/**
 * The one environment contract of the service's functions: every variable's name and schema, grouped
 * by what a function uses. Three readers, one source:
 *   - the functions parse their groups once per process (`readEnv`), and a missing or bad value stops
 *     the function at start with a message naming the variable (never a silent `|| ''`);
 *   - the CDK stack (lib/) sets each function's variables through `functionEnvironment`, so a name
 *     cannot be misspelt there, and a CDK test parses every synthesized function's environment with
 *     `environmentSchemaFor` (what that function's route needs);
 *   - the embedded mode (local/) sets the same names in its own process.
 * Secrets are named here too; their values never appear in the template (lib/api-function.ts).
 */
import * as z from 'zod';
import { DEFAULT_AGENCY_TIME_ZONE, isValidTimeZone } from '../domain/calendar';
import { DEFAULT_REQUEST_DEADLINE_SECONDS } from './request-deadline';

/** The `service` of every log line and the dimension of every metric; alarms (lib/alarms.ts) name it too. */
export const SERVICE_NAME = 'newcomer-intake';

// SigV4 presigned links live at most 7 days.
const MAX_LINK_MINUTES = 7 * 24 * 60;

const ENVIRONMENT_GROUPS = {
  /** Every function. */
  service: z.object({
    SERVICE_VERSION: z.string().min(1),
    /** One time zone for "today" of every agency the deployment serves (a region's agencies share one). */
    AGENCY_TIME_ZONE: z
      .string()
      .refine(isValidTimeZone, 'must be an IANA time zone such as America/Toronto')
      .default(DEFAULT_AGENCY_TIME_ZONE),
    /** The CloudWatch namespace of the business metrics: one per stage (`newcomer-intake-<stage>`). */
    POWERTOOLS_METRICS_NAMESPACE: z.string().regex(/^[A-Za-z0-9._#/:-]{1,255}$/, 'must be a CloudWatch namespace'),
    /** `true` where no EMF should be written (the embedded mode, unless asked): Powertools reads it itself. */
    POWERTOOLS_METRICS_DISABLED: z.enum(['true', 'false']).optional(),
    /**
     * Seconds a request may wait on DynamoDB and S3 in all (every attempt and retry): then its calls are
     * aborted and it answers 503 with Retry-After (functions/runtime/request-deadline.ts). Capped by the
     * function's remaining time less a margin for the answer, so it binds below the route functions'
     * timeout (ROUTE_FUNCTION_TIMEOUT_SECONDS), itself below API Gateway's 30 s.
     */
    REQUEST_DEADLINE_SECONDS: z.coerce.number().int().min(1).max(25).default(DEFAULT_REQUEST_DEADLINE_SECONDS),
  }),
  /** Functions that read or write the table. */
  table: z.object({
    TABLE_NAME: z.string().min(3),
    /** Seconds a site looked up from the catalog is reused before it is read again. */
    SITE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  }),
  /** Functions bound to the receipts bucket. */
  receipts: z.object({
    RECEIPTS_BUCKET: z.string().min(3),
    /** Link lifetime in minutes (fractions allowed, e.g. 0.05 = 3 s, for tests). */
    RECEIPT_LINK_MINUTES: z.coerce.number().positive().max(MAX_LINK_MINUTES).default(15),
    /** How long receipts are listed: must equal the bucket's lifecycle rule (`-c receiptRetentionDays`). */
    RECEIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  }),
  /** Functions bound to the site-index bucket. */
  siteIndex: z.object({
    SITE_INDEX_BUCKET: z.string().min(3),
    /** How often (at most) a warm function asks the bucket whether a newer index was published. */
    SITE_INDEX_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  }),
  /** The retention function (functions/handlers/expire-anonymous-clients.ts) and the embedded mode's daily run. */
  retention: z.object({
    /**
     * Years a profile is kept after its registration date (`-c clientRetentionYears`,
     * domain/client-retention.ts); unset means retention is off (the CDK stack then has no function).
     */
    CLIENT_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).optional(),
  }),
  /** The secret that signs "Find a Client" cursors: base64 of at least 32 random bytes. */
  searchCursorKey: z.object({
    SEARCH_CURSOR_KEY: z
      .string({ error: 'is required (base64 of at least 32 random bytes)' })
      .refine((value) => Buffer.from(value, 'base64').length >= 32, 'must be base64 of at least 32 random bytes'),
  }),
} as const;

export type EnvironmentGroup = keyof typeof ENVIRONMENT_GROUPS;
export const ENVIRONMENT_GROUPS_ALL = Object.keys(ENVIRONMENT_GROUPS) as EnvironmentGroup[];
export type Environment<G extends EnvironmentGroup> = z.output<(typeof ENVIRONMENT_GROUPS)[G]>;
/** Every variable as it is set (strings), group by group: what lib/ and local/ write. */
export type EnvironmentInput<G extends EnvironmentGroup> = { [K in keyof z.input<(typeof ENVIRONMENT_GROUPS)[G]>]: string };

/** The groups a function's secrets stand for; a route declares them by these names. */
export const SECRET_GROUPS = ['searchCursorKey'] as const satisfies readonly EnvironmentGroup[];
export type SecretName = (typeof SECRET_GROUPS)[number];

/** The variable names of a group, e.g. to set or check them. */
export function variablesOf(group: EnvironmentGroup): string[] {
  return Object.keys(ENVIRONMENT_GROUPS[group].shape);
}

function describeProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}

const parsed = new Map<EnvironmentGroup, unknown>();

/**
 * A group's variables, parsed once per process. Throws, naming each bad variable, when one is
 * missing or invalid: a misconfigured function fails at its first request, not with wrong answers.
 */
export function readEnv<G extends EnvironmentGroup>(group: G, env: NodeJS.ProcessEnv = process.env): Environment<G> {
  if (env !== process.env) return parseGroup(group, env);
  if (!parsed.has(group)) parsed.set(group, parseGroup(group, env));
  return parsed.get(group) as Environment<G>;
}

function parseGroup<G extends EnvironmentGroup>(group: G, env: NodeJS.ProcessEnv): Environment<G> {
  const result = ENVIRONMENT_GROUPS[group].safeParse(env);
  if (!result.success) throw new Error(`Invalid configuration (environment variables): ${describeProblems(result.error)}`);
  return result.data as Environment<G>;
}

/** One schema for the union of `groups`: a function's whole environment. */
export function environmentSchemaFor(groups: readonly EnvironmentGroup[]) {
  return z.object(Object.assign({}, ...groups.map((group) => ENVIRONMENT_GROUPS[group].shape)) as z.ZodRawShape);
}

/** A value for every variable of every group, typed by the contract: what lib/ and local/ start from. */
export type EnvironmentValues = { [G in EnvironmentGroup]: EnvironmentInput<G> };

/** The variables of `groups` only: a function gets exactly what its route needs, secrets included. */
export function environmentFor(groups: readonly EnvironmentGroup[], values: EnvironmentValues): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const group of groups) {
    for (const [name, value] of Object.entries<string | undefined>(values[group])) if (value !== undefined) environment[name] = value;
  }
  return environment;
}
