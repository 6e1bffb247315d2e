/*
 * support/: shared by the tests (test/) and the benchmarks (bench/).
 */
/**
 * Debian's chromium through playwright-core (.ci/run installs it; `npx playwright install` cannot
 * download a browser here), with the flags FINDINGS.md records as working on these machines.
 */
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchHeadlessChromium(): Promise<Browser> {
  // playwright's launch() gives the browser a fresh temporary profile (--user-data-dir) of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}
