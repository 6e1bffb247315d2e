/**
 * Configuration, read once per process from the environment through schemas. A missing or bad value
 * stops the function at start with a message naming the variable, never a silent default.
 * Split in two so that a function which touches no storage (health) needs no storage settings.
 */
import * as z from 'zod';
import { DEFAULT_AGENCY_TIME_ZONE, isValidTimeZone } from '../domain/calendar';

const ServiceConfigSchema = z.object({
  SERVICE_VERSION: z.string().min(1),
  /** One time zone for "today" of every agency the deployment serves (a region's agencies share one). */
  AGENCY_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/Toronto')
    .default(DEFAULT_AGENCY_TIME_ZONE),
});

const StorageConfigSchema = z.object({
  TABLE_NAME: z.string().min(3),
  /** Seconds a site looked up from the catalog is reused before it is read again. */
  SITE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
});

export type ServiceConfig = z.output<typeof ServiceConfigSchema>;
export type StorageConfig = z.output<typeof StorageConfigSchema>;

function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new Error(`Invalid configuration (environment variables): ${problems}`);
}

let service: ServiceConfig | undefined;
let storage: StorageConfig | undefined;

export function serviceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  service ??= parseEnv(ServiceConfigSchema, env);
  return service;
}

export function storageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  storage ??= parseEnv(StorageConfigSchema, env);
  return storage;
}
