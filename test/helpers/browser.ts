import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Debian's Chromium (`apt-get install -y chromium`); playwright's own download does not work here. */
export const CHROMIUM = '/usr/bin/chromium';

/** The launch flags of STACK.md: WebGL still renders through SwiftShader with --disable-gpu. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests cannot run here, or null. With CI=true a missing browser is a failure. */
export function browserProblem(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const problem = `${CHROMIUM} is missing: apt-get install -y chromium`;
  if (process.env.CI === 'true') throw new Error(`CI=true needs Chromium: ${problem}`);
  return problem;
}

/**
 * Builds web/dist when it is missing or stale. Must run before the app is built: the API only
 * registers the console's static files when web/dist exists at that moment.
 */
export function ensureConsoleBuilt(): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-web.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`building the console failed (exit ${result.status})`);
}

/** The three screens pages are built for (STYLE.md, rule 15). */
export const SCREENS = {
  phone: { width: 390, height: 844 },
  desk: { width: 1440, height: 900 },
  wall: { width: 1920, height: 1080 },
} as const;

/**
 * Chromium with a fresh profile in a temporary --user-data-dir, removed on close; every page opens
 * at the desk's size unless `viewport` says otherwise. The console's service worker is blocked
 * unless `serviceWorkers: 'allow'`: its first visit precaches every chunk in the background,
 * which a test of something else would race on a loaded machine.
 */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number }; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'zs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? SCREENS.desk,
    serviceWorkers: options.serviceWorkers ?? 'block',
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    // The browser's own zone is not Shanghai: the console must convert times itself.
    timezoneId: 'America/New_York',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the console signed out (fresh cookies) and logs in through the form. */
export async function logIn(
  context: BrowserContext,
  base: string,
  username: string,
  password: string,
): Promise<Page> {
  await context.clearCookies();
  // A new page, so no signed-in state survives in memory from the previous user.
  const page = await context.newPage();
  for (const old of context.pages()) if (old !== page) await old.close();
  await page.goto(`${base}/#/`);
  await page.getByTestId('login-form').waitFor();
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('login-form').locator('button[type=submit]').click();
  return page;
}
