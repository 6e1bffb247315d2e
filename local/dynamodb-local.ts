/**
 * Runs AWS's DynamoDB Local (a Java program) as a child of this Node process, bound to 127.0.0.1.
 *
 * DynamoDB Local has no listen-address option, so it is started through our launcher class
 * local/java/LoopbackDynamoDBLocal, which binds every Jetty connector to the loopback address.
 *
 * No orphans. The JVM must never outlive this Node process, even when Node is killed with SIGKILL and
 * runs no cleanup code at all. Linux's PR_SET_PDEATHSIG is out of reach from Node without a native
 * addon, and Java has no "die with parent" flag, so the JVM is started under a small POSIX shell
 * supervisor (WATCHDOG_SCRIPT below). The supervisor's stdin is a pipe whose only write end lives in
 * this process and is never written or closed while the emulator runs. Whenever this process goes away
 * — stop(), a normal exit, a crash, SIGKILL — the kernel closes that write end, a watcher inside the
 * supervisor reads EOF, and it sends the JVM SIGTERM and, five seconds later, SIGKILL. Relying on a pipe
 * closing (rather than on exit handlers or polling for the parent's pid) is what makes this hold for
 * SIGKILL: the kernel closes a dead process's descriptors whatever killed it. The supervisor also waits
 * for the JVM, so the JVM is reaped by its own parent and never lingers as a zombie, even in containers
 * whose pid 1 does not reap orphans. (POSIX only: needs /bin/sh, as on Linux and macOS.)
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { LOCAL_AWS_CREDENTIALS } from './credentials';

export interface StartDynamoDbLocalOptions {
  /** Directory holding the database file (shared-local-instance.db); created if missing. */
  dbPath: string;
  /** Port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Receives every line DynamoDB Local writes to stdout or stderr. Nothing is printed otherwise. */
  onLog?: (line: string) => void;
  /** The Java executable; `java` (looked up on PATH) when omitted. */
  javaCommand?: string;
  /** JVM options placed before the class path; DEFAULT_JVM_OPTIONS when omitted. */
  jvmOptions?: readonly string[];
  /** How long to wait for DynamoDB Local to answer; 60 s when omitted. */
  startTimeoutMs?: number;
}

export interface RunningDynamoDbLocal {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  port: number;
  /** The JVM's pid. */
  pid: number;
  /** Stops the JVM (SIGTERM, then SIGKILL after about 5 s) and resolves once it is gone. Idempotent. */
  stop(): Promise<void>;
  /** Resolves when the JVM has exited, whether it died on its own or stop() ended it. Never rejects. */
  exited: Promise<void>;
}

/** Java is missing (message is one line saying what to install). */
export class JavaNotFoundError extends Error {
  constructor(message = JAVA_MISSING_MESSAGE) {
    super(message);
    this.name = 'JavaNotFoundError';
  }
}

/** Java is present but older than 17. A JavaNotFoundError, so one `instanceof` check covers both. */
export class JavaTooOldError extends JavaNotFoundError {
  constructor(readonly foundMajorVersion: number) {
    super(
      `DynamoDB Local needs Java ${MIN_JAVA_MAJOR} or newer, but the "java" on PATH is Java ${foundMajorVersion}; ` +
        `${INSTALL_HINT} and put it first on PATH.`,
    );
    this.name = 'JavaTooOldError';
  }
}

/**
 * Measured with OpenJDK 17 on a 2-vCPU, 24 GB Linux VM, 6–10 runs each (fresh dbPath; "ready" = spawn
 * to the first successful ListTables; "work" = 1,500 × (PutItem + GetItem) + 150 Query, sequential):
 *   JVM defaults (G1, C1+C2):                         ready 1.5–3.2 s (median ≈ 1.7 s), RSS ≈ 175 MB → 220 MB, work 6.2–8.1 s
 *   -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m: ready 1.3–1.7 s (median ≈ 1.5 s), RSS ≈ 119 MB → 138 MB, work typically 5.3–6.1 s
 * C1-only compilation helps most (less JIT work competing for two cores at start-up; DynamoDB Local's
 * request path never gets hot enough for C2 to pay off). Serial GC alone made RSS worse (the default
 * initial heap is 1/64 of RAM and Serial touches it); with a small initial heap it is the lightest.
 * -Xss512k made no measurable difference. A dynamic AppCDS archive (-XX:ArchiveClassesAtExit) is not
 * written when the JVM is ended by a signal, so it was not pursued.
 */
export const DEFAULT_JVM_OPTIONS: readonly string[] = Object.freeze(['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xms16m']);

