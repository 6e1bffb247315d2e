/** The local web host (local/web-host.ts) alone on a loopback port, as the gateway mounts it: anything it does not handle is a 404. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebHost } from '../../local/web-host';

export async function serveWebHost(options: { dataDir: string; webRoot: string }): Promise<{ base: string; close: () => Promise<void> }> {
  const fallback = createWebHost(options);
  const server = createServer((req, res) => {
    void fallback(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
