import { describe, expect, it } from 'vitest';
import { periodEnd, periodStart, type Precision } from '../../common/dates.js';
import { bounds } from '../../server/analytics/qualifiers.js';
import {
  evaluateTarget,
  period,
  rate,
  type CountPoint,
  type RoundStep,
  type Target,
} from '../../server/analytics/targets.js';

const precisionOf = (date: string): Precision =>
  date.length === 7 ? 'month' : date.length === 4 ? 'year' : 'day';

function point(date: string, total: number, qualifier = 'exact'): CountPoint {
  const precision = precisionOf(date);
  return {
    date,
    precision,
    period_start: periodStart(date, precision),
    period_end: periodEnd(date, precision),
    total,
    qualifier,
    ...bounds(total, qualifier),
    source: 'milestone',
    source_title: 'test',
    source_url: null,
  };
}

function roundOf(round: number, date: string, designated: number): RoundStep {
  const precision = precisionOf(date);
  return {
    round,
    designated,
    date,
    precision,
    start: periodStart(date, precision),
    end: periodEnd(date, precision),
  };
}

const target = (value: number, deadline: string): Target => ({
  metric: 'x_target',
  value,
  deadline,
  deadline_precision: precisionOf(deadline),
  source_title: 'test',
  source_url: null,
  source_quote: null,
  publication: {
    publisher: null,
    published: null,
    published_precision: 'unknown',
    kind: null,
    seen_by: null,
    known_from: null,
    notes: null,
  },
});

const judge = (t: Target, points: CountPoint[], rounds: RoundStep[] = [], on = '2020-01-01') =>
  evaluateTarget(t, points, rounds, on);

describe('evaluateTarget: the period the evidence allows', () => {
  it('is met by the first figure at or above, after the last below: "met by" without a figure below', () => {
    const r = judge(target(500, '2015-03'), [point('2014-05-26', 548)]);
    expect(r).toMatchObject({
      status: 'met',
      reached: { earliest: null, latest: '2014-05-26', precision: 'by' },
      days_early: { min: 309, max: null },
      forecast: null,
    });
  });

  it('narrows it to the recruitment round between the two figures (500 by March 2015: April 2014)', () => {
    const points = [point('2013-04-18', 360, 'just over'), point('2014-05-26', 548)];
    const r = judge(target(500, '2015-03'), points, [
      roundOf(3, '2013-04-18', 150),
      roundOf(4, '2014-04', 200),
    ]);
    expect(r).toMatchObject({
      status: 'met',
      reached: { earliest: '2014-04-01', latest: '2014-04-30', precision: 'month', words: 'April 2014' },
      days_early: { min: 335, max: 364 },
    });
    expect(r.evidence).toContain('so about 348 before it');
    // Without the round, only the figures bracket it.
    expect(judge(target(500, '2015-03'), points).reached).toMatchObject({
      earliest: '2013-04-19',
      latest: '2014-05-26',
    });
  });

  it('puts the crossing before a round when the count before the round already reached the target', () => {
    const r = judge(
      target(300, '2015-03'),
      [point('2013-01', 200), point('2014-05-26', 548)],
      [roundOf(4, '2014-04', 200)],
    );
    expect(r.reached).toMatchObject({ earliest: '2013-01-02', latest: '2014-03-31' });
  });

  it('takes "over 1,000" as reaching 1,000, "about 1,000" as proving nothing, "just over 360" as below 500', () => {
    expect(judge(target(1000, '2015-03'), [point('2014-05-26', 1000, 'over')]).status).toBe('met');
    expect(judge(target(1000, '2015-03'), [point('2014-05-26', 1000, 'about')]).status).toBe('undetermined');
    const r = judge(target(500, '2015-03'), [point('2013-04-18', 360, 'just over'), point('2015-04', 520)]);
    expect(r.reached).toMatchObject({ earliest: '2013-04-19', latest: '2015-04-30' });
  });

  it('reads a month-precision figure as the whole month', () => {
    // A March 2015 figure stands at the latest for 31 March: on the deadline, so it meets it.
    expect(judge(target(500, '2015-03'), [point('2015-03', 510)]).status).toBe('met');
    // A figure for April 2015 may be after a deadline of 15 April.
    expect(judge(target(500, '2015-04-15'), [point('2015-04', 510)]).status).toBe('undetermined');
  });

  it('is undetermined when the period spans the deadline, and says so', () => {
    const r = judge(target(600, '2016-10'), [point('2014-05-26', 548), point('2018-03-12', 808)]);
    expect(r).toMatchObject({
      status: 'undetermined',
      reached: { words: 'between 27 May 2014 and 12 March 2018' },
      days_early: { min: -497, max: 888 },
    });
    expect(r.evidence).toContain('falls within that period');
  });

  it('is missed when the count was still below on or after the deadline', () => {
    const r = judge(target(600, '2016-10'), [point('2014-05-26', 548), point('2016-12', 580)]);
    expect(r).toMatchObject({ status: 'missed', reached: null });
    expect(r.evidence).toContain('580 in December 2016');
  });

  it('is undetermined when nothing comes after the deadline, or there are no figures', () => {
    expect(judge(target(600, '2016-10'), [point('2014-05-26', 548)]).status).toBe('undetermined');
    expect(judge(target(600, '2016-10'), []).status).toBe('undetermined');
  });

  it('says when a met target later fell below', () => {
    const r = judge(target(1000, '2015-03'), [
      point('2014-05-26', 1000, 'over'),
      point('2019-12-01', 1065),
      point('2020-12-01', 991, 'derived'),
      point('2021-03-01', 987),
    ]);
    expect(r).toMatchObject({ status: 'met', fell_below: { date: '2020-12-01', total: 991 } });
    expect(r.evidence).toContain(
      'It later fell below 1,000: 991 on 1 December 2020 (derived from a stated change',
    );
    expect(r.evidence).toContain('the latest, 987 on 1 March 2021');
  });
});

