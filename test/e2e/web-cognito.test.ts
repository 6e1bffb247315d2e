/**
 * The front end as deployed to AWS, in chromium: web/dist on a static host of its own origin with a
 * config.json in Cognito mode; a fake hosted UI (test/support/fake-cognito.ts) that hands out an ID
 * token signed with the local stack's key only to a code redeemed with the right PKCE verifier; and the
 * real API (a local server) on a third origin behind a CORS proxy, since the local gateway answers no
 * CORS itself (test/support/cors-proxy.ts says what the deployed API must allow).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { viteBuildWeb } from '../../lib/web-site-build';
import { issueLocalToken, LOCAL_AUDIENCE } from '../../local/tokens';
import { pollUntil } from '../../support/poll';
import { type ServerProcess, startServerProcess } from '../../support/server-process';
import { expectAccessible, heldToken, launchChromium, openPage, screenshot } from '../support/browser';
import { type CorsProxy, startCorsProxy } from '../support/cors-proxy';
import { type FakeCognito, startFakeCognito } from '../support/fake-cognito';
import { type StaticSite, startStaticSite } from '../support/static-site';

let work: string;
let server: ServerProcess;
let site: StaticSite;
let cognito: FakeCognito;
let proxy: CorsProxy;
let browser: Browser;
/** What the static host answers for config.json: the Cognito settings, or a status. */
let config: () => object | number;

const cognitoConfig = () => ({
  apiBaseUrl: proxy.url,
  auth: {
    mode: 'cognito',
    domain: cognito.url,
    clientId: LOCAL_AUDIENCE,
    redirectUri: `${site.url}/`,
    logoutUri: `${site.url}/`,
    scopes: ['openid', 'email', 'profile'],
  },
});

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'web-cognito-'));
  const dataDir = join(work, 'data');
  // Its own build folder: web.test.ts may be rebuilding web/dist at the same time.
  viteBuildWeb(join(work, 'dist'));
  server = await startServerProcess({ dataDir, logFile: join(work, 'server.log') });
  config = cognitoConfig;
  site = await startStaticSite(join(work, 'dist'), () => config());
  // The local stack's verifier wants its audience: the app client id is that audience, as in AWS.
  cognito = await startFakeCognito({
    clientId: LOCAL_AUDIENCE,
    redirectUri: `${site.url}/`,
    logoutUri: `${site.url}/`,
    idToken: () => issueLocalToken(dataDir, { agencyId: 'agency-cognito', agencyName: 'Cognito Test Agency', userId: 'hosted-ui-user' }),
  });
  proxy = await startCorsProxy(server.url, () => site.url);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), cognito?.close(), proxy?.close()]);
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const signInButton = (page: Page, name = 'Sign in') => page.getByRole('button', { name, exact: true });
const alertText = (page: Page) => page.locator('#signin-error').textContent();

