/**
 * The site-search routes over HTTP through the shared embedded server (index built from the sample
 * catalog on first start), and a catalog import into that running server while searches go on.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Site } from '../../functions/domain/site';
import { sitesToCsv } from '../../functions/domain/site-catalog-csv';
import { pollUntil } from '../../support/poll';
import { activeSite, inactiveSite, sampleSites } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const token = () => tokenFor(uniqueAgency('sites'));

/** A raw GET (fetch would decompress gzip and hide the encoding). */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server().url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /v1/sites', () => {
  it('finds a site by part of its name, case-, accent- and punctuation-insensitively, best matches first', async () => {
    const auth = await token();
    const french = sampleSites().find((s) => s.active && s.name.startsWith('École'))!;
    const plain = french.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’-]/g, ' ');
    const response = await call('GET', `/v1/sites?q=${encodeURIComponent(plain)}&limit=100`, { token: auth });
    expect(response.status).toBe(200);
    expect(response.body.items.map((s: Site) => s.siteId)).toContain(french.siteId);
    expect(response.body.items[0].name.startsWith('École')).toBe(true);
    expect(response.body.items[0]).toEqual(
      expect.objectContaining({ siteId: expect.any(String), category: expect.any(String), active: true }),
    );
  });

  it('answers every role, and needs a token', async () => {
    for (const role of ['staff', 'agency-admin', 'operator'] as const) {
      expect((await call('GET', '/v1/sites?q=school', { token: await tokenFor(uniqueAgency(), { role }) })).status).toBe(200);
    }
    expect((await call('GET', '/v1/sites?q=school')).status).toBe(401);
  });

  it('pages through a node without duplicates or gaps, total on every page', async () => {
    const auth = await token();
    const group = activeSite().group;
    const expected = sampleSites().filter((s) => s.active && s.group === group).length;
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/v1/sites?category=SCHOOL&group=${encodeURIComponent(group)}&limit=9${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('GET', query, { token: auth });
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(expected);
      ids.push(...page.body.items.map((s: Site) => s.siteId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
  });

  it('treats empty parameters as absent, and refuses bad ones with 400 naming each', async () => {
    const auth = await token();
    expect((await call('GET', '/v1/sites?q=&category=&group=&limit=&cursor=', { token: auth })).body.total).toBe(
      sampleSites().filter((s) => s.active).length,
    );
    const bad = await call('GET', '/v1/sites?limit=0&category=SCHOOLS&colour=blue&cursor=xyz', { token: auth });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/category', '/colour', '/limit']);
    const cursorOfAnother = (await call('GET', '/v1/sites?q=public&limit=1', { token: auth })).body.nextCursor;
    const wrong = await call('GET', `/v1/sites?q=school&cursor=${cursorOfAnother}`, { token: auth });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ pointer: '/cursor' })]);
  });
});

describe('inactive sites', () => {
  it('never appear in search, browse or the index, but answer GET by id, and refuse new registrations', async () => {
    const auth = await token();
    const inactive = inactiveSite();
    const search = await call('GET', `/v1/sites?q=${encodeURIComponent(inactive.name)}&limit=100`, { token: auth });
    expect(search.body.items.map((s: Site) => s.siteId)).not.toContain(inactive.siteId);
    const listing = await call('GET', `/v1/sites?group=${encodeURIComponent(inactive.group)}&limit=100`, { token: auth });
    expect(listing.body.items.map((s: Site) => s.siteId)).not.toContain(inactive.siteId);
    const index = await call('GET', '/v1/sites/index', { token: auth });
    expect(index.body.sites.map((row: [string]) => row[0])).not.toContain(inactive.siteId);
    const byId = await call('GET', `/v1/sites/${inactive.siteId}`, { token: auth });
    expect(byId.status).toBe(200);
    expect(byId.body.active).toBe(false);
    const registration = await call('POST', '/v1/anonymous-clients', {
      token: auth,
      body: { gender: 'FEMALE', registrationDate: '2024-05-01', siteId: inactive.siteId },
    });
    expect(registration.status).toBe(422);
  });
});

describe('GET /v1/sites/tree', () => {
  it('has the two top nodes with bilingual labels, and counts equal to the list totals', async () => {
    const auth = await token();
    const { body, status } = await call('GET', '/v1/sites/tree', { token: auth });
    expect(status).toBe(200);
    expect(body.nodes.map((n: { label: unknown }) => n.label)).toEqual([
      { en: 'Schools', fr: 'Écoles' },
      { en: 'Non-schools or Reception Centres', fr: "Non-écoles ou centres d'accueil" },
    ]);
    const total = async (query: string) => (await call('GET', `/v1/sites?${query}&limit=1`, { token: auth })).body.total;
    expect(body.nodes[0].count).toBe(await total('category=SCHOOL'));
    expect(body.nodes[1].count).toBe(await total('category=NON_SCHOOL,RECEPTION_CENTRE'));
    const children = [...body.nodes[0].children, ...body.nodes[1].children] as { key: string; count: number }[];
    for (const child of children.slice(0, 12)) {
      const [category, ...group] = child.key.split(':');
      expectWithMessage(child.count, child.key).toBe(await total(`category=${category}&group=${encodeURIComponent(group.join(':'))}`));
    }
    const schoolBoards = new Set(
      sampleSites()
        .filter((s) => s.active && s.category === 'SCHOOL')
        .map((s) => s.group),
    );
    expect(body.nodes[0].children).toHaveLength(schoolBoards.size);
  });
});

