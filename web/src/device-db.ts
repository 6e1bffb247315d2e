/**
 * The one IndexedDB database the app keeps on the device: the register form's drafts and the outbox of
 * registrations not yet stored by the API. Both hold personal information, which is why they live here
 * (deleted on purpose, with an expiry) and never in localStorage, sessionStorage, URLs or logs.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** A registration body as the API takes it (POST /v1/anonymous-clients), kept as sent. */
export type RegistrationBody = Record<string, unknown>;

export interface StoredDraft {
  /** Whose draft: agency and user from the token (see draftOwner). */
  owner: string;
  /** The draft's Idempotency-Key, so a restored draft is sent with the key it was started with. */
  key: string;
  /** The form's controls by name. */
  values: Record<string, string>;
  /** Epoch milliseconds of the last save. */
  savedAt: number;
}

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'failed' | 'needs-sign-in';

export interface OutboxItem {
  /** The registration's Idempotency-Key: the same on every sending, so the API stores it once. */
  key: string;
  owner: string;
  /** Dropped once the API has stored it (the stored client is kept instead, for "Open"). */
  body?: RegistrationBody;
  state: OutboxState;
  /** The site's name as the form showed it, so the outbox panel can tell the items apart. */
  siteName?: string;
  /** Epoch milliseconds when it was put in the outbox (the sending order). */
  createdAt: number;
  attempts: number;
  /** The server's words when it refused the registration (4xx). */
  failure?: string;
  /** The stored client, once sent. */
  client?: unknown;
}

export interface DeviceDbSchema extends DBSchema {
  drafts: { key: string; value: StoredDraft };
  outbox: { key: string; value: OutboxItem; indexes: { owner: string } };
}

export type DeviceDb = IDBPDatabase<DeviceDbSchema>;

export const DEVICE_DB_NAME = 'newcomer-intake';

export function openDeviceDb(name = DEVICE_DB_NAME): Promise<DeviceDb> {
  return openDB<DeviceDbSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'owner' });
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('owner', 'owner');
    },
  });
}

/**
 * Whose drafts and outbox: the token's agency and user (`custom:agency_id` and `cognito:username` or
 * `sub`), so another worker signing in on the same browser sees none of them. Undefined without both.
 */
export function deviceOwner(claims: Record<string, unknown>): string | undefined {
  const agency = claims['custom:agency_id'];
  const user = claims['cognito:username'] ?? claims.sub;
  if (typeof agency !== 'string' || typeof user !== 'string' || !agency || !user) return undefined;
  return JSON.stringify([agency, user]);
}
