import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDiff } from '../../server/analytics/snapshots.js';
import { previewHook, type PreviewedReport } from '../../server/upload/preview.js';
import { DATA_DIR, dump, FIXTURES, importPath, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

// The preview of a list's import, computed inside the import's transaction, on a real SQLite file. The fixtures:
// 2014 (Alpha, Beta in Camden; Gamma in Lambeth), 2015 (Alpha left; Gamma moved to East Alliance; Delta joined in
// the Isle of Wight), 2016 (Gamma left, so Lambeth is lost; Beta moved to East Alliance; Epsilon joined in the
// Isle of Wight; Zeta joined in Kent, which is gained).

let t: ReturnType<typeof tempDatabase>;
afterEach(() => t.cleanup());

const list = (name: string) => join(FIXTURES, 'networks', name);

function registry(...lists: [string, string][]) {
  t = tempDatabase();
  loadCouncilAreas(t.db);
  for (const [name, asAt] of lists) importPath(t.db, 'teaching-schools', list(name), { asAt });
}

function preview(name: string, asAt: string, dryRun = true) {
  const report = importPath(t.db, 'teaching-schools', list(name), {
    asAt,
    dryRun,
    inTransaction: previewHook,
  }) as PreviewedReport;
  expect(report.errors).toEqual([]);
  return report;
}

const member = (key: string, name: string, la: string, area: string, group: string) => ({
  member_key: key,
  name,
  la_code: la,
  la_name: area,
  serves: [area],
  group_name: group,
});

/** What the 2016 list changes against the 2015 one, whichever way it is compared. */
const FROM_2015_TO_2016 = {
  members: { from: 3, to: 4 },
  joiners: [
    member('100004', 'Epsilon School', '921', 'Isle of Wight', 'South Alliance'),
    member('100005', 'Zeta School', '886', 'Kent', 'Kent Alliance'),
  ],
  leavers: [member('100002', 'Gamma School', '208', 'Lambeth', 'East Alliance')],
  group_moves: [
    { member_key: '100001', name: 'Beta Academy', from_group: 'North Alliance', to_group: 'East Alliance' },
  ],
  area_changes: [
    { la_code: '208', name: 'Lambeth', from_members: 1, to_members: 0, change: -1, coverage: 'lost' },
    { la_code: '886', name: 'Kent', from_members: 0, to_members: 1, change: 1, coverage: 'gained' },
    { la_code: '921', name: 'Isle of Wight', from_members: 1, to_members: 2, change: 1, coverage: null },
  ],
  council_areas_covered: { from: 3, to: 3 },
  hubs: null,
};

describe('the import preview', () => {
  it('lists joiners, leavers, group moves and areas gained, lost and changed, and a dry run writes nothing', () => {
    registry(['teaching-schools-2014.csv', '2014-05-26'], ['teaching-schools-2015.csv', '2015-05-01']);
    const before = dump(t.db);
    const report = preview('teaching-schools-2016.csv', '2016-01-01');
    expect(report.status).toBe('dry-run');
    expect(report.preview).toEqual({
      network: 'teaching-schools',
      as_at: '2016-01-01',
      compared_with: '2015-05-01',
      next_list: null,
      against_next: null,
      ...FROM_2015_TO_2016,
    });
    expect(report.preview?.compared_with).toBe(report.changes?.compared_with);
    expect(dump(t.db)).toEqual(before);
  });

  it('compares a corrected list with the one it replaces, though the import has deleted that one', () => {
    registry(['teaching-schools-2014.csv', '2014-05-26'], ['teaching-schools-2015.csv', '2015-05-01']);
    const report = preview('teaching-schools-2016.csv', '2015-05-01');
    expect(report.changes?.compared_with).toBe('2015-05-01');
    expect(report.preview).toMatchObject({
      as_at: '2015-05-01',
      compared_with: '2015-05-01',
      ...FROM_2015_TO_2016,
    });
  });

  it('compares a list dated between two others with the earlier, and names the later one', () => {
    registry(['teaching-schools-2014.csv', '2014-05-26'], ['teaching-schools-2015.csv', '2015-05-01']);
    const report = preview('teaching-schools-2016.csv', '2015-01-01');
    expect(report.preview).toMatchObject({ compared_with: '2014-05-26', next_list: '2015-05-01' });
    expect(report.preview?.leavers.map((m) => m.name)).toEqual(['Alpha Primary School', 'Gamma School']);
  });

  it("makes every member of a network's first list a joiner, and every area it covers gained", () => {
    registry();
    const report = preview('teaching-schools-2014.csv', '2014-05-26');
    expect(report.preview).toMatchObject({
      compared_with: null,
      members: { from: 0, to: 3 },
      leavers: [],
      group_moves: [],
      area_changes: [
        { la_code: '202', name: 'Camden', from_members: 0, to_members: 2, change: 2, coverage: 'gained' },
        { la_code: '208', name: 'Lambeth', from_members: 0, to_members: 1, change: 1, coverage: 'gained' },
      ],
      council_areas_covered: { from: 0, to: 2 },
    });
    expect(report.preview?.joiners.map((m) => m.name)).toEqual([
      'Alpha Primary School',
      'Beta Academy',
      'Gamma School',
    ]);
  });

  it('goes with a committed import too, and says what the list diff says once it is committed', () => {
    registry(['teaching-schools-2014.csv', '2014-05-26'], ['teaching-schools-2015.csv', '2015-05-01']);
    const report = preview('teaching-schools-2016.csv', '2016-01-01', false);
    expect(report.status).toBe('committed');
    expect(report.preview).toMatchObject(FROM_2015_TO_2016);
    const {
      network: _,
      from: _from,
      to: _to,
      // Said of the two dates asked, which a preview has not: whether one list answers both.
      same_list: _same,
      note: _note,
      ...diff
    } = snapshotDiff(t.db, {
      network: 'teaching-schools',
      from: '2015-05-01',
      to: '2016-01-01',
    });
    const {
      network: _n,
      as_at: _a,
      compared_with: _c,
      next_list: _l,
      against_next: _next,
      members: _m,
      ...previewed
    } = report.preview!;
    expect(previewed).toEqual(diff);
  });

  it('is null for kinds that are not network lists', () => {
    registry();
    const report = importPath(t.db, 'metrics', join(DATA_DIR, 'reference/metrics.csv'), {
      dryRun: true,
      inTransaction: previewHook,
    });
    expect(report.status).toBe('dry-run');
    expect(report.preview).toBeNull();
  });
});
