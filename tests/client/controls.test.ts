import { describe, expect, it } from 'vitest';
import type { Network, Progress } from '../../client/src/api.js';
import { dateOptions, latestDate } from '../../client/src/controls.js';

const network: Network = {
  id: 'teaching-schools',
  name: 'Teaching schools',
  member_label: 'teaching school',
  group_label: 'alliance',
  snapshot_dates: ['2018-03-12'],
};
const progress: Progress = {
  network: 'teaching-schools',
  series: [
    {
      date: '2011-07',
      precision: 'month',
      total: 100,
      qualifier: 'exact',
      source: 'milestone',
      source_title: null,
      source_url: null,
    },
    {
      date: '2014-05-26',
      precision: 'day',
      total: 548,
      qualifier: 'exact',
      source: 'milestone',
      source_title: null,
      source_url: null,
    },
    {
      date: '2018-03-12',
      precision: 'day',
      total: 808,
      qualifier: 'exact',
      source: 'milestone',
      source_title: null,
      source_url: null,
    },
  ],
  rounds: [],
  targets: [],
  coverage_series: [],
};

describe('the date control', () => {
  it('offers member lists and published figures, newest first, without duplicates', () => {
    expect(dateOptions(network, progress, '2018-03-12')).toEqual([
      { value: '2018-03-12', label: '12 March 2018: member list', kind: 'snapshot' },
      { value: '2014-05-26', label: '26 May 2014: published figure (548)', kind: 'milestone' },
      { value: '2011-07-31', label: 'July 2011: published figure (100)', kind: 'milestone' },
    ]);
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
