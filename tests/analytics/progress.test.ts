import { afterAll, describe, expect, it } from 'vitest';
import { progress } from '../../server/analytics/progress.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
afterAll(() => db.close());

describe('progress', () => {
  const ts = progress(db, { network: 'teaching-schools', today: '2025-01-01' });

  it('merges the published figures with the imported list, once per date, in time order', () => {
    expect(ts.series.map((p) => [p.date, p.total, p.source])).toEqual([
      ['2011-07', 100, 'milestone'],
      ['2012-12', 217, 'milestone'],
      ['2013-04-18', 360, 'milestone'],
      ['2014-05-26', 548, 'milestone'],
      ['2018-03-12', 808, 'snapshot'],
      ['2019-09-01', 754, 'milestone'],
      ['2019-12-01', 755, 'milestone'],
      ['2020-12-01', 735, 'milestone'],
      ['2021-03-01', 733, 'milestone'],
    ]);
    expect(ts.series[2]).toMatchObject({ qualifier: 'just over' });
  });

  it('lists the recruitment rounds the sources name', () => {
    expect(ts.rounds).toEqual([
      expect.objectContaining({ round: 1, date: '2011-07', designated: 100, total_after: 100 }),
      expect.objectContaining({ round: 3, date: '2013-04-18', designated: 150, total_after: 360 }),
      expect.objectContaining({ round: 4, date: '2014-04', designated: 200, total_after: null }),
    ]);
  });

  it('judges 500 by March 2015 met and 600 by October 2016 undetermined', () => {
    expect(ts.targets.map((t) => [t.value, t.deadline, t.status, t.met_on])).toEqual([
      [500, '2015-03', 'met', '2014-05-26'],
      [600, '2016-10', 'undetermined', null],
    ]);
  });

  it('gives coverage over time out of the number of areas each source counts', () => {
    expect(ts.coverage_series.map((p) => [p.date, p.covered, p.of, p.pct])).toEqual([
      ['2014-05-26', null, null, 95],
      ['2018-03-12', 149, 152, 98],
      ['2019-12-01', 148, 150, 98.7],
    ]);
  });

  it('leaves out what was not yet known on as_at', () => {
    const then = progress(db, { network: 'teaching-schools', as_at: '2014-06-01', today: '2025-01-01' });
    expect(then.series.at(-1)!.date).toBe('2014-05-26');
    expect(then.targets[1]).toMatchObject({ value: 600, status: 'on_track' });
  });

  it('judges the NLE target and keeps the undated figure apart', () => {
    const nles = progress(db, { network: 'nles', today: '2025-01-01' });
    expect(nles.targets).toEqual([expect.objectContaining({ value: 1000, status: 'met', days_early: 309 })]);
    expect(nles.undated).toHaveLength(1);
    expect(nles.series.map((p) => p.date)).not.toContain(null);
  });
});
