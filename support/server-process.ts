/*
 * support/: helpers shared by the tests (test/) and the benchmarks (bench/). Anything here is used by
 * both, so a change must keep both working; helpers only tests use live in test/support/.
 */
/**
 * Starts the real `npm start` entry point (local/main.ts) as a child process, exactly as a user would,
 * and waits for its ready line. Its stdout and stderr are kept in a file so tests can read every log line.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../local/main.ts', import.meta.url));
const READY = /^newcomer-intake listening on (http:\/\/127\.0\.0\.1:\d+)$/m;

/**
 * How long a start may take before it fails with the server's own output. A first start launches
 * Java, creates the table and loads 5,200 sample sites: about 13 s on a quiet two-core machine, over
 * 90 s seen while other work (cdk synths, browsers, other servers) competed for the cores. A hang
 * guard, not a speed target; callers size their own time budgets from it so this failure comes first.
 */
export const SERVER_START_BUDGET_MS = 180_000;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>;
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

export async function startServerProcess(options: {
  dataDir: string;
  logFile: string;
  port?: number;
  timeoutMs?: number;
  /** Variables set for this server only, over this process's environment (e.g. REQUEST_DEADLINE_SECONDS). */
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, ...options.env, DATA_DIR: options.dataDir, PORT: String(options.port ?? 0), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not get ready in time:\n${output}`)),
      options.timeoutMs ?? SERVER_START_BUDGET_MS,
    );
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      output += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`));
    });
  });
  return {
    url,
    child,
    logFile: options.logFile,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exited;
      await new Promise((resolve) => log.end(resolve));
      return code;
    },
  };
}

/** Processes whose command line names the data directory: DynamoDB Local's Java (-dbPath) and its watchdog shells. */
export function processesUsing(dataDir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', join(dataDir, 'dynamodb')], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