describe('evaluateTarget: while the deadline is ahead', () => {
  it('forecasts from the latest trend, as a period, and never before the judgement date', () => {
    const rising = [point('2012-12', 217), point('2013-04-18', 360)];
    const early = judge(target(500, '2015-03'), rising, [], '2013-05-01');
    expect(early.status).toBe('on_track');
    expect(early.forecast!.earliest! >= '2013-05-01').toBe(true);
    expect(early.forecast!.latest! <= '2015-03-31').toBe(true);
    const late = judge(target(500, '2015-03'), rising, [], '2014-05-25');
    expect(late).toMatchObject({ status: 'on_track', forecast: null });
    expect(late.evidence).toContain('would have been reached');
  });

  it('is at risk when even the fastest rate misses, or the count falls', () => {
    const slow = judge(
      target(500, '2015-03'),
      [point('2012-12', 350), point('2013-12', 360)],
      [],
      '2014-01-31',
    );
    expect(slow.status).toBe('at_risk');
    expect(slow.forecast!.earliest! > '2015-03-31').toBe(true);
    const falling = judge(
      target(500, '2015-03'),
      [point('2012-12', 370), point('2013-12', 360)],
      [],
      '2014-01-31',
    );
    expect(falling).toMatchObject({ status: 'at_risk', forecast: null });
    expect(judge(target(500, '2015-03'), [point('2013-12', 360)], [], '2014-01-31').status).toBe(
      'undetermined',
    );
  });

  it('gives rates as the ranges the figures\u2019 intervals and periods allow', () => {
    expect(rate(point('2012-12', 217), point('2013-04-18', 360, 'just over'))).toEqual({
      min: 31.5,
      max: 50.4,
    });
    // From "over 1,000" the count may already have been near 1,100: no lower bound on the rate.
    expect(rate(point('2014-05-26', 1000, 'over'), point('2015-05-26', 1100))).toEqual({
      min: null,
      max: 8.3,
    });
  });
});

describe('period', () => {
  it('names a day, a month, a year, or a span', () => {
    expect(period('2014-04-01', '2014-04-30').words).toBe('April 2014');
    expect(period('2014-01-01', '2014-12-31').words).toBe('2014');
    expect(period('2014-05-26', '2014-05-26').words).toBe('26 May 2014');
    expect(period(null, '2014-05-26').words).toBe('by 26 May 2014');
  });
});
