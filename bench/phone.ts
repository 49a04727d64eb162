// Phone cold-load benchmark: the resident's home (首页) opened in headless Chromium at 390×844 on a
// cold cache (a new browser context each run, no service worker), against the demo world with its
// work orders served by the real app on 127.0.0.1. Prints:
//
//   phone-cold-load [chromium]: from navigation to the home showing the resident's reports, next to
//     the 2,000 ms the issue sets (ratio = limit ÷ ours);
//   phone-cold-load-floor [chromium]: the least a page of that size costs here, measured in the same
//     run: one static HTML page of the same number of bytes served by the same server, to its load;
//   phone-bundle: what the home loaded (scripts, styles, bytes), and whether any map code came with it.
//
//   npm run bench:phone [-- --runs 7]      (about a minute; builds web/dist first when it is stale)
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { CHROMIUM, CHROMIUM_FLAGS, ROOT, SCREENS } from '../test/helpers/browser.ts';
import { startDemoConsole } from '../test/helpers/demo-console.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 7);
const LIMIT_MS = 2000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
/** Chunks that belong to the desk's maps: none of them may come with a phone's home. */
const MAP_CODE = /maplibre|basemap|MapView|MapPage|OrderMapPage|PlaybackPage|DashboardPage/;

interface Loaded {
  ms: number;
  bytes: number;
  files: { url: string; bytes: number }[];
}

/** A fresh context: empty HTTP cache, no service worker, the resident's session cookie. */
async function coldContext(browser: Browser, base: string, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: SCREENS.phone,
    serviceWorkers: 'block',
    locale: 'zh-CN',
    deviceScaleFactor: 1,
  });
  await context.addCookies([{ name: 'zs_session', value: token, url: base }]);
  return context;
}

/** Opens `url` in a cold context and waits for `ready`; counts every response body it received. */
async function load(
  browser: Browser,
  base: string,
  token: string,
  url: string,
  ready: string,
): Promise<Loaded> {
  const context = await coldContext(browser, base, token);
  try {
    const page = await context.newPage();
    const files: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push(
        response
          .body()
          .then((body) => {
            files.push({ url: response.url(), bytes: body.length });
          })
          .catch(() => {}),
      );
    });
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    const ms = performance.now() - start;
    await Promise.all(pending);
    return { ms, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-web.mjs')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the console failed');
  // The static route knows the files present when the server starts: the floor's file is there
  // from the start, and filled once the home's size is known.
  const floorFile = path.join(ROOT, 'web/dist', `bench-floor-${process.pid}.html`);
  writeFileSync(floorFile, '<!doctype html><p id="ready">ready</p>');
  const demo = await startDemoConsole({ orders: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const session = await demo.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'resident', password: DEMO_PASSWORD },
    });
    if (session.statusCode !== 200) throw new Error(`login failed: ${session.body}`);
    const token: string = session.json().token;
    const home = `${demo.base}/#/home`;
    const ready = '[data-testid=home][data-role=resident] [data-testid=home-my-reports][aria-busy=false]';

    // One warm-up of the server (its first requests compile routes), then alternating rounds.
    await load(browser, demo.base, token, home, ready);
    const first = await load(browser, demo.base, token, home, ready);
    // The floor: one HTML file as large as everything the home loaded, from the same static route.
    const filler = 'x'.repeat(Math.max(0, first.bytes - 200));
    writeFileSync(
      floorFile,
      `<!doctype html><html><body><p id="ready">ready</p><!--${filler}--></body></html>`,
    );
    const floorUrl = `${demo.base}/${path.basename(floorFile)}`;
    const ours: number[] = [first.ms];
    const floor: number[] = [];
    let floorBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const f = await load(browser, demo.base, token, floorUrl, '#ready');
      floor.push(f.ms);
      floorBytes = f.bytes;
      if (ours.length < RUNS) ours.push((await load(browser, demo.base, token, home, ready)).ms);
    }

    const scripts = first.files.filter((f) => /\.(m?js)(\?|$)/.test(f.url));
    const styles = first.files.filter((f) => /\.css(\?|$)/.test(f.url));
    const mapFiles = first.files.filter((f) => MAP_CODE.test(f.url));
    const kb = (n: number) => (n / 1024).toFixed(1);
    const value = median(ours);
    const floorValue = median(floor);
    console.log(
      `phone-cold-load [chromium]: ${value.toFixed(0)} ms; raw limit ${LIMIT_MS} ms; ratio ${(LIMIT_MS / value).toFixed(2)}`,
    );
    console.log(
      `phone-cold-load-floor [chromium]: ${floorValue.toFixed(0)} ms (one static HTML page of ${kb(floorBytes)} KiB from the same server); ours ÷ floor ${(value / floorValue).toFixed(1)}`,
    );
    console.log(
      `phone-bundle: ${scripts.length} scripts ${kb(scripts.reduce((s, f) => s + f.bytes, 0))} KiB, ${styles.length} stylesheets ${kb(styles.reduce((s, f) => s + f.bytes, 0))} KiB, ${kb(first.bytes)} KiB in all (${first.files.length} responses); map code loaded: ${mapFiles.length === 0 ? 'none' : mapFiles.map((f) => path.basename(new URL(f.url).pathname)).join(', ')}`,
    );
    if (process.argv.includes('--files')) {
      for (const f of [...first.files].sort((a, b) => b.bytes - a.bytes))
        console.log(`  ${kb(f.bytes).padStart(8)} KiB  ${new URL(f.url).pathname}`);
    }
    console.log(
      `runs: ${ours.map((x) => x.toFixed(0)).join(', ')} ms; floor ${floor.map((x) => x.toFixed(0)).join(', ')} ms`,
    );
  } finally {
    rmSync(floorFile, { force: true });
    await browser.close();
    await demo.close();
  }
}

await main();
