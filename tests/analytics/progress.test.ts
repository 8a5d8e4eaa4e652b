import { afterAll, describe, expect, it } from 'vitest';
import { fromPercentage, progress } from '../../server/analytics/progress.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
afterAll(() => db.close());
const today = '2026-11-27';

describe('progress', () => {
  const ts = progress(db, { network: 'teaching-schools', today });

  it('merges the published figures with the imported list, once per date, in time order, qualifiers kept', () => {
    expect(ts.series.map((p) => [p.date, p.total, p.qualifier, p.source])).toEqual([
      ['2011-07', 100, 'exact', 'milestone'],
      ['2012-12', 217, 'exact', 'milestone'],
      ['2013-04-18', 360, 'just over', 'milestone'],
      ['2014-05-26', 548, 'exact', 'milestone'],
      ['2018-03-12', 808, 'exact', 'snapshot'],
      ['2019-09-01', 754, 'derived', 'milestone'],
      ['2019-12-01', 755, 'exact', 'milestone'],
      ['2020-12-01', 735, 'derived', 'milestone'],
      ['2021-03-01', 733, 'exact', 'milestone'],
    ]);
    expect(ts.series[2]).toMatchObject({ low: 360, high: 396 });
    expect(ts.series[1]).toMatchObject({ period_start: '2012-12-01', period_end: '2012-12-31' });
    expect(ts.series[3]!.publication).toMatchObject({
      publisher: 'Department for Education',
      kind: 'primary',
    });
  });

  it('keeps each round\u2019s totals with their qualifiers: round 3 is "just over 360", round 4 about 348 before', () => {
    expect(
      ts.rounds.map((r) => [r.round, r.designated, r.total_after, r.total_after_qualifier, r.total_before]),
    ).toEqual([
      [1, 100, 100, 'exact', 0],
      [3, 150, 360, 'just over', 210],
      [4, 200, 548, 'exact', 348],
    ]);
    expect(ts.rounds[2]).toMatchObject({ total_after_date: '2014-05-26', total_before_qualifier: 'about' });
  });

  it('dates 500 by March 2015 by the evidence: reached in April 2014, 335 to 364 days early, no forecast', () => {
    const [five, six] = ts.targets;
    expect(five).toMatchObject({
      value: 500,
      status: 'met',
      reached: { earliest: '2014-04-01', latest: '2014-04-30', precision: 'month', words: 'April 2014' },
      days_early: { min: 335, max: 364 },
      forecast: null,
      fell_below: null,
    });
    expect(five!.evidence).toContain('200 were designated in round 4 (April 2014), so about 348 before it');
    expect(six).toMatchObject({
      value: 600,
      status: 'undetermined',
      reached: { earliest: '2014-05-27', latest: '2018-03-12', precision: 'between' },
      days_early: { min: -497, max: 888 },
    });
    expect(six!.publication).toMatchObject({ kind: 'secondary', published: null });
  });

  it('names each coverage figure\u2019s denominator and what a rounded percentage allows', () => {
    expect(
      ts.coverage_series.map((p) => [p.date, p.covered, p.covered_min, p.covered_max, p.of, p.pct]),
    ).toEqual([
      ['2014-05-26', null, 144, 145, 152, 95],
      ['2018-03-12', 149, 149, 149, 152, 98],
      ['2019-12-01', 148, 148, 148, 150, 98.7],
    ]);
  });

  it('carries every other published figure of the network: alliances over time, pupils, SLEs, NLGs', () => {
    const byMetric = new Map(ts.figures.map((f) => [f.metric, f]));
    expect(byMetric.get('teaching_school_alliances_total')!.points.map((p) => [p.value, p.source])).toEqual([
      [640, 'snapshot'],
      [618, 'milestone'],
      [618, 'milestone'],
      [604, 'milestone'],
      [601, 'milestone'],
    ]);
    expect(byMetric.get('pupils_in_alliance_schools')!.points[0]).toMatchObject({
      value: 1_000_000,
      qualifier: 'over',
      source_quote: expect.stringContaining('Well over 1 million'),
    });
    expect(byMetric.get('nlgs_total')).toMatchObject({ related: true });
    expect([...byMetric.keys()]).toEqual(
      expect.arrayContaining([
        'sles_designated_total',
        'teaching_school_application_success_pct',
        'tsas_with_one_teaching_school_pct',
      ]),
    );
    expect(ts.undated.map((u) => u.metric)).toEqual(['sles_total']);
  });

  it('judges a target only as at a date its source was out by; an undated source only as at today', () => {
    const then = progress(db, { network: 'teaching-schools', as_at: '2014-05-25', today });
    expect(then.series.at(-1)).toMatchObject({ date: '2013-04-18' });
    expect(then.rounds.map((r) => r.round)).toEqual([1, 3]);
    // The 500 target is cited only to the release of 26 May 2014: not known the day before.
    expect(then.targets[0]).toMatchObject({
      value: 500,
      status: 'not_yet_published',
      forecast: null,
      reached: null,
    });
    expect(then.targets[0]!.evidence).toBe(
      `Not yet published on 25 May 2014: ${then.targets[0]!.source_title} is known from 26 May 2014.`,
    );
    const later = progress(db, { network: 'teaching-schools', as_at: '2014-06-01', today });
    expect(later.targets[0]).toMatchObject({ value: 500, status: 'met' });
    // The 600 target rests on an undated page: never judged as at a past date.
    expect(later.targets[1]).toMatchObject({ value: 600, status: 'undated_source', forecast: null });
    expect(later.targets[1]!.evidence).toContain(
      'is not dated, so it cannot be shown to have been known on 1 June 2014',
    );
    const now = progress(db, { network: 'teaching-schools', today });
    expect(now.targets[1]!.status).not.toBe('undated_source');
  });

  it('says what round 4\u2019s about 348 below round 3\u2019s just over 360 implies', () => {
    const rounds = progress(db, { network: 'teaching-schools', today }).rounds;
    expect(rounds.find((r) => r.round === 4)!.implies).toBe(
      'About 348 before round 4 (April 2014) is below just over 360 after round 3 (18 April 2013): at least 12 ' +
        'fewer between them, so members left between the rounds, or one of the figures is looser than its words.',
    );
    expect(rounds.find((r) => r.round === 3)!.implies).toBeNull();
  });

  it('says when a met target later fell below: NLEs over 1,000 in May 2014, 991 in December 2020', () => {
    const nles = progress(db, { network: 'nles', today });
    expect(nles.targets).toEqual([
      expect.objectContaining({
        value: 1000,
        status: 'met',
        reached: expect.objectContaining({ earliest: null, latest: '2014-05-26', words: 'by 26 May 2014' }),
        days_early: { min: 309, max: null },
        fell_below: expect.objectContaining({ date: '2020-12-01', total: 991, qualifier: 'derived' }),
      }),
    ]);
    expect(nles.targets[0]!.evidence).toContain('the latest, 987 on 1 March 2021');
    expect(nles.undated).toHaveLength(1);
  });

  it('shows a related figure only within the network\u2019s period', () => {
    const hubs = progress(db, { network: 'hubs', today });
    expect(hubs.figures.map((f) => f.metric)).not.toContain('nlgs_total');
    expect(hubs.period.started).toMatchObject({ date: '2021-09' });
  });
});

describe('fromPercentage', () => {
  it('gives the counts a printed percentage allows', () => {
    expect(fromPercentage(95, 152)).toMatchObject({ covered: null, covered_min: 144, covered_max: 145 });
    expect(fromPercentage(98.7, 150)).toMatchObject({ covered: 148, covered_min: 148, covered_max: 148 });
    expect(fromPercentage(100, 152)).toMatchObject({ covered: 152, covered_max: 152 });
  });
});
