import { describe, expect, it } from 'vitest';
import { periodEnd, type Precision } from '../../server/analytics/dates.js';
import { evaluateTarget, type CountPoint, type Target } from '../../server/analytics/targets.js';

function point(date: string, total: number, qualifier = 'exact'): CountPoint {
  const precision: Precision = date.length === 7 ? 'month' : date.length === 4 ? 'year' : 'day';
  return {
    date,
    precision,
    period_end: periodEnd(date, precision),
    total,
    qualifier,
    source: 'milestone',
    source_title: 'test',
    source_url: null,
  };
}

const target = (value: number, deadline: string): Target => ({
  metric: 'x_target',
  value,
  deadline,
  deadline_precision: deadline.length === 7 ? 'month' : 'day',
  source_title: 'test',
  source_url: null,
});

describe('evaluateTarget', () => {
  it('is met by the first figure on or before the deadline that reaches it', () => {
    const r = evaluateTarget(
      target(500, '2015-03'),
      [point('2013-04-18', 360), point('2014-05-26', 548)],
      '2020-01-01',
    );
    expect(r).toMatchObject({
      status: 'met',
      met_on: '2014-05-26',
      days_early: 309,
      deadline_end: '2015-03-31',
    });
    expect(r.required_per_month).toBeGreaterThan(0);
    expect(r.actual_per_month).toBeGreaterThan(r.required_per_month!);
    expect(r.forecast_date! < '2014-05-26').toBe(true);
  });

  it('takes "over 1,000" as meeting 1,000, but "about 1,000" as proving nothing', () => {
    expect(
      evaluateTarget(target(1000, '2015-03'), [point('2014-05-26', 1000, 'over')], '2020-01-01').status,
    ).toBe('met');
    const about = evaluateTarget(target(1000, '2015-03'), [point('2014-05-26', 1000, 'about')], '2020-01-01');
    expect(about.status).toBe('undetermined');
  });

  it('counts a month-precision figure at the month\u2019s end', () => {
    // A March 2015 figure stands for 31 March: on the deadline, so it meets it.
    expect(evaluateTarget(target(500, '2015-03'), [point('2015-03', 510)], '2020-01-01').status).toBe('met');
    // A figure for April 2015 comes after a deadline of 15 April.
    const late = evaluateTarget(target(500, '2015-04-15'), [point('2015-04', 510)], '2020-01-01');
    expect(late.status).toBe('undetermined');
  });

  it('is undetermined, naming the figures either side, when none falls between the last below and the deadline', () => {
    const r = evaluateTarget(
      target(600, '2016-10'),
      [point('2014-05-26', 548), point('2018-03-12', 808)],
      '2020-01-01',
    );
    expect(r.status).toBe('undetermined');
    expect(r.met_on).toBeNull();
    expect(r.evidence).toContain('548 on 2014-05-26');
    expect(r.evidence).toContain('808 on 2018-03-12');
    expect(r.evidence).toContain('October 2016');
    expect(r.forecast_date).toBe('2015-02-27');
  });

  it('is missed when the first figure on or after the deadline is still below', () => {
    const r = evaluateTarget(
      target(600, '2016-10'),
      [point('2014-05-26', 548), point('2016-12', 580)],
      '2020-01-01',
    );
    expect(r.status).toBe('missed');
    expect(r.evidence).toContain('580 on 2016-12');
  });

  it('is undetermined when nothing comes after the deadline, or there are no figures', () => {
    expect(evaluateTarget(target(600, '2016-10'), [point('2014-05-26', 548)], '2020-01-01').status).toBe(
      'undetermined',
    );
    expect(evaluateTarget(target(600, '2016-10'), [], '2020-01-01').status).toBe('undetermined');
  });

  it('is on track or at risk while the deadline is ahead, from the recent trend', () => {
    const rising = [point('2012-12', 217), point('2013-04-18', 360)];
    const onTrack = evaluateTarget(target(500, '2015-03'), rising, '2013-12-31');
    expect(onTrack.status).toBe('on_track');
    expect(onTrack.forecast_date! <= '2015-03-31').toBe(true);
    const slow = [point('2012-12', 350), point('2013-12', 360)];
    const atRisk = evaluateTarget(target(500, '2015-03'), slow, '2014-01-31');
    expect(atRisk.status).toBe('at_risk');
    expect(atRisk.forecast_date! > '2015-03-31').toBe(true);
    const falling = [point('2012-12', 370), point('2013-12', 360)];
    expect(evaluateTarget(target(500, '2015-03'), falling, '2014-01-31')).toMatchObject({
      status: 'at_risk',
      forecast_date: null,
    });
    expect(evaluateTarget(target(500, '2015-03'), [point('2013-12', 360)], '2014-01-31').status).toBe(
      'undetermined',
    );
  });
});
