import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';
import { importFile, type ImportRequest } from '../../server/importer/import-file.js';
import { DATA_DIR, dump } from '../helpers/db.js';

// A careless admin's two big mistakes, on the shipped registry: a one-row list for 2018-03-12 that would replace the
// 808 teaching schools, and a list dated after today. Neither is imported unless the request confirms it.

const RAW = readFileSync(join(DATA_DIR, 'teaching-schools/nctl_teaching_schools_2018-03-12_raw.csv'), 'utf8');
const ONE_ROW = Buffer.from(RAW.split('\n').slice(0, 2).join('\n') + '\n');
const TODAY = '2026-11-27';

let db: Db;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-confirm-'));
  copyFileSync(inject('shippedDb'), join(dir, 'r.sqlite'));
  db = openDatabase(join(dir, 'r.sqlite'), { create: true });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const list = (extra: Partial<ImportRequest>) =>
  importFile(db, { kind: 'teaching-schools', bytes: ONE_ROW, fileName: 'one.csv', today: TODAY, ...extra });

describe('a list that removes most of the list in force', () => {
  it('is previewed with the numbers, refused without confirmation, and imported with it', () => {
    const before = dump(db);
    const dry = list({ asAt: '2018-03-12', dryRun: true });
    expect(dry.status).toBe('dry-run');
    expect(dry.confirmations).toEqual([
      {
        code: 'removes-most',
        message: 'this list removes 807 of the 808 members in the list of 2018-03-12 (100%) and keeps 1',
      },
    ]);
    const refused = list({ asAt: '2018-03-12' });
    expect(refused.status).toBe('rejected');
    expect(refused.errors[0]!.message).toBe(
      'not imported: this list removes 807 of the 808 members in the list of 2018-03-12 (100%) and keeps 1. ' +
        'To import it anyway, confirm=removes-most',
    );
    expect(dump(db)).toEqual(before);
    const confirmed = list({ asAt: '2018-03-12', confirm: ['removes-most'] });
    expect(confirmed.status).toBe('committed');
    const kept = `SELECT count(*) FROM snapshot_members sm JOIN snapshots s ON s.id = sm.snapshot_id
      WHERE s.network_id = 'teaching-schools'`;
    expect(db.prepare(kept).pluck().get()).toBe(1);
  });

  it('needs nothing for a network’s first list, or one that keeps most members', () => {
    const half = Buffer.from(RAW.split('\n').slice(0, 500).join('\n') + '\n');
    const report = importFile(db, {
      kind: 'teaching-schools',
      bytes: half,
      fileName: 'most.csv',
      asAt: '2019-01-01',
      today: TODAY,
    });
    expect(report.status).toBe('committed');
    expect(report.confirmations).toEqual([]);
  });
});

describe('dates after today', () => {
  it('a list dated after today needs confirming', () => {
    const dry = importFile(db, {
      kind: 'teaching-schools',
      bytes: Buffer.from(RAW),
      fileName: 'all.csv',
      asAt: '2027-01-31',
      dryRun: true,
      today: TODAY,
    });
    expect(dry.confirmations).toEqual([
      { code: 'future-date', message: 'this list is dated 2027-01-31, after today (2026-11-27)' },
    ]);
    const refused = importFile(db, {
      kind: 'teaching-schools',
      bytes: Buffer.from(RAW),
      fileName: 'all.csv',
      asAt: '2027-01-31',
      today: TODAY,
    });
    expect(refused.status).toBe('rejected');
    expect(refused.errors[0]!.message).toMatch(/confirm=future-date$/);
  });

  it.each(['9999-12-31', '2027-11-28'])(
    'a date more than a year after today (%s) is refused outright',
    (asAt) => {
      const before = dump(db);
      const report = list({ asAt, confirm: ['removes-most', 'future-date'] });
      expect(report.status).toBe('rejected');
      expect(report.errors.map((e) => e.message)).toEqual([
        `as_at ${asAt} is more than a year after today (2026-11-27): is the date a mistake?`,
      ]);
      expect(dump(db)).toEqual(before);
    },
  );
});
