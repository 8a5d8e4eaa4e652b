import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseState, serialiseState, withPatch } from '../../client/src/state.js';

describe('view state <-> URL', () => {
  it('an empty query is the default overview', () => {
    expect(parseState('')).toEqual(DEFAULT_STATE);
    expect(serialiseState(DEFAULT_STATE)).toBe('?');
  });

  it('round-trips every field', () => {
    const state = {
      ...DEFAULT_STATE,
      view: 'map' as const,
      network: 'nles' as const,
      asAt: '2014-05-26',
      region: 'North East',
      metric: 'covered' as const,
      area: '202',
      tab: 'groups',
      phase: 'Primary',
      q: 'Derby & co',
      page: 3,
      sort: '-members',
      from: '2018-03-12',
      to: '2019-12-01',
      embed: true,
      version: '21.20261207190155',
    };
    const query = serialiseState(state);
    expect(parseState(query)).toEqual(state);
    expect(query).toContain('as_at=2014-05-26');
    expect(query).toContain('embed=1');
  });

  it('falls back to defaults for unknown or malformed values', () => {
    const state = parseState('?view=nope&network=x&as_at=2014-02-31x&metric=bad&area=20&page=-2&embed=yes');
    expect(state).toEqual(DEFAULT_STATE);
  });

  it('takes only real calendar dates, as a hand-edited link may not give one', () => {
    for (const bad of ['2019-02-30', '2019-02-29', '2018-13-01', '0000-00-00', '99999-01-01']) {
      expect(parseState(`?as_at=${bad}&from=${bad}&to=${bad}`)).toEqual(DEFAULT_STATE);
    }
    expect(parseState('?as_at=2020-02-29').asAt).toBe('2020-02-29');
  });

  it('takes a page up to 10,000, far past any list, and none the API would refuse', () => {
    expect(parseState('?page=10000').page).toBe(10_000);
    expect(parseState('?page=99999999').page).toBe(1);
  });

  it('draws as an embed only a view made for a frame', () => {
    expect(parseState('?view=map&embed=1').embed).toBe(true);
    expect(parseState('?embed=1').embed).toBe(true);
    for (const view of ['registry', 'gaps', 'area', 'changes', 'sources', 'admin']) {
      expect(parseState(`?view=${view}&embed=1`).embed).toBe(false);
    }
  });

  it('takes only a data version name for v, never other text', () => {
    expect(parseState('?v=21.20261207190155').version).toBe('21.20261207190155');
    expect(parseState('?v=0').version).toBe('0');
    for (const bad of [
      '<img src=x>',
      'javascript:alert(1)',
      'Call 0800 000 000',
      '21.2026',
      '21.20261207190155x',
    ]) {
      expect(parseState(`?v=${encodeURIComponent(bad)}`).version).toBeNull();
    }
  });

  it('leaves defaults out of the URL', () => {
    expect(serialiseState({ ...DEFAULT_STATE, asAt: '2018-03-12' })).toBe('?as_at=2018-03-12');
  });

  it('goes back to page 1 when what is listed changes', () => {
    const onPage3 = { ...DEFAULT_STATE, view: 'registry' as const, page: 3 };
    expect(withPatch(onPage3, { region: 'London' }).page).toBe(1);
    expect(withPatch(onPage3, { sort: 'name' }).page).toBe(3);
    expect(withPatch(onPage3, { page: 4 }).page).toBe(4);
  });
});
