// The dashboard's reads name the data version (v), so that every cache may keep their answers for a year; after an
// import a link made before still shows its own version's figures (issue 28), saying that newer data exists.
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
  it('names v in every read; after an import a link keeps its figures and says newer data exists, as the API does', async () => {
    const overview = await session.page(OverviewPage);
    const reads: Response[] = [];
    overview.page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/v1/')) reads.push(res);
    });
    await overview.openOverview();
    const v = (await (await fetch(`${session.dashboard.baseUrl}/api/v1/version`)).json()).v as string;
    // Two reads are asked before the page knows its version, side by side: the version, and the networks on it
    // (answered with the version they were made on); every other read names it.
    const early = reads.filter((r) => /\/api\/v1\/networks$/.test(r.url()));
    expect(early.map((r) => r.headers()['x-data-version'])).toEqual([v]);
    const pinned = reads.filter((r) => !/\/api\/v1\/versions?\b/.test(r.url()) && !early.includes(r));
    expect(pinned.length).toBeGreaterThan(2);
    expect(pinned.some((r) => /\/api\/v1\/networks\?v=/.test(r.url()))).toBe(false);
    for (const res of pinned) {
      expect(new URL(res.url()).searchParams.get('v'), res.url()).toBe(v);
      // The current version: kept a minute, then revalidated (its answers gain a note once it is replaced).
      expect(res.headers()['cache-control'], res.url()).toMatch(/^public, max-age=([1-9]|[1-5]\d|60)$/);
    }
    const link = overview.page.url();
    expect(overview.param('v')).toBe(v);
    const membersBefore = await overview.members.innerText();
    expect(await overview.byTestId('newer-data').count()).toBe(0);

    importFixture('networks/teaching-schools-2014.csv', '2018-04-01');
    const current = (await (await fetch(`${session.dashboard.baseUrl}/api/v1/version`)).json()).v as string;
    expect(current).not.toBe(v);

    // The link as published, opened again (as a reader of the article would): the same figures, and a line
    // saying that newer data exists, with a link to the same view on it.
    const again = await session.page(OverviewPage);
    await again.page.goto(link);
    await again.members.waitFor();
    await again.settled();
    expect(again.param('v')).toBe(v);
    expect(await again.members.innerText()).toBe(membersBefore);
    const note = await again.byTestId('newer-data').innerText();
    expect(note).toMatch(/Data as of \d{1,2} \w+ \d{4} \(import \d+\)\. Newer data: \d{1,2} \w+ \d{4}/);
    // The same words as the API's answer on that version, in its provenance.
    const pinnedAnswer = await (await fetch(`${session.dashboard.baseUrl}/api/v1/networks?v=${v}`)).json();
    expect(note).toContain(`${pinnedAnswer.provenance.note}.`);
    // The same link embedded (?embed=1, as the share control and oEmbed give it): one line, the same words.
    const embedded = await session.page(OverviewPage);
    await embedded.page.goto(`${link}&embed=1`);
    await embedded.byTestId('newer-data').waitFor();
    await embedded.settled();
    expect(embedded.param('v')).toBe(v);
    expect(await embedded.byTestId('newer-data').innerText()).toMatch(
      /^Data as of \d{1,2} \w+ \d{4} \(import \d+\)\. Newer data: .+ Show this view with the newer data$/,
    );

    await again.byTestId('newer-data-link').click();
    await again.page.waitForURL((url) => url.searchParams.get('v') === current);
    await again.members.waitFor();
    await again.settled();
    expect(await again.byTestId('newer-data').count()).toBe(0);
  });
});
