/**
 * The installable, offline app: registers the service worker that vite-plugin-pwa generates (sw.js:
 * the app shell precached, reference data, the site index and config.json cached as they are fetched;
 * web/vite.config.ts), and starts and stops what the device keeps for the signed-in worker: the form's
 * draft (draft-form.ts) and the outbox (outbox-panel.ts).
 */
import { Workbox } from 'workbox-window';
import { send } from './api';
import { deviceOwner } from './device-db';
import { resumeDrafts, setDraftHours, suspendDrafts } from './draft-form';
import { setOutboxHours, startOutbox, stopOutbox } from './outbox-panel';

/** Registers sw.js (not under Vite's dev server, which has none). */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || location.port === '5173') return;
  const worker = new Workbox('/sw.js');
  // The first time a worker takes control, the page fetched its reference data without it: again now,
  // through it, so the form works offline from the first visit on.
  worker.addEventListener('controlling', (event) => {
    if (!event.isUpdate && signedIn) warmCaches(['/v1/reference-data', '/v1/sites/index']);
  });
  worker.register().catch(() => undefined);
}

let signedIn = false;

/**
 * What the app needs offline, fetched through the service worker so that it keeps a copy: config.json
 * (read at every start, and the first one came before the worker was in control) and API reads.
 */
function warmCaches(apiPaths: string[]) {
  if (!navigator.serviceWorker?.controller) return;
  void fetch(new URL('config.json', location.href), { headers: { accept: 'application/json' } }).catch(() => undefined);
  for (const path of apiPaths) void send('GET', path).catch(() => undefined);
}

/** config.json's draftHours: how long drafts and finished outbox items stay on the device. */
export function setDeviceHours(hours: number | undefined) {
  setDraftHours(hours);
  setOutboxHours(hours);
}

/** After sign-in (the register form just reset): the worker's draft back, the outbox sending. */
export async function startDeviceWork(claims: Record<string, unknown>) {
  signedIn = true;
  // The site index is otherwise fetched at the first Find, which may come only once offline.
  warmCaches(['/v1/sites/index']);
  await resumeDrafts(claims);
  void startOutbox(deviceOwner(claims));
}

/** Signed out or the session ended. */
export function stopDeviceWork() {
  signedIn = false;
  suspendDrafts();
  stopOutbox();
}
