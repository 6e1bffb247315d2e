/**
 * One embedded stack per data directory: two DynamoDB Local processes writing the same database file
 * would corrupt it. The lock file also tells other tools (sites:import) where the running stack is.
 */
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface RunningStackDescription {
  pid: number;
  url?: string;
  dynamodb?: string;
  s3?: string;
}

export interface DataDirLock {
  describe(endpoints: Omit<RunningStackDescription, 'pid'>): Promise<void>;
  release(): Promise<void>;
}

export function lockFile(dataDir: string): string {
  return join(dataDir, 'embedded-stack.json');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The stack running on `dataDir`, if its process is alive. */
export async function runningStack(dataDir: string): Promise<RunningStackDescription | undefined> {
  try {
    const description = JSON.parse(await readFile(lockFile(dataDir), 'utf8')) as RunningStackDescription;
    return isAlive(description.pid) ? description : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const file = lockFile(dataDir);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid }));
      await handle.close();
      return {
        describe: (endpoints) => writeFile(file, JSON.stringify({ pid: process.pid, ...endpoints })),
        release: () => rm(file, { force: true }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await runningStack(dataDir);
      if (holder && holder.pid !== process.pid) {
        throw new Error(`Another newcomer-intake (pid ${holder.pid}) is using the data directory ${dataDir}; stop it first.`);
      }
      // Left behind by a process that was killed: take it over.
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
