/**
 * An S3 emulator (s3rver, in this process) bound to 127.0.0.1, storing buckets and objects as plain
 * files under `directory`, so they survive restarts and a `kill -9` of the server.
 *
 * Clients must use path-style addressing (`forcePathStyle: true`) and LOCAL_AWS_CREDENTIALS
 * (s3rver only accepts the key pair S3RVER/S3RVER).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import S3rver from 's3rver';

export interface StartS3EmulatorOptions {
  /** Where buckets and objects are stored; created if missing. */
  directory: string;
  /** Buckets that must exist; created if missing, left as they are (with their objects) otherwise. */
  buckets: string[];
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  port?: number;
}

export interface RunningS3Emulator {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  port: number;
  /** Stops listening (open keep-alive connections are closed). Idempotent. */
  stop(): Promise<void>;
}

const CLOSE_GRACE_MS = 2_000;

export async function startS3Emulator(options: StartS3EmulatorOptions): Promise<RunningS3Emulator> {
  const directory = path.resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory,
    silent: true,
    // Bucket directories are created with mkdir -p: existing buckets and their objects are kept.
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const address = await server.run();
  const port = address.port;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const httpServer = server.httpServer;
      const closed = server.close();
      // Node 20 closes idle keep-alive sockets on close(); cut busy ones after a grace period.
      const timer = setTimeout(() => httpServer?.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await closed;
      } finally {
        clearTimeout(timer);
      }
    })();
    return stopping;
  };

  return { endpoint: `http://127.0.0.1:${port}`, port, stop };
}
