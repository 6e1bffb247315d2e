/**
 * The import boundaries of eslint.config.js: the domain depends on nothing outward, and ports never
 * import their adapters. Each fixture under test/fixtures/import-boundaries/ is a module that breaks
 * them, linted as if it were planted in functions/domain (or functions/ports) with the repository's
 * own ESLint configuration.
 */
import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

interface Refusal {
  source: string;
  severity: number;
  message: string;
}

/** The imports of the fixture `name`, linted as `file`, that no-restricted-imports refuses. */
async function refusals(name: string, file: string): Promise<Refusal[]> {
  const text = readFileSync(join(repoRoot, 'test/fixtures/import-boundaries', name), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: join(repoRoot, file) });
  const lines = text.split('\n');
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => ({
      source:
        /from '([^']+)'|import '([^']+)'/
          .exec(lines[m.line - 1] ?? '')
          ?.slice(1)
          .find(Boolean) ?? '?',
      severity: m.severity,
      message: m.message,
    }));
}

/** Every import source in a fixture, to check the expectations below name real lines of it. */
function sources(name: string): string[] {
  const text = readFileSync(join(repoRoot, 'test/fixtures/import-boundaries', name), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b.*'([^']+)';$/gm)].map((m) => m[1]!);
}

const DOMAIN_FIXTURE = 'domain-imports-adapter.ts.txt';
const DOMAIN_FORBIDDEN: Record<string, string[]> = {
  'functions/adapters': ['../adapters/dynamodb/client-store', '../../adapters/s3/s3-client'],
  'functions/http': ['../http/http-handler'],
  'functions/api': ['../api/schemas', '../api/openapi'],
  'functions/runtime': ['../runtime/config'],
  'the AWS SDK': ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@smithy/node-http-handler'],
  'aws-lambda': ['aws-lambda'],
  Middy: ['@middy/core'],
  Powertools: ['@aws-lambda-powertools/metrics'],
  'zod-to-openapi': ['@asteasolutions/zod-to-openapi'],
  pino: ['pino'],
};
/** Refused with their own message: what reads files, and the PDF renderer's packages. */
const DOMAIN_OWN_MESSAGES: Record<string, { sources: string[]; message: string }> = {
  files: { sources: ['node:fs', 'node:module'], message: 'The domain reads no files' },
  'the PDF renderer': { sources: ['pdf-lib', '@pdf-lib/fontkit'], message: 'PDF rendering is the ReceiptRenderer port' },
};
const ownMessageSources = Object.values(DOMAIN_OWN_MESSAGES).flatMap((entry) => entry.sources);
const DOMAIN_ALLOWED = ['./errors', '../ports/client-store', 'zod', 'node:crypto'];

const PORTS_FIXTURE = 'ports-import-adapter.ts.txt';
const PORTS_FORBIDDEN: Record<string, string[]> = {
  'functions/adapters': ['../adapters/dynamodb/client-store'],
  'the AWS SDK': ['@aws-sdk/lib-dynamodb', '@smithy/node-http-handler'],
  'functions/runtime': ['../runtime/config'],
  'functions/http': ['../http/http-handler'],
  'functions/api': ['../api/schemas'],
};
const PORTS_ALLOWED = ['../domain/anonymous-client', './session-store'];

// Linted once, at collection: the first lint loads the configuration and the TypeScript parser.
const inDomain = await refusals(DOMAIN_FIXTURE, 'functions/domain/planted.ts');
const deeperInDomain = await refusals(DOMAIN_FIXTURE, 'functions/domain/receipts/planted.ts');
const inAdapters = await refusals(DOMAIN_FIXTURE, 'functions/adapters/planted.ts');
const inPorts = await refusals(PORTS_FIXTURE, 'functions/ports/planted.ts');

describe('the domain depends on nothing outward', () => {
  it('plants every kind of import the expectations name, and each allowed one', () => {
    expect(sources(DOMAIN_FIXTURE).sort()).toEqual(
      [...Object.values(DOMAIN_FORBIDDEN).flat(), ...ownMessageSources, ...DOMAIN_ALLOWED].sort(),
    );
  });

  it.each(Object.entries(DOMAIN_FORBIDDEN))('refuses an import of %s in functions/domain', (_kind, forbidden) => {
    for (const source of forbidden) {
      expect(inDomain.filter((r) => r.source === source)).toEqual([
        { source, severity: 2, message: expect.stringContaining('The domain depends on nothing outward') },
      ]);
      expect(deeperInDomain.filter((r) => r.source === source)).toHaveLength(1);
    }
  });

  it.each(Object.entries(DOMAIN_OWN_MESSAGES))('refuses %s in functions/domain, saying why', (_kind, { sources: forbidden, message }) => {
    for (const source of forbidden) {
      expect(inDomain.filter((r) => r.source === source)).toEqual([{ source, severity: 2, message: expect.stringContaining(message) }]);
    }
  });

  it('refuses nothing else: the domain itself, its ports, zod and other node built-ins are allowed', () => {
    expect(inDomain.filter((r) => DOMAIN_ALLOWED.includes(r.source))).toEqual([]);
    expect(inDomain.map((r) => r.source).sort()).toEqual([...Object.values(DOMAIN_FORBIDDEN).flat(), ...ownMessageSources].sort());
  });

  it("is the domain's boundary only: an adapter may import the AWS SDK and the runtime", () => {
    expect(inAdapters).toEqual([]);
  });
});

describe('ports never import their adapters', () => {
  it('plants every kind of import the expectations name, and each allowed one', () => {
    expect(sources(PORTS_FIXTURE).sort()).toEqual([...Object.values(PORTS_FORBIDDEN).flat(), ...PORTS_ALLOWED].sort());
  });

  it.each(Object.entries(PORTS_FORBIDDEN))('refuses an import of %s in functions/ports', (_kind, forbidden) => {
    for (const source of forbidden) {
      expect(inPorts.filter((r) => r.source === source)).toEqual([
        { source, severity: 2, message: expect.stringContaining('Ports never import') },
      ]);
    }
  });

  it("allows the domain's types and other ports", () => {
    expect(inPorts.map((r) => r.source).sort()).toEqual(Object.values(PORTS_FORBIDDEN).flat().sort());
  });
});
