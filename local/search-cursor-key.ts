/**
 * The embedded mode's key for signing search cursors: 32 random bytes in DATA_DIR/keys (mode 0600),
 * created on first use, so cursors stay valid across restarts of the same data directory.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function localSearchCursorKey(dataDir: string): Promise<string> {
  const file = join(dataDir, 'keys', 'search-cursor-key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, randomBytes(32).toString('base64'), { mode: 0o600 });
  try {
    // link() fails if the file exists: whoever links first wins, the loser reads the winner's key.
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return (await readFile(file, 'utf8')).trim();
}
