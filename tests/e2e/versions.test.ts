// The dashboard's reads name the data version (v), so that every cache may keep their answers for a year; when the
// data changes under an open page, the server sends its next reads on to the new version and the page says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open.js';
import { importFile } from '../../server/importer/import-file.js';
import { dashboardSession } from './harness.js';
import { OverviewPage } from './pages/overview-page.js';

const session = dashboardSession();

function importFixture(fixture: string, asAt: string): void {
  const db = openDatabase(session.dashboard.dbPath);
  try {
    const bytes = readFileSync(join(import.meta.dirname, '../fixtures', fixture));
    // A fixture replacing the shipped list outright is what the test means.
    const confirm = ['removes-most' as const];
    const report = importFile(db, { kind: 'teaching-schools', bytes, fileName: fixture, asAt, confirm });
    expect(report.errors).toEqual([]);
  } finally {
    db.close();
  }
}

describe('reads pinned to the data version', () => {
  it('names v in every read, answered immutable; after an import the page moves to the new data and says so', async () => {
    const overview = await session.page(OverviewPage);
    const reads: Response[] = [];
    overview.page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/v1/')) reads.push(res);
    });
    await overview.openOverview();
    const v = (await (await fetch(`${session.dashboard.baseUrl}/api/v1/version`)).json()).v as string;
    const pinned = reads.filter((r) => !r.url().includes('/api/v1/version'));
    expect(pinned.length).toBeGreaterThan(2);
    for (const res of pinned) {
      expect(new URL(res.url()).searchParams.get('v'), res.url()).toBe(v);
      const judgedToday = /\/progress\?(?!.*as_at)/.test(res.url());
      expect(res.headers()['cache-control'], res.url()).toMatch(
        judgedToday ? /^public, max-age=\d+$/ : /^public, max-age=31536000, immutable$/,
      );
    }
    const versionBefore = await overview.byTestId('data-version').innerText();

    importFixture('networks/teaching-schools-2014.csv', '2018-04-01');
    reads.length = 0;
    await overview.navigate('gaps');
    await overview.byTestId('stale-link').waitFor();
    await overview.settled();
    expect(reads.some((r) => r.status() === 307)).toBe(true);
    expect(await overview.byTestId('data-version').innerText()).not.toBe(versionBefore);
    expect(overview.param('v')).not.toBe(v);
    expect(overview.problems).toEqual([]);
  });
});