describe('GET /v1/sites/index', () => {
  it('answers the compact index with a strong ETag and Cache-Control, and 304 to If-None-Match', async () => {
    const auth = `Bearer ${await token()}`;
    const plain = await rawGet('/v1/sites/index', { authorization: auth });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(plain.headers['cache-control']).toBe('private, max-age=60');
    const document = JSON.parse(plain.body.toString('utf8'));
    expect(document.sites).toHaveLength(sampleSites().filter((s) => s.active).length);

    const again = await rawGet('/v1/sites/index', { authorization: auth, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
    expect(again.headers.etag).toBe(etag);
  });

  it('sends gzip when Accept-Encoding allows it, with its own strong ETag, decoding to the same document', async () => {
    const auth = `Bearer ${await token()}`;
    const plain = await rawGet('/v1/sites/index', { authorization: auth });
    const zipped = await rawGet('/v1/sites/index', { authorization: auth, 'accept-encoding': 'gzip, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    const notModified = await rawGet('/v1/sites/index', {
      authorization: auth,
      'accept-encoding': 'gzip',
      'if-none-match': zipped.headers.etag as string,
    });
    expect(notModified.status).toBe(304);
  });
});

describe('catalog import into the running server', () => {
  it('is atomic for searches running meanwhile: each sees all of the old catalog or all of the new', async () => {
    const auth = await token();
    const version = (tag: string) =>
      Array.from({ length: 400 }, (_, i) => ({
        siteId: `IT-ATOMIC-${String(i).padStart(4, '0')}`,
        name: `Atomicity ${tag} Centre ${i}`,
        category: 'NON_SCHOOL' as const,
        group: 'Integration Test Sites',
        address: `${i + 1} Test Street`,
        city: 'Toronto',
        postalCode: 'M5V 2T6',
        active: true,
      }));
    const directory = await mkdtemp(join(tmpdir(), 'sites-import-'));
    const importFile = async (tag: string) => {
      const file = join(directory, `${tag}.csv`);
      await writeFile(file, sitesToCsv(version(tag)));
      return new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sites-import.ts', file], {
          cwd: REPOSITORY,
          env: { ...process.env, DATA_DIR: server().dataDir },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('exit', (code) => resolve({ code, stderr }));
      });
    };
    const searchTags = async () => {
      const page = await call('GET', '/v1/sites?q=atomicity&limit=100', { token: auth });
      expect(page.status).toBe(200);
      return { total: page.body.total as number, tags: new Set(page.body.items.map((s: Site) => s.name.split(' ')[1])) };
    };
    const waitFor = (tag: string) =>
      pollUntil(searchTags, {
        description: `the server to see only the ${tag} catalog`,
        until: ({ tags }) => tags.size === 1 && tags.has(tag),
        timeoutMs: 15_000,
      });

    const first = await importFile('Alpha');
    expectWithMessage(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/wrote 400 of 400 sites/);
    await waitFor('Alpha');

    let importing = true;
    const observed: { total: number; tags: Set<unknown> }[] = [];
    const searches = (async () => {
      while (importing) observed.push(await searchTags());
    })();
    const second = await importFile('Beta');
    expectWithMessage(second.code, second.stderr).toBe(0);
    await waitFor('Beta');
    importing = false;
    await searches;

    expect(observed.length).toBeGreaterThan(5);
    for (const seen of observed) {
      expect(seen.total).toBe(400);
      expect(seen.tags.size).toBe(1);
    }
    expect(observed.some((seen) => seen.tags.has('Alpha'))).toBe(true);
    const byId = await call('GET', '/v1/sites/IT-ATOMIC-0007', { token: auth });
    expect(byId.body.name).toBe('Atomicity Beta Centre 7');
  });

  it('rejects a bad file with line numbers and changes nothing', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sites-import-bad-'));
    const file = join(directory, 'bad.csv');
    await writeFile(
      file,
      'siteId,name,category,group,address,city,postalCode,active\nIT-BAD-1,Never Imported Centre,NOWHERE,Integration Test Sites,1 Test Street,Toronto,M5V 2T6,true\n',
    );
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sites-import.ts', file], {
        cwd: REPOSITORY,
        env: { ...process.env, DATA_DIR: server().dataDir },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2 \(category\)/);
    expect((await call('GET', '/v1/sites/IT-BAD-1', { token: await token() })).status).toBe(404);
  });
});
