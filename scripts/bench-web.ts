// npm run bench:web [-- --runs N --check --screenshots DIR --profile phone]: cold loads of the dashboard in
// Chromium on localhost against a real server on the shipped data (time to the overview's figures, and to the
// map's 152 area paths drawn), and the gzipped size of the JS and CSS. Targets: under 1.5 s and under 300 KB
// (boundaries excluded). The phone profile (390 x 844, touch) slows the CPU 4 times and the network to 1.6 Mbps
// with 150 ms latency (Chrome DevTools' protocol), as a mid-range phone on a slow 4G: targets 1.5 s and 2.5 s.
import { Command } from 'commander';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLIENT_DIR } from '../server/paths.js';
import { findBrowser, launch } from './browser.js';
import { buildClient, clientBuildReason } from './client-build.js';
import { startShippedServer } from './bench/shipped-server.js';

const options = new Command('bench:web')
  .option('--runs <n>', 'cold loads of each page', (v) => Number(v), 5)
  .option('--check', 'exit 1 unless every load is under 1.5 s and JS+CSS under 300 KB gzipped')
  .option('--screenshots <dir>', 'also save a screenshot of every view into this folder')
  .option('--profile <name>', 'desktop (1280 x 900, unthrottled) or phone (throttled)', 'desktop')
  .parse()
  .opts<{ runs: number; check?: boolean; screenshots?: string; profile: string }>();

if (options.profile !== 'desktop' && options.profile !== 'phone') {
  console.error(`bench:web: invalid --profile: ${JSON.stringify(options.profile)} (desktop or phone)`);
  process.exit(2);
}
const phone = options.profile === 'phone';
/** A mid-range phone on a slow 4G network. */
const PHONE = { cpuSlowdown: 4, downloadBitsPerSecond: 1_600_000, latencyMs: 150 };

const LOAD_TARGET_MS = 1500;
const SIZE_TARGET_KB = 300;

/** Gzipped bytes of every JS and CSS file the build ships (source maps and index.html left out). */
function bundleSizes(): { js: number; css: number; files: number } {
  const dir = join(CLIENT_DIR, 'assets');
  const sizes = { js: 0, css: 0, files: 0 };
  for (const name of readdirSync(dir)) {
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    sizes[kind] += gzipSync(readFileSync(join(dir, name))).length;
    sizes.files += 1;
  }
  return sizes;
}

const reason = clientBuildReason();
if (reason) {
  console.error(`building the dashboard: ${reason}`);
  await buildClient();
}

const server = await startShippedServer('web');
const { port } = server;
const base = `http://127.0.0.1:${port}`;

const found = await findBrowser();
if ('missing' in found) {
  console.error(`bench:web needs a browser: ${found.missing}`);
  server.stop();
  process.exit(2);
}
console.log(`browser: ${found.source}`);
const browser = await launch(found);

interface Page {
  name: string;
  query: string;
  /** The most a load may take, in ms, on this profile. */
  target: number;
  /** Runs in the page; true once the page is usable. A function, not a string: the CSP forbids eval. */
  ready: () => boolean;
}

const PAGES: Page[] = [
  {
    name: 'overview (headline figures shown)',
    query: '',
    target: LOAD_TARGET_MS,
    ready: () => document.querySelector('[data-testid=headline-members]') !== null,
  },
  {
    name: 'map (152 area paths drawn)',
    query: '?view=map',
    target: phone ? 2500 : LOAD_TARGET_MS,
    ready: () => document.querySelectorAll('[data-testid=map] path[data-testid^="area-"]').length === 152,
  },
];

/** One cold load: a new browser context (empty cache), timed from navigation start to ready. */
async function coldLoad(page: Page): Promise<number> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 }
      : { viewport: { width: 1280, height: 900 } },
  );
  try {
    const tab = await context.newPage();
    if (phone) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: PHONE.latencyMs,
        downloadThroughput: PHONE.downloadBitsPerSecond / 8,
        uploadThroughput: PHONE.downloadBitsPerSecond / 8,
      });
    }
    await tab.goto(`${base}/${page.query}`, { waitUntil: 'commit' });
    await tab.waitForFunction(page.ready, undefined, { polling: 'raf', timeout: 30_000 });
    return await tab.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

let failed = false;
try {
  await coldLoad(PAGES[0]!); // the server's first answers fill its caches; the browser's cache is new each run
  console.log(
    `bench:web: ${options.runs} cold loads each, Chromium headless, localhost, server in its own process, ` +
      (phone
        ? `phone profile (390 x 844, CPU ${PHONE.cpuSlowdown}x slower, ${PHONE.downloadBitsPerSecond / 1e6} Mbps, ${PHONE.latencyMs} ms)`
        : 'desktop profile (1280 x 900)'),
  );
  console.log('page'.padEnd(36), 'median ms'.padStart(10), 'max ms'.padStart(8), 'target'.padStart(8));
  for (const page of PAGES) {
    const times: number[] = [];
    for (let i = 0; i < options.runs; i += 1) times.push(await coldLoad(page));
    const worst = Math.max(...times);
    const ok = worst < page.target;
    failed ||= !ok;
    console.log(
      page.name.padEnd(36),
      median(times).toFixed(0).padStart(10),
      worst.toFixed(0).padStart(8),
      `${ok ? '<' : '>='} ${page.target}`.padStart(8),
    );
  }
  const sizes = bundleSizes();
  const totalKb = (sizes.js + sizes.css) / 1024;
  const sizeOk = totalKb < SIZE_TARGET_KB;
  failed ||= !sizeOk;
  console.log(
    `gzipped JS ${(sizes.js / 1024).toFixed(1)} KB + CSS ${(sizes.css / 1024).toFixed(1)} KB = ` +
      `${totalKb.toFixed(1)} KB in ${sizes.files} files (${sizeOk ? 'under' : 'over'} ${SIZE_TARGET_KB} KB; ` +
      'boundaries come from the API and are not counted)',
  );

  if (options.screenshots) {
    mkdirSync(options.screenshots, { recursive: true });
    // The first 1,400 px of each view: long tables (152 areas) would make whole-page pictures unreadable.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
    const tab = await context.newPage();
    const views = ['overview', 'map', 'progress', 'gaps', 'area&area=921', 'registry', 'changes', 'sources'];
    for (const view of views) {
      await tab.goto(`${base}/?view=${view}`);
      await tab.locator('#app[data-status=ready]').waitFor({ state: 'attached' });
      await tab.locator('[data-testid=map]:not([data-ready=true])').waitFor({ state: 'detached' });
      const file = join(options.screenshots, `${view.replace(/&.*/, '')}.png`);
      await tab.screenshot({ path: file });
      console.log(`screenshot ${file}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
if (options.check && failed) process.exitCode = 1;
