/**
 * The embedded mode's key for signing search cursors: 32 random bytes in DATA_DIR/keys, created on
 * first use, so cursors stay valid across restarts of the same data directory.
 */
import { randomBytes } from 'node:crypto';
import { readOrCreateKeyFile } from './key-file';

export async function localSearchCursorKey(dataDir: string): Promise<string> {
  return (await readOrCreateKeyFile(dataDir, 'search-cursor-key', async () => randomBytes(32).toString('base64'))).trim();
}
