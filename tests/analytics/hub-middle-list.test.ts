import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../server/analytics/members.js';
import { snapshotDiff } from '../../server/analytics/snapshots.js';
import { previewHook, type PreviewedReport } from '../../server/upload/preview.js';
import { DATA_DIR, dump, FIXTURES, importPath, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

// A hub list dated between the two real ones, imported after them: made up from the 2021 list (so it has URNs),
// with Tendring moved from EENEL2 (Alpha) to EENEL1 (Saffron), Central London split (NWLSC3 keeps four boroughs,
// a new NWLSC11 led by the same school takes two), WM2 (Shropshire, Telford and Wrekin) gone, Leeds renamed
// 'Leeds Teaching Hub', and Spencer (EMH9) led by another school (URN 112595, which led EMH3 in 2021).

const t = tempDatabase();
afterAll(() => t.cleanup());
const MIDDLE = join(FIXTURES, 'networks/hubs-2023-made-up.csv');

beforeAll(() => {
  loadCouncilAreas(t.db);
  importPath(
    t.db,
    'establishments',
    join(DATA_DIR, 'establishments/gias_open_establishments_2018-03-12.csv'),
    {
      asAt: '2018-03-12',
    },
  );
  importPath(t.db, 'hubs', join(DATA_DIR, 'hubs/tsh_list_by_area_2021.csv'), { asAt: '2021-09-01' });
  importPath(t.db, 'hubs', join(DATA_DIR, 'hubs/teaching_school_hubs_2025-09-30.csv'), {
    asAt: '2025-09-30',
  });
});

const importMiddle = (dryRun: boolean) =>
  importPath(t.db, 'hubs', MIDDLE, {
    asAt: '2023-09-01',
    dryRun,
    inTransaction: previewHook,
  }) as PreviewedReport;

const summarise = (changes: NonNullable<PreviewedReport['preview']>['hubs']) =>
  changes!.changes
    .filter((c) => c.class !== 'continuing' || c.renamed)
    .map((c) => [c.class, c.from.map((h) => h.key).join('+'), c.to.map((h) => h.key).join('+'), c.renamed]);

describe('a hub list between the two, previewed against both neighbours', () => {
  let report: PreviewedReport;
  let before: ReturnType<typeof dump>;
  beforeAll(() => {
    before = dump(t.db);
    report = importMiddle(true);
  });

  it('writes nothing in a dry run', () => {
    expect(report.status).toBe('dry-run');
    expect(dump(t.db)).toEqual(before);
  });

  // 'Leeds Teaching Hub' for 'Leeds Teaching School Hub' is the same name written differently: not a rename.
  it('against the list before (2021): redrawn districts, an area ended, another lead school', () => {
    const p = report.preview!;
    expect(p).toMatchObject({ compared_with: '2021-09-01', next_list: '2025-09-30' });
    expect(summarise(p.hubs)).toEqual([
      ['redrawn', 'EENEL1+EENEL2', 'EENEL1+EENEL2', false],
      ['another-hub', 'EMH9', 'EMH9', false],
      ['redrawn', 'NWLSC3', 'NWLSC3+NWLSC11', false],
      ['ended', 'WM2', '', false],
    ]);
    const [eastern] = p.hubs!.changes.filter((c) => c.class === 'redrawn');
    expect(eastern!.moved).toEqual([{ district: 'Tendring', from: ['EENEL2'], to: ['EENEL1'] }]);
    expect(p.hubs!.changes.find((c) => c.from[0]?.key === 'EMH9')!.led_by).toBe(
      'lead school URN 112595 (Morley Primary School), which led EMH3 on the earlier list',
    );
    // The same places listed the same way ('Cornwall W') are the same area: nothing here is weak.
    expect(p.hubs!.counts).toMatchObject({ continuing: 82, 'another-hub': 1, redrawn: 2, ended: 1, weak: 0 });
    expect(p.area_changes.filter((a) => a.coverage === 'lost').map((a) => a.name)).toEqual([
      'Shropshire',
      'Telford and Wrekin',
    ]);
  });

  it('against the list after (2025): the districts redrawn again, the area new again, Spencer by its name', () => {
    const next = report.preview!.against_next!;
    const classes = next.hubs!.changes.filter((c) => c.class !== 'continuing');
    expect(
      classes.map((c) => [c.class, c.from.map((h) => h.key).join('+'), c.to.map((h) => h.key).join('+')]),
    ).toEqual([
      ['redrawn', 'EENEL1+EENEL2', 'EE1+EE2'],
      // Two hubs of 2025 bear Unity's name and website: no evidence for an area that is only likely the same.
      ['another-hub', 'EENEL8', 'EE6'],
      ['redrawn', 'NWLSC3+NWLSC11', 'L6'],
      ['another-hub', 'WM11', 'WM10'],
      ['new', '', 'WM2'],
      ['successor', 'EMH11', 'YH1'],
      ['successor', 'LWY14', 'YH8'],
    ]);
    expect(classes[0]!.moved).toEqual([
      { district: 'Tendring', from: ['EENEL1'], to: ['EE2'] },
      { district: 'Babergh', from: ['EENEL2'], to: ['EE2'] },
      { district: 'Colchester', from: ['EENEL2'], to: ['EE2'] },
      { district: 'Ipswich', from: ['EENEL2'], to: ['EE2'] },
    ]);
    expect(next.hubs!.counts).toEqual({
      continuing: 79,
      successor: 2,
      'another-hub': 2,
      new: 1,
      ended: 0,
      redrawn: 2,
      renamed: 6,
      organisation_changed: 0,
      weak: 12,
    });
    expect(next.hubs!.changes.find((c) => c.from[0]?.key === 'EMH9')).toMatchObject({
      class: 'continuing',
      to: [{ key: 'EM7' }],
      evidence: { urn: 'not listed', name: 'same' },
    });
  });
});

describe('the list between, committed', () => {
  beforeAll(() => {
    expect(importMiddle(false).status).toBe('committed');
  });

  it('places a hub only by its own list: Spencer of 2025 takes no location from the 2023 list', () => {
    const spencer = (asAt: string) =>
      members(t.db, { network: 'hubs', as_at: asAt, q: 'Spencer', limit: 10, offset: 0 }).rows[0]!;
    expect(spencer('2023-09-01')).toMatchObject({ urn: 112595, location_via: null });
    expect(spencer('2023-09-01').latitude).not.toBeNull();
    expect(spencer('2025-09-30')).toMatchObject({ urn: null, location_via: null, latitude: null });
  });

  it('steps through the list between when asked for 2021 and 2025: the same hub only as each step says', () => {
    const diff = snapshotDiff(t.db, { network: 'hubs', from: '2021-09-01', to: '2025-09-30' });
    expect(diff.hubs!.steps.map((s) => [s.from, s.to])).toEqual([
      ['2021-09-01', '2023-09-01'],
      ['2023-09-01', '2025-09-30'],
    ]);
    expect(diff.hubs!.counts).toMatchObject({ continuing: 80, successor: 2, 'another-hub': 5 });
  });
});
