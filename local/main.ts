/**
 * `npm start`: the embedded stack on 127.0.0.1. Prints one ready line on stdout; everything else
 * (progress, problems) goes to stderr. Stops cleanly on SIGINT/SIGTERM, and also when the process that
 * started it is gone (npm 11 does not forward SIGTERM to its script, which would otherwise live on).
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { JavaNotFoundError } from './dynamodb-local';
import { type EmbeddedStack, startEmbeddedStack } from './embedded-stack';

const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./.data'),
});

async function main() {
  const parsed = Environment.safeParse(process.env);
  if (!parsed.success) {
    console.error(`newcomer-intake: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const dataDir = resolve(parsed.data.DATA_DIR);
  let stack: EmbeddedStack;
  try {
    stack = await startEmbeddedStack({ port: parsed.data.PORT, dataDir, onStatus: (line) => console.error(`newcomer-intake: ${line}`) });
  } catch (error) {
    const message = error instanceof JavaNotFoundError || error instanceof Error ? error.message : String(error);
    console.error(`newcomer-intake: ${message}`);
    process.exit(1);
  }

  let stopping = false;
  const stop = async (why: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    console.error(`newcomer-intake: stopping (${why})`);
    await stack.stop();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  void stack.failed.then((reason) => stop(reason, 1));

  const parentAtStart = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentAtStart) void stop('the process that started it has exited');
  }, 1000).unref();

  console.log(`newcomer-intake listening on ${stack.url}`);
}

void main();