const MIN_JAVA_MAJOR = 17;
const INSTALL_HINT =
  'install a Java 17+ runtime (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; ' +
  'macOS: brew install openjdk@17; elsewhere: https://adoptium.net)';
const JAVA_MISSING_MESSAGE =
  `DynamoDB Local needs Java ${MIN_JAVA_MAJOR} or newer, but no "java" command was found on PATH; ` +
  `${INSTALL_HINT} and make sure "java" is on PATH.`;

const READY_LINE = 'DynamoDB Local listening on 127.0.0.1';
const STOP_GRACE_MS = 5_000;
const LOG_TAIL_LINES = 40;

/**
 * Supervisor run by /bin/sh with the Java command line as "$@". fd 3 is a pipe on which it reports the
 * JVM's pid. Its stdin is the lifeline described at the top of this file: a background watcher reads it
 * until EOF, then terminates the JVM. The foreground waits for the JVM (reaping it), so this shell exits
 * exactly when the JVM has exited, which is what `exited` reports. SIGTERM/INT/HUP sent to the shell
 * are forwarded to the JVM.
 */
const WATCHDOG_SCRIPT = `
exec 4<&0
"$@" </dev/null 3>&- 4<&- &
child=$!
echo "$child" >&3
exec 3>&-
(
  while read -r _; do :; done
  kill -TERM "$child" 2>/dev/null
  i=0
  while [ "$i" -lt ${STOP_GRACE_MS / 100} ] && kill -0 "$child" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
  if kill -0 "$child" 2>/dev/null; then kill -KILL "$child" 2>/dev/null; fi
) <&4 4<&- >/dev/null 2>&1 &
watcher=$!
exec 4<&-
trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
status=0
wait "$child" || status=$?
while kill -0 "$child" 2>/dev/null; do wait "$child" || status=$?; done
kill -TERM "$watcher" 2>/dev/null
exit "$status"
`;

export async function startDynamoDbLocal(options: StartDynamoDbLocalOptions): Promise<RunningDynamoDbLocal> {
  const javaCommand = options.javaCommand ?? 'java';
  await checkJava(javaCommand);
  await mkdir(options.dbPath, { recursive: true });
  if (options.port !== undefined) return launch(options, javaCommand, options.port);

  // A port picked by findFreePort can be taken by someone else before the JVM binds it; retry then.
  for (let attempt = 1; ; attempt += 1) {
    const port = await findFreePort();
    try {
      return await launch(options, javaCommand, port);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !error.message.includes('is already in use')) {
        throw error;
      }
    }
  }
}

function emulatorDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

function launcherDirectory(): string {
  return fileURLToPath(new URL('./java', import.meta.url));
}

