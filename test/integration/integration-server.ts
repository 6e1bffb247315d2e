import type { ServerProcess } from '../../support/server-process';

/** The key under which global-setup.ts leaves the server for global-teardown.ts. */
export const INTEGRATION_SERVER = '__newcomerIntakeIntegrationServer';

export interface IntegrationServer {
  server: ServerProcess;
  dataDir: string;
}
