/**
 * Secrets of the embedded stack (token signing key, cursor key) live in DATA_DIR/keys, mode 0600,
 * created on first use. Two processes may race to create one (the server and `npm run token`):
 * link() fails if the file exists, so whoever links first wins and the loser reads the winner's key.
 */
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function readOrCreateKeyFile(dataDir: string, name: string, create: () => Promise<string>): Promise<string> {
  const directory = join(dataDir, 'keys');
  const file = join(directory, name);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, await create(), { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return readFile(file, 'utf8');
}