async function launch(options: StartDynamoDbLocalOptions, javaCommand: string, port: number): Promise<RunningDynamoDbLocal> {
  const emulator = emulatorDirectory();
  const javaArgs = [
    ...(options.jvmOptions ?? DEFAULT_JVM_OPTIONS),
    `-Djava.library.path=${path.join(emulator, 'DynamoDBLocal_lib')}`,
    '-cp',
    [path.join(emulator, 'DynamoDBLocal.jar'), launcherDirectory()].join(path.delimiter),
    'LoopbackDynamoDBLocal',
    '-sharedDb',
    '-dbPath',
    path.resolve(options.dbPath),
    '-port',
    String(port),
    '-disableTelemetry',
  ];
  const endpoint = `http://127.0.0.1:${port}`;
  const timeoutMs = options.startTimeoutMs ?? 60_000;

  // cwd = dbPath: DynamoDB Local writes dynamodb-local-metadata.json into its working directory even
  // with -disableTelemetry; keep it with the data rather than in whatever directory Node runs from.
  const shell = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'dynamodb-local-watchdog', javaCommand, ...javaArgs], {
    cwd: path.resolve(options.dbPath),
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });

  const tail: string[] = [];
  const record = (line: string): void => {
    tail.push(line);
    if (tail.length > LOG_TAIL_LINES) tail.shift();
    options.onLog?.(line);
  };
  let sawReadyLine = false;
  const stdoutLines = createInterface({ input: shell.stdout });
  stdoutLines.on('line', (line) => {
    if (line.includes(READY_LINE)) sawReadyLine = true;
    record(line);
  });
  // The launcher's main() failing (e.g. the port is taken) does not end the JVM: Jetty's non-daemon
  // threads keep it alive. Treat that stack trace as a failed start instead of waiting for the timeout.
  let reportMainFailure: () => void = () => {};
  const mainFailed = new Promise<void>((resolve) => (reportMainFailure = resolve));
  createInterface({ input: shell.stderr }).on('line', (line) => {
    if (line.startsWith('Exception in thread "main"')) reportMainFailure();
    record(line);
  });
  // The lifeline: never written to, and ended only by stop(). Swallow EPIPE if the shell is gone.
  shell.stdin.on('error', () => {});

  let hasExited = false;
  let exitDescription = '';
  const exited = new Promise<void>((resolve) => {
    shell.once('exit', (code, signal) => {
      hasExited = true;
      exitDescription = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
  });
  // 'close' comes after 'exit' once the output pipes are drained: wait for it (briefly) before
  // describing a failure, so the JVM's last words are in the message.
  const outputDrained = new Promise<void>((resolve) => shell.once('close', () => resolve()));
  const exitedAndDrained = exited.then(() => Promise.race([outputDrained, delay(500)]));
  const spawnFailed = new Promise<never>((_, reject) => {
    shell.once('error', (error) => reject(error));
  });
  spawnFailed.catch(() => {});

  let stopping: Promise<void> | undefined;
  let javaPid: number | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!hasExited) {
        shell.stdin.end();
        shell.kill('SIGTERM');
        const gone = await Promise.race([exited.then(() => true), delay(STOP_GRACE_MS + 1_000).then(() => false)]);
        if (!gone) {
          if (javaPid !== undefined) killQuietly(javaPid, 'SIGKILL');
          shell.kill('SIGKILL');
          await exited;
        }
      }
      shell.stdin.destroy();
    })();
    return stopping;
  };

  const failure = (reason: string): Error =>
    new Error(
      `DynamoDB Local did not start on ${endpoint}: ${reason}.` +
        (tail.length > 0 ? `\nLast output:\n${tail.join('\n')}` : ' It printed nothing.'),
    );
  const startupFailure = (): Error => {
    if (tail.some((line) => line.includes('java.net.BindException'))) {
      return failure(`port ${port} on 127.0.0.1 is already in use`);
    }
    if (hasExited) return failure(`the process ended (${exitDescription})`);
    return failure(`no answer within ${timeoutMs} ms`);
  };

  const deadline = Date.now() + timeoutMs;
  let settled = false;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ca-central-1',
    credentials: { ...LOCAL_AWS_CREDENTIALS },
    maxAttempts: 1,
    // throwOnRequestTimeout: without it @smithy/node-http-handler 4.x only warns when the time is up.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
  });
  const answering = async (): Promise<number> => {
    const pid = await readPid(shell.stdio[3] as Readable);
    javaPid = pid;
    while (!settled) {
      if (sawReadyLine) {
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }));
          return pid;
        } catch {
          // Not answering yet; try again shortly.
        }
      }
      await delay(50);
    }
    return pid;
  };

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      answering(),
      spawnFailed,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(startupFailure()), Math.max(0, deadline - Date.now()));
      }),
      exitedAndDrained.then(() => Promise.reject(startupFailure())),
      // Give the rest of the stack trace a moment to arrive so that it is part of the message.
      mainFailed.then(() => delay(300)).then(() => Promise.reject(startupFailure())),
    ]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    settled = true;
    clearTimeout(timer);
    client.destroy();
  }

  if (javaPid === undefined) throw new Error('unreachable: DynamoDB Local answered before reporting its pid');
  return { endpoint, port, pid: javaPid, stop, exited };
}

function readPid(stream: Readable): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
      const newline = text.indexOf('\n');
      if (newline >= 0) {
        const pid = Number(text.slice(0, newline).trim());
        if (Number.isInteger(pid) && pid > 0) resolve(pid);
        else reject(new Error(`DynamoDB Local supervisor reported an invalid pid: ${JSON.stringify(text)}`));
      }
    });
    stream.on('error', reject);
  });
}

/**
 * Fails with JavaNotFoundError unless `javaCommand -version` runs and reports Java 17 or newer.
 * An unparseable version line is let through: DynamoDB Local itself will then say what is wrong.
 */
async function checkJava(javaCommand: string): Promise<void> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(javaCommand, ['-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' || error.code === 'EACCES' ? new JavaNotFoundError() : error);
    });
    child.once('close', (code) => {
      if (code === 0) resolve(text);
      else reject(new Error(`"${javaCommand} -version" failed (exit code ${code}): ${text.trim()}`));
    });
  });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return;
  const first = Number(match[1]);
  const major = first === 1 ? Number(match[2]) : first; // "1.8.0_422" is Java 8
  if (major < MIN_JAVA_MAJOR) throw new JavaTooOldError(major);
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not determine a free port'));
      });
    });
  });
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** A pause that does not by itself keep the process alive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
