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
      version: '2026-11-23#7',
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
