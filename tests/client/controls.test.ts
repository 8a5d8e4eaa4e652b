import { describe, expect, it } from 'vitest';
import type { Network, Progress } from '../../client/src/api.js';
import { dateOptions, latestDate } from '../../client/src/controls.js';

const network: Network = {
  id: 'teaching-schools',
  name: 'Teaching schools',
  member_label: 'teaching school',
  group_label: 'alliance',
  description: 'Outstanding schools.',
  groups_note: null,
  members_are_schools: true,
  started: null,
  ended: null,
  snapshot_dates: ['2018-03-12'],
  latest: { as_at: '2018-03-12', in_force_to: null, members: 808, groups: 640 },
  no_list: null,
};
const point = (date: string, precision: 'day' | 'month', period_end: string, total: number) => ({
  date,
  precision,
  period_end,
  total,
  period_start: period_end,
  qualifier: 'exact',
  low: total,
  high: total,
  source: 'milestone' as const,
  source_title: 'DfE',
  source_url: null,
  source_quote: null,
  publication: null,
});
const progress: Progress = {
  network: 'teaching-schools',
  as_at: '2026-01-01',
  series: [
    point('2011-07', 'month', '2011-07-31', 100),
    point('2014-05-26', 'day', '2014-05-26', 548),
    point('2018-03-12', 'day', '2018-03-12', 808),
  ],
  period: { started: null, ended: null },
  rounds: [],
  targets: [],
  coverage_series: [],
  figures: [],
  undated: [],
  extract_change: null,
};

describe('the date control', () => {
  it('offers member lists and published figures, newest first, without duplicates', () => {
    expect(dateOptions(network, progress, '2018-03-12')).toEqual([
      { value: '2018-03-12', label: '12 March 2018: member list', kind: 'snapshot' },
      { value: '2014-05-26', label: '26 May 2014: published figure (548)', kind: 'milestone' },
      { value: '2011-07-31', label: 'July 2011: published figure (100)', kind: 'milestone' },
    ]);
  });

  it('says a published figure with its qualifier', () => {
    const justOver = { ...point('2013-04-18', 'day', '2013-04-18', 360), qualifier: 'just over' };
    expect(dateOptions(network, { ...progress, series: [justOver] }, null)).toContainEqual({
      value: '2013-04-18',
      label: '18 April 2013: published figure (just over 360)',
      kind: 'milestone',
    });
  });

  it('keeps a date from a link that is not in the list', () => {
    expect(dateOptions(network, null, '2016-01-01')).toContainEqual({
      value: '2016-01-01',
      label: '1 January 2016: from the link',
      kind: 'link',
    });
  });

  it('the latest date is the newest member list, else the newest published figure', () => {
    expect(latestDate(network, progress)).toBe('2018-03-12');
    expect(latestDate({ ...network, snapshot_dates: [] }, progress)).toBe('2018-03-12');
    expect(latestDate({ ...network, snapshot_dates: [] }, null)).toBeNull();
  });
});