describe('Cognito hosted-UI sign-in with PKCE', () => {
  it('signs in with the code flow, calls the API across origins with the ID token, and signs out through /logout', async () => {
    const page = await openPage(browser, `${site.url}/`);
    await pollUntil(
      async () => {
        expect(await page.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible()).toBe(true);
      },
      { description: "page.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible() toBe(true)" },
    );
    expect(await page.locator('#signin-form').count()).toBe(0);
    await expectAccessible(page, 'Cognito sign-in');
    await screenshot(page, 'cognito-1-sign-in');

    await signInButton(page).click();
    await pollUntil(
      async () => {
        expect(await page.getByRole('heading', { level: 1, name: 'Register New Client/Activity' }).isVisible()).toBe(true);
      },
      { description: "page.getByRole('heading', { level: 1, name: 'Register New Client/Activity' }).isVisible() toBe(true)" },
    );
    // The code and state are gone from the address bar; the verifier is gone from storage.
    expect(page.url()).toBe(`${site.url}/`);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('signin-pending'))).toBeNull();

    const [authorization] = cognito.authorizations;
    expect(cognito.authorizations).toHaveLength(1);
    expect(authorization).toMatchObject({
      response_type: 'code',
      client_id: LOCAL_AUDIENCE,
      redirect_uri: `${site.url}/`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(authorization!.state).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cognito.tokenRequests.map((r) => r.outcome)).toEqual(['issued']);
    expect(cognito.tokenRequests[0]!.form).toMatchObject({
      grant_type: 'authorization_code',
      client_id: LOCAL_AUDIENCE,
      redirect_uri: `${site.url}/`,
    });
    expect(cognito.tokenRequests[0]!.form.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The bearer token is the ID token (the API's authorizer reads custom:agency_id from it).
    expect(await heldToken(page)).toBe(cognito.issued[0]);
    expect(await page.locator('#agency').inputValue()).toBe('Cognito Test Agency');

    // The API on its own origin: type-ahead from the site index, then a registration.
    await page.getByRole('button', { name: 'Find a registration site' }).click();
    await page.getByLabel('Part of the site name').fill('josiah henson pub');
    await page.locator('#site-results input[value="ON-SCH-000001"]').check();
    await page.getByRole('button', { name: 'Select Site' }).click();
    await page.locator('#register-form').getByLabel('Gender', { exact: true }).selectOption('FEMALE');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await pollUntil(
      async () => {
        expect(await page.locator('#wizard').isVisible()).toBe(true);
      },
      { description: "page.locator('#wizard').isVisible() toBe(true)" },
    );
    expect(await page.locator('#client-id').textContent()).toMatch(/\S{10,}/);
    expect(proxy.preflights).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await pollUntil(
      async () => {
        expect(cognito.logouts).toEqual([{ client_id: LOCAL_AUDIENCE, logout_uri: `${site.url}/` }]);
      },
      { description: 'cognito.logouts toEqual([{ client_id: LOCAL_AUDIENCE, logout_uri: `${site.url}/` }])' },
    );
    await pollUntil(
      async () => {
        expect(await page.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible()).toBe(true);
      },
      { description: "page.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible() toBe(true)" },
    );
    expect(page.url()).toBe(`${site.url}/`);
    expect(await heldToken(page)).toBeNull();
    await page.context().close();
  }, 60_000);

  it('shows the refusal when the code is redeemed with another verifier, in English and in French', async () => {
    for (const [language, expected] of [
      ['en', 'Sign-in could not be completed: the sign-in service did not accept the code (invalid_grant). Please sign in again.'],
      [
        'fr',
        "La connexion n'a pas pu aboutir : le service de connexion n'a pas accepté le code (invalid_grant). Veuillez vous reconnecter.",
      ],
    ] as const) {
      const page = await openPage(browser, `${site.url}/`);
      // What an attacker holding a stolen code but not the verifier would send.
      await page.route(`${cognito.url}/oauth2/token`, (route) => {
        const form = new URLSearchParams(route.request().postData() ?? '');
        form.set('code_verifier', 'A'.repeat(43));
        return route.continue({ postData: form.toString() });
      });
      if (language === 'fr') await page.getByRole('button', { name: 'Passer au français' }).click();
      const before = cognito.tokenRequests.length;
      await signInButton(page, language === 'fr' ? 'Se connecter' : 'Sign in').click();
      await pollUntil(
        async () => {
          expect(await alertText(page)).toBe(expected);
        },
        { description: 'alertText(page) toBe(expected)' },
      );
      expect(cognito.tokenRequests.slice(before).map((r) => r.outcome)).toEqual(['verifier']);
      expect(await heldToken(page)).toBeNull();
      expect(page.url()).toBe(`${site.url}/`);
      expect(await page.locator('#nav-register').isVisible()).toBe(false);
      await expectAccessible(page, `refused sign-in (${language})`);
      if (language === 'fr') await screenshot(page, 'cognito-2-refused-fr');
      await page.context().close();
    }
  }, 60_000);

  it('refuses an answer whose state this tab did not send, and shows an error the hosted UI returned', async () => {
    const page = await openPage(browser, `${site.url}/?code=stolen-code&state=forged-state`);
    await pollUntil(
      async () => {
        expect(await alertText(page)).toBe(
          'Sign-in could not be completed: the answer does not belong to a sign-in started in this browser tab. Please sign in again.',
        );
      },
      {
        description:
          "alertText(page) toBe('Sign-in could not be completed: the answer does not belong to a sign-in started in this browser tab. Please sign in again.')",
      },
    );
    expect(page.url()).toBe(`${site.url}/`);
    expect(cognito.tokenRequests.filter((r) => r.form.code === 'stolen-code')).toEqual([]);

    // The language switch rewrites the message that is showing.
    await page.getByRole('button', { name: 'Passer au français' }).click();
    expect(await alertText(page)).toBe(
      "La connexion n'a pas pu aboutir : la réponse ne correspond à aucune connexion commencée dans cet onglet. Veuillez vous reconnecter.",
    );
    await page.getByRole('button', { name: 'Switch to English' }).click();

    cognito.refuseNext = 'access_denied';
    await signInButton(page).click();
    await pollUntil(
      async () => {
        expect(await alertText(page)).toBe('Sign-in was refused or cancelled (access_denied). Please sign in again.');
      },
      { description: "alertText(page) toBe('Sign-in was refused or cancelled (access_denied). Please sign in again.')" },
    );
    expect(page.url()).toBe(`${site.url}/`);
    expect(await heldToken(page)).toBeNull();

    // A URL-borne error code is shown only if it looks like one.
    await page.goto(`${site.url}/?error=${encodeURIComponent('Call 555-0100 to unlock your account')}`);
    await pollUntil(
      async () => {
        expect(await alertText(page)).toBe('Sign-in was refused or cancelled (error). Please sign in again.');
      },
      { description: "alertText(page) toBe('Sign-in was refused or cancelled (error). Please sign in again.')" },
    );
    await page.context().close();
  }, 60_000);

  it('falls back to local mode on a 404 for config.json, and stops with a message on a broken one', async () => {
    try {
      config = () => 404;
      const local = await openPage(browser, `${site.url}/`);
      await pollUntil(
        async () => {
          expect(await local.getByRole('heading', { level: 1, name: 'Sign in (local)' }).isVisible()).toBe(true);
        },
        { description: "local.getByRole('heading', { level: 1, name: 'Sign in (local)' }).isVisible() toBe(true)" },
      );
      expect(await local.locator('#signin-form').isVisible()).toBe(true);
      await local.context().close();

      config = () => 500;
      const broken = await openPage(browser, `${site.url}/`);
      await pollUntil(
        async () => {
          expect(await broken.locator('#start-error').textContent()).toBe(
            'The application cannot start: its settings (config.json) could not be read (config.json answered 500).',
          );
        },
        {
          description:
            "broken.locator('#start-error').textContent() toBe('The application cannot start: its settings (config.json) could not be read (config.json answered 500).')",
        },
      );
      await broken.context().close();

      config = () => ({ ...cognitoConfig(), auth: { ...cognitoConfig().auth, scopes: ['email'] } });
      const wrong = await openPage(browser, `${site.url}/`);
      await pollUntil(
        async () => {
          expect(await wrong.locator('#start-error').textContent()).toMatch(/must be a list of strings that includes "openid"/);
        },
        { description: 'wrong.locator(\'#start-error\').textContent() toMatch(/must be a list of strings that includes "openid"/)' },
      );
      expect(await wrong.locator('#sign-in').count()).toBe(0);
      await wrong.context().close();
    } finally {
      config = cognitoConfig;
    }
  }, 60_000);
});
