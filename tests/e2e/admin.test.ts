// The Admin view against a real server with ADMIN_TOKEN set, on its own copy of the shipped database, under the
// real CSP: a dry run shows the report and changes nothing; a bad file shows every bad value; a wrong token is
// refused in words; the right token commits; the token stays in the tab's sessionStorage only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHANGE_FILLS } from '../../client/src/map/change-scale.js';
import { openDatabase } from '../../server/db/open.js';
import { registryTables } from '../api/write-helpers.js';
import { launchBrowser, startDashboard, type Dashboard } from './harness.js';
import { AdminPage } from './pages/admin-page.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TOKEN = 'e2e-admin-token-0123456789';
const EVIL = '<img src=x onerror=alert(1)>';
const GOOD = 'networks/teaching-schools-2014.csv';

let dashboard: Dashboard;
let browser: Browser;
let context: BrowserContext;
const opened: AdminPage[] = [];

beforeAll(async () => {
  [dashboard, browser] = await Promise.all([startDashboard([], { adminToken: TOKEN }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterEach(async () => {
  for (const p of opened.splice(0)) expect(p.problems).toEqual([]);
  await context.close();
});

async function adminPage(): Promise<AdminPage> {
  const p = new AdminPage(await context.newPage(), dashboard.baseUrl);
  opened.push(p);
  await p.openAdmin();
  return p;
}

function tables(dbPath = dashboard.dbPath): Record<string, unknown[]> {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    return registryTables(db);
  } finally {
    db.close();
  }
}

describe('Admin view', () => {
  it('a dry run of a good file shows the counts and the joiners and leavers, and changes nothing', async () => {
    const before = tables();
    const admin = await adminPage();
    await admin.fill({ file: GOOD, kind: 'teaching-schools', asAt: '2018-04-01', token: TOKEN });
    await admin.dryRun();
    expect(await admin.report.getAttribute('data-status')).toBe('dry-run');
    const summary = await admin.byTestId('admin-summary').innerText();
    expect(summary).toMatch(/Rows read\s+3/);
    expect(summary).toMatch(/Valid rows\s+3/);
    expect(summary).toMatch(/Errors\s+0/);
    expect(await admin.byTestId('preview-summary').innerText()).toContain(
      'Compared with the list as at 12 March 2018: 3 teaching schools would join, 808 would leave',
    );
    const joiners = (await admin.tableRows('admin-joiners')).map((r) => r[1]);
    expect(joiners).toEqual(expect.arrayContaining(['100000', '100001', '100002']));
    expect((await admin.tableRows('admin-leavers')).length).toBe(808);
    await admin.byTestId('admin-confirm').waitFor();
    expect(tables()).toEqual(before);
  });

  it('a bad file shows every bad value with its row and column, offers no commit, and writes nothing', async () => {
    const before = tables();
    const admin = await adminPage();
    const bad = `${readFileSync(new URL('../fixtures/networks/teaching-schools-two-bad-rows.csv', import.meta.url), 'utf8').trimEnd()}\n${EVIL},Evil School,Evil Alliance,Camden\n`;
    await admin.fill({
      file: { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) },
      kind: 'teaching-schools',
      asAt: '2018-04-01',
      token: TOKEN,
    });
    await admin.dryRun();
    expect(await admin.report.getAttribute('data-status')).toBe('rejected');
    const rows = await admin.tableRows('admin-errors');
    const values = rows.map((r) => r[2]);
    expect(values).toEqual(expect.arrayContaining(['12x4', 'Bristoll', EVIL]));
    for (const row of rows) expect(Number(row[0])).toBeGreaterThan(1);
    expect(await admin.byTestId('admin-commit').count()).toBe(0);
    expect(await admin.page.locator('img[src=x]').count()).toBe(0);
    expect(tables()).toEqual(before);
  });

  it('a wrong token is refused in words, on the token field, and nothing is written', async () => {
    const before = tables();
    const admin = await adminPage();
    await admin.fill({ file: GOOD, kind: 'teaching-schools', asAt: '2018-04-01', token: `${TOKEN}x` });
    await admin.dryRun();
    expect(await admin.refused.innerText()).toContain('The token is not the admin token');
    expect(await admin.page.locator('.govuk-error-message:not([hidden])').innerText()).toContain(
      'The token is not the admin token',
    );
    expect(tables()).toEqual(before);
    // Chromium logs every 4xx answer to the console: this one is expected, and the only one.
    expect(admin.problems.splice(0)).toEqual([
      'console: Failed to load resource: the server responded with a status of 403 (Forbidden)',
    ]);
  });

  it('works from the keyboard: missing choices are listed, their links move focus, Enter runs the check', async () => {
    const admin = await adminPage();
    await admin.byTestId('admin-dry-run').focus();
    await admin.page.keyboard.press('Enter');
    const problems = admin.byTestId('admin-form-problems');
    expect(await problems.locator('li').allInnerTexts()).toEqual([
      'Choose a file',
      'Choose what the file is',
      'Enter the admin token',
    ]);
    await problems.getByText('Choose what the file is').focus();
    await admin.page.keyboard.press('Enter');
    expect(await admin.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'admin-kind',
    );
    await admin.fill({ file: GOOD, kind: 'teaching-schools', asAt: '2018-04-01', token: TOKEN });
    await admin.tokenInput.press('Enter');
    await admin.page.locator('[data-testid=admin-result][aria-busy=false]').waitFor();
    expect(await admin.report.getAttribute('data-status')).toBe('dry-run');
    expect(await admin.byTestId('admin-form-problems').count()).toBe(0);
  });

  it('keeps the token in the tab only: never in the URL or localStorage, and gone in a new tab session', async () => {
    const admin = await adminPage();
    await admin.tokenInput.fill(TOKEN);
    const stored = await admin.page.evaluate(() => ({
      session: sessionStorage.getItem('registry-admin-token'),
      local: JSON.stringify({ ...localStorage }),
    }));
    expect(stored.session).toBe(TOKEN);
    expect(stored.local).not.toContain(TOKEN);
    await admin.page.reload();
    await admin.settled();
    expect(await admin.tokenInput.inputValue()).toBe(TOKEN);
    expect(admin.page.url()).not.toContain(TOKEN);
    const other = new AdminPage(await (await browser.newContext()).newPage(), dashboard.baseUrl);
    await other.openAdmin();
    expect(await other.tokenInput.inputValue()).toBe('');
    await other.page.context().close();
  });

  it('has no serious or critical axe violation with a report on the page', async () => {
    // axe is an inline script, which the CSP refuses: only this test bypasses it.
    const axeContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    try {
      const admin = new AdminPage(await axeContext.newPage(), dashboard.baseUrl);
      await admin.openAdmin();
      expect(await admin.seriousViolations(AXE)).toEqual([]);
      await admin.fill({
        file: 'networks/teaching-schools-two-bad-rows.csv',
        kind: 'teaching-schools',
        asAt: '2018-04-01',
        token: TOKEN,
      });
      await admin.dryRun();
      await admin.errors.waitFor();
      expect(await admin.seriousViolations(AXE)).toEqual([]);
      expect(admin.problems).toEqual([]);
    } finally {
      await axeContext.close();
    }
  });

  // Last: it changes the data the other tests compare against.
  it('commits with the right token; the page then shows the new data version, and Data & sources the import', async () => {
    const admin = await adminPage();
    await admin.fill({ file: GOOD, kind: 'teaching-schools', asAt: '2018-04-01', token: TOKEN });
    await admin.dryRun();
    const versionBefore = await admin.byTestId('data-version').innerText();
    // Three schools in place of 808: the page says so with the numbers, and imports only once that is ticked.
    expect(await admin.byTestId('admin-needs-confirming').innerText()).toContain(
      'This list removes 808 of the 808 members in the list of 2018-03-12 (100%) and keeps 0.',
    );
    expect(await admin.byTestId('admin-commit').isDisabled()).toBe(true);
    await admin.byTestId('admin-confirm-check').check();
    await admin.commit();
    const committed = await admin.byTestId('admin-committed').innerText();
    const importId = /import #(\d+)/.exec(committed)?.[1];
    expect(importId).toBeDefined();
    expect(await admin.report.getAttribute('data-status')).toBe('committed');
    // The page now speaks of the new data: the version shown, and the figures other views load without a reload.
    expect(await admin.byTestId('data-version').innerText()).not.toBe(versionBefore);
    expect(await admin.byTestId('admin-sources-link').getAttribute('href')).toBe('?view=sources');
    await admin.navigate('sources');
    expect(await admin.byTestId('imports-table').innerText()).toContain('teaching-schools-2014.csv');
  }, 60_000); // a dry run and a commit, each through the import thread
});

describe('Admin view: the preview of a list on the map', () => {
  // The shipped data plus the 2015 fixture as the list in force from 2019; the 2016 fixture against it: Epsilon
  // and Zeta join, Gamma leaves, Beta moves group; Kent gains coverage, Lambeth loses it, the Isle of Wight gets
  // one more; Camden keeps its one.
  let server: Dashboard;
  const LIST = 'networks/teaching-schools-2016.csv';
  beforeAll(async () => {
    server = await startDashboard(
      [{ kind: 'teaching-schools', fixture: 'networks/teaching-schools-2015.csv', asAt: '2019-01-01' }],
      { adminToken: TOKEN },
    );
  });
  afterAll(() => server?.close());

  async function previewPage(browserContext: BrowserContext): Promise<AdminPage> {
    const admin = new AdminPage(await browserContext.newPage(), server.baseUrl);
    await admin.openAdmin();
    await admin.fill({ file: LIST, kind: 'teaching-schools', asAt: '2019-06-01', token: TOKEN });
    await admin.dryRun();
    await admin.previewMapReady();
    return admin;
  }

  it('colours the areas gaining, losing and changing, with a legend, the tables, and changes nothing', async () => {
    const before = tables(server.dbPath);
    const admin = await previewPage(context);
    opened.push(admin);
    expect(await admin.byTestId('preview-summary').innerText()).toBe(
      'Compared with the list as at 1 January 2019: 2 teaching schools would join, 1 would leave and 1 would ' +
        'move group. Council areas covered: 3 before, 3 after (1 area gaining coverage, 1 losing it).',
    );
    expect(await admin.page.locator('[data-testid=preview-map] path[data-testid^="area-"]').count()).toBe(
      152,
    );
    const fills = Object.fromEntries(
      await Promise.all(
        ['886', '208', '921', '202'].map(async (code) => [code, await admin.area(code).getAttribute('fill')]),
      ),
    );
    expect(fills).toEqual({
      '886': CHANGE_FILLS.gained,
      '208': CHANGE_FILLS.lost,
      '921': CHANGE_FILLS.more,
      '202': CHANGE_FILLS.unchanged,
    });
    expect(await admin.area('886').getAttribute('aria-label')).toBe(
      'Kent: coverage gained: 0 to 1 teaching school. Select to keep its change in view.',
    );
    await admin.area('208').click();
    expect(await admin.byTestId('preview-info').innerText()).toBe(
      'Lambeth: coverage lost: 1 to 0 teaching schools',
    );
    expect(await admin.byTestId('preview-legend').locator('li').allInnerTexts()).toEqual([
      'Coverage gained (no teaching school before): 1',
      'Coverage lost (no teaching school after): 1',
      'More teaching schools, still covered: 1',
      'Fewer teaching schools, still covered: 0',
      'No change',
    ]);
    expect(await admin.preview.locator('.leaflet-control-attribution').innerText()).toContain('OGL v3.0');
    expect(await admin.tableRows('admin-areas')).toEqual([
      ['Lambeth', '208', '1', '0', '-1', 'lost'],
      ['Kent', '886', '0', '1', '+1', 'gained'],
      ['Isle of Wight', '921', '1', '2', '+1', 'kept'],
    ]);
    expect((await admin.tableRows('admin-joiners')).map((r) => r[0])).toEqual([
      'Epsilon School',
      'Zeta School',
    ]);
    expect(await admin.tableRows('admin-leavers')).toEqual([
      ['Gamma School', '100002', 'East Alliance', 'Lambeth'],
    ]);
    expect(await admin.tableRows('admin-moves')).toEqual([
      ['Beta Academy', '100001', 'North Alliance', 'East Alliance'],
    ]);
    expect(tables(server.dbPath)).toEqual(before);
  });

  it('has no serious or critical axe violation with the preview and its map on the page', async () => {
    const axeContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    try {
      const admin = await previewPage(axeContext);
      expect(await admin.seriousViolations(AXE)).toEqual([]);
      expect(admin.problems).toEqual([]);
    } finally {
      await axeContext.close();
    }
  });

  it('after the commit, shows what the import changed on a fresh map', async () => {
    const admin = await previewPage(context);
    opened.push(admin);
    await admin.commit();
    expect(await admin.report.getAttribute('data-status')).toBe('committed');
    await admin.previewMapReady();
    expect(await admin.preview.locator('h3').innerText()).toBe('What the import changed');
    expect(await admin.area('886').getAttribute('fill')).toBe(CHANGE_FILLS.gained);
    expect(await admin.page.locator('[data-testid=preview-map]').count()).toBe(1);
  });
});

describe('Admin view on a server without ADMIN_TOKEN', () => {
  it('says uploads are turned off', async () => {
    const readOnly = await startDashboard();
    const page = new AdminPage(await browser.newPage(), readOnly.baseUrl);
    try {
      await page.openAdmin();
      await page.fill({ file: GOOD, kind: 'teaching-schools', token: TOKEN });
      await page.dryRun();
      expect(await page.refused.innerText()).toContain('Uploads are turned off on this server');
      expect(page.problems).toEqual([
        'console: Failed to load resource: the server responded with a status of 403 (Forbidden)',
      ]);
    } finally {
      await page.page.close();
      await readOnly.close();
    }
  });
});
