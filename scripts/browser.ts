// Finds a Chromium that runs here, for the browser tests and bench:web: CHROMIUM_PATH, then a system Chromium or
// Chrome, then the one inside the @sparticuz/chromium devDependency (from the npm registry alone, Linux x64).
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { executable } from './executable.js';

export interface BrowserFound {
  executablePath: string;
  /** Where it was found, for the one line a test run prints. */
  source: string;
  /** Extra environment for the browser process (the npm package's own copies of libraries a bare system lacks). */
  env: Record<string, string>;
}

export interface BrowserMissing {
  /** Why none could run, and how to fix it, in one line. */
  missing: string;
}

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

// The flags every launch needs here: no sandbox (tests may run as root), and no calls home (the network is closed).
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Unpacks a .tar.br into a directory with the system's tar (every Linux has one); once. */
function unpackTarBrotli(archive: string, into: string): Promise<void> {
  if (existsSync(join(into, '.unpacked'))) return Promise.resolve();
  mkdirSync(into, { recursive: true });
  return new Promise((resolve, reject) => {
    const tar = spawn('sh', ['-c', 'tar -x -C "$1" && touch "$1/.unpacked"', 'sh', into], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    tar.on('error', reject);
    tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar exited with ${code}`))));
    createReadStream(archive).on('error', reject).pipe(createBrotliDecompress()).pipe(tar.stdin);
  });
}

// A devDependency: named in a variable so that a bundler reading this file does not insist on it.
const NPM_CHROMIUM = '@sparticuz/chromium';

/**
 * The Chromium inside @sparticuz/chromium, unpacked to the temp directory, with the libraries it brings for systems
 * that lack them (NSS, NSPR, expat) and its fonts. Null when the package is not installed or not for this system.
 */
async function npmChromium(): Promise<BrowserFound | null> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(NPM_CHROMIUM);
  } catch {
    return null;
  }
  const { default: Chromium } = (await import(NPM_CHROMIUM)) as typeof import('@sparticuz/chromium');
  const executablePath = await Chromium.executablePath();
  const bin = join(dirname(entry), '../../bin');
  const libraries = join(tmpdir(), 'sparticuz-al2023');
  await unpackTarBrotli(join(bin, 'al2023.tar.br'), libraries);
  const systemPath = process.env.LD_LIBRARY_PATH;
  return {
    executablePath,
    source: '@sparticuz/chromium (npm)',
    env: {
      // The package's own NSS, NSPR and expat, built for this browser: a bare system has none of them.
      LD_LIBRARY_PATH: [join(libraries, 'lib'), systemPath].filter(Boolean).join(':'),
      FONTCONFIG_PATH: join(tmpdir(), 'fonts'),
    },
  };
}

/** Launches a browser found by findBrowser, headless. */
export function launch(found: BrowserFound): Promise<Browser> {
  return chromium.launch({
    executablePath: found.executablePath,
    args: BROWSER_ARGS,
    env: { ...process.env, ...found.env } as Record<string, string>,
  });
}

/** Does it start and render a page? A file that exists may still not run (a snap shim, missing libraries). */
async function runs(found: BrowserFound): Promise<string | null> {
  try {
    const browser = await launch(found);
    try {
      const page = await browser.newPage();
      await page.setContent('<p>ok</p>');
      return (await page.textContent('p')) === 'ok' ? null : 'it did not render a page';
    } finally {
      await browser.close();
    }
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'it did not start';
  }
}

/** The first browser that runs, in the order above, or why there is none. */
export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
): Promise<BrowserFound | BrowserMissing> {
  const tried: string[] = [];
  const candidates: (() => Promise<BrowserFound | null>)[] = [];
  if (env.CHROMIUM_PATH) {
    const path = env.CHROMIUM_PATH;
    // Named on purpose: a wrong path is an answer, not a reason to look elsewhere.
    if (!executable(path)) return { missing: `CHROMIUM_PATH=${path} is not an executable file` };
    candidates.push(async () => ({ executablePath: path, source: 'CHROMIUM_PATH', env: {} }));
  } else {
    for (const path of SYSTEM_BROWSERS) {
      if (executable(path)) candidates.push(async () => ({ executablePath: path, source: path, env: {} }));
    }
    candidates.push(npmChromium);
  }
  for (const candidate of candidates) {
    let found: BrowserFound | null;
    try {
      found = await candidate();
    } catch (error) {
      tried.push(`@sparticuz/chromium: ${(error as Error).message}`);
      continue;
    }
    if (!found) continue;
    const failure = await runs(found);
    if (failure === null) return found;
    tried.push(`${found.source}: ${failure}`);
  }
  const why =
    tried.length > 0
      ? tried.join('; ')
      : 'no system Chromium or Chrome, and @sparticuz/chromium is not installed';
  return {
    missing: `${why}. Fix: npm install (brings @sparticuz/chromium on Linux x64), or apt-get install -y chromium, or set CHROMIUM_PATH`,
  };
}
