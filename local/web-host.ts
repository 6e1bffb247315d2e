/**
 * Embedded mode only: the reference web front end (web/dist, built by `npm run web:build`) at `/`, its
 * `/config.json` (local sign-in, API on this origin), and `POST /local/token`, the local sign-in page's
 * way to get a token. None is in the route table and none exists in AWS, where the front end is a
 * static site whose config.json (written by the CDK app) sends staff to Cognito's hosted UI. The
 * gateway binds 127.0.0.1, so only this machine can ask for a token, just as only someone who can
 * read DATA_DIR can run `npm run token`.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { z } from 'zod';
import { AGENCY_ID } from '../functions/http/caller-from-claims';
import { sendProblem } from './gateway';
import { issueLocalToken } from './tokens';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  // The web app manifest (vite-plugin-pwa): browsers read it as JSON only under its own type.
  '.webmanifest': 'application/manifest+json',
};

/** What the front end reads at start: sign in here, and call the API on this same origin. */
export const LOCAL_WEB_CONFIG = { apiBaseUrl: '', auth: { mode: 'local' } } as const;

const NOT_BUILT_HINT = 'The web front end is not built: run `npm run web:build` (npm start does it first), then reload.\n';

const TokenRequestSchema = z.strictObject({
  // The token rules' own agency id (functions/http/caller-from-claims.ts): a token it signs is one they take.
  agencyId: z.string().trim().regex(AGENCY_ID),
  agencyName: z.string().trim().max(200).optional(),
  userId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._@-]{1,128}$/)
    .optional(),
  role: z.enum(['staff', 'agency-admin', 'operator']).optional(),
});

/** What a refused field of the local sign-in must be, in the language the page asked for. */
const FIELD_RULES: Record<string, { en: string; fr: string }> = {
  agencyId: {
    en: 'must be 1 to 64 letters, digits, hyphens (-) or underscores (_), beginning with a letter or a digit',
    fr: "doit compter de 1 à 64 lettres, chiffres, traits d'union (-) ou traits de soulignement (_) et commencer par une lettre ou un chiffre",
  },
  userId: {
    en: 'must be 1 to 128 letters, digits, ".", "_", "@" or "-"',
    fr: 'doit compter de 1 à 128 lettres, chiffres, « . », « _ », « @ » ou « - »',
  },
  role: { en: 'must be staff, agency-admin or operator', fr: 'doit être staff, agency-admin ou operator' },
  agencyName: { en: 'must be at most 200 characters', fr: 'doit compter au plus 200 caractères' },
};

/** The refused fields of a token request as problem+json `errors`, each with its JSON Pointer. */
function tokenRequestErrors(issues: z.core.$ZodIssue[], language: 'en' | 'fr'): { pointer: string; detail: string }[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const rule = path.length === 1 ? FIELD_RULES[path[0]!] : undefined;
    if (issue.code === 'unrecognized_keys') {
      return {
        pointer: '',
        detail: language === 'fr' ? `champs inconnus : ${issue.keys.join(', ')}` : `unknown fields: ${issue.keys.join(', ')}`,
      };
    }
    return { pointer: path.map((p) => '/' + p).join(''), detail: rule ? rule[language] : issue.message };
  });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function createWebHost(options: { dataDir: string; webRoot: string }) {
  const root = normalize(options.webRoot);

  async function issueToken(request: IncomingMessage, response: ServerResponse) {
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      return sendProblem(response, 400, 'Invalid request', 'The body must be a JSON object.');
    }
    const parsed = TokenRequestSchema.safeParse(body);
    if (!parsed.success) {
      const language = /^\s*fr\b/i.test(request.headers['accept-language'] ?? '') ? 'fr' : 'en';
      const errors = tokenRequestErrors(parsed.error.issues, language);
      const detail = errors.map((e) => (e.pointer ? `${e.pointer.slice(1)}: ${e.detail}` : e.detail)).join('; ');
      return sendProblem(response, 400, 'Invalid request', detail, {}, errors);
    }
    const { agencyId, agencyName, userId, role } = parsed.data;
    const token = await issueLocalToken(options.dataDir, {
      agencyId,
      ...(agencyName ? { agencyName } : {}),
      ...(userId ? { userId } : {}),
      ...(role ? { role } : {}),
    });
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ token }));
  }

  async function serveFile(response: ServerResponse, file: string, method: string): Promise<boolean> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return false;
    const body = await readFile(file);
    // Only content-hashed files are kept a year; the rest (index.html, sw.js, the manifest) is
    // revalidated on every use, so a new build reaches the browser and its service worker at once.
    const immutable = file.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(body.byteLength),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    response.end(method === 'HEAD' ? undefined : body);
    return true;
  }

  return async function fallback(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    const method = (request.method ?? 'GET').toUpperCase();
    if (url.pathname === '/local/token') {
      if (method !== 'POST') {
        sendProblem(response, 405, 'Method not allowed', 'Use POST /local/token.', { allow: 'POST' });
        return true;
      }
      await issueToken(request, response);
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (url.pathname === '/config.json') {
      const body = JSON.stringify(LOCAL_WEB_CONFIG);
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'cache-control': 'no-cache',
      });
      response.end(method === 'HEAD' ? undefined : body);
      return true;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return false;
    if (path !== '/' && (await serveFile(response, file, method))) return true;
    // A missing file with an extension is a real 404; anything else is a page of the front end.
    if (extname(path) !== '') return false;
    if (await serveFile(response, join(root, 'index.html'), method)) return true;
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(method === 'HEAD' ? undefined : NOT_BUILT_HINT);
    return true;
  };
}
