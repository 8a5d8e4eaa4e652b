// A real server on a copy of the shipped database, with the built dashboard, and a Chromium to drive it (the one
// vitest.config.ts found: scripts/browser.ts).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launch } from '../../scripts/browser.js';
import { clientBuildReason } from '../../scripts/client-build.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/open.js';
import { importFile } from '../../server/importer/import-file.js';
import type { ImportKind } from '../../server/importer/kinds.js';
import { startServer } from '../../server/main.js';

export interface ExtraImport {
  kind: ImportKind;
  /** A file under tests/fixtures. */
  fixture: string;
  asAt?: string;
}

export interface DashboardOptions {
  /** Turns uploads on: the server's ADMIN_TOKEN (unset, every write is off with 403). */
  adminToken?: string;
}

export interface Dashboard {
  baseUrl: string;
  /** The server's own copy of the shipped database (a test may read it to prove what changed). */
  dbPath: string;
  close: () => Promise<void>;
}

/** Serves the API and dashboard on a free port over a copy of the shipped database (plus any extra imports). */
export async function startDashboard(
  extra: ExtraImport[] = [],
  options: DashboardOptions = {},
): Promise<Dashboard> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-e2e-'));
  const dbPath = join(dir, 'registry.sqlite');
  copyFileSync(inject('shippedDb'), dbPath);
  if (extra.length > 0) {
    const db = openDatabase(dbPath);
    try {
      for (const e of extra) {
        const path = join(import.meta.dirname, '../fixtures', e.fixture);
        const report = importFile(db, {
          kind: e.kind,
          bytes: readFileSync(path),
          fileName: e.fixture,
          asAt: e.asAt ?? null,
          // A fixture replacing the shipped list outright is what the test means.
          confirm: ['removes-most', 'future-date'],
        });
        if (report.errors.length > 0)
          throw new Error(`fixture ${e.fixture}: ${JSON.stringify(report.errors)}`);
      }
    } finally {
      db.close();
    }
  }
  const stale = clientBuildReason();
  if (stale !== null)
    throw new Error(`the dashboard build is not current (${stale}): run npm run build:client`);
  const server = await startServer(
    loadConfig({ NODE_ENV: 'test', PORT: '0', DB_PATH: dbPath, ADMIN_TOKEN: options.adminToken }),
  );
  return {
    baseUrl: `http://127.0.0.1:${server.port}`,
    dbPath,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  const found = inject('browser');
  // vitest.config.ts leaves the browser tests out when it finds no browser: here there is always one.
  if (found === null) throw new Error('no browser was found for the browser tests');
  return launch(found);
}

/** A page object: made from a page and the server's address, recording the page's problems. */
type PageObject = { problems: string[] };

export interface Session {
  readonly dashboard: Dashboard;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** A new page in this test's context, as a page object of the given kind. */
  page<T extends PageObject>(Kind: new (page: Page, baseUrl: string) => T): Promise<T>;
}

/**
 * A test file's dashboard (over the shipped data and any extra imports) and browser: started before its tests,
 * closed after; each test gets a fresh browser context (1280 x 900 unless `context` says otherwise), and every
 * page it opened must end with no console error, page error or dialog.
 */
export function dashboardSession(
  extra: ExtraImport[] = [],
  options: DashboardOptions = {},
  contextOptions: BrowserContextOptions = {},
): Session {
  let dashboard: Dashboard | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const opened: PageObject[] = [];
  beforeAll(async () => {
    [dashboard, browser] = await Promise.all([startDashboard(extra, options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  });
  afterEach(async () => {
    for (const p of opened.splice(0)) expect(p.problems).toEqual([]);
    await context?.close();
  });
  return {
    get dashboard() {
      return dashboard!;
    },
    get browser() {
      return browser!;
    },
    get context() {
      return context!;
    },
    async page(Kind) {
      const p = new Kind(await context!.newPage(), dashboard!.baseUrl);
      opened.push(p);
      return p;
    },
  };
}
