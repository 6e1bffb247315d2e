/** Stops the server global-setup.ts started and removes its data directory (unless KEEP_TEST_DATA is set). */
import { rm } from 'node:fs/promises';
import { INTEGRATION_SERVER, type IntegrationServer } from './integration-server';

export default async function stopIntegrationServer() {
  const started = (globalThis as { [INTEGRATION_SERVER]?: IntegrationServer })[INTEGRATION_SERVER];
  if (!started) return;
  await started.server.stop();
  if (!process.env.KEEP_TEST_DATA) await rm(started.dataDir, { recursive: true, force: true });
}
