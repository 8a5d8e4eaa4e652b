import { afterAll, describe, expect, it } from 'vitest';
import { councilArea } from '../../server/analytics/council-areas.js';
import { coverage } from '../../server/analytics/coverage.js';
import { extractOfDay, registerFromDay } from '../../server/analytics/establishments-of-day.js';
import { gaps } from '../../server/analytics/gaps.js';
import { progress } from '../../server/analytics/progress.js';
import { schoolsBeyond } from '../../server/analytics/schools-beyond.js';
import { summary } from '../../server/analytics/summary.js';
import { shippedDb } from './helpers.js';

// Counts of establishments use the extract nearer the day asked: the GIAS extract of 12 March 2018, or the GIAS
// register of 17 June 2024 from the day after their midpoint. The register's figures here are those of the raw
// file: 25,094 open establishments (Open, or Open but proposed to close) with an English council area name.

const db = shippedDb();
afterAll(() => db.close());

describe('the extract of a day', () => {
  it('is the nearer of the two: the register from 30 April 2021, the midpoint being 29 April', () => {
    expect(registerFromDay(db)).toBe('2021-04-30');
    expect(extractOfDay(db, '2021-04-29')).toMatchObject({ kind: 'extract', as_at: '2018-03-12' });
    expect(extractOfDay(db, '2021-04-30')).toMatchObject({
      kind: 'register',
      name: 'GIAS register of 17 June 2024',
      as_at: '2024-06-17',
      has_pupils: false,
      locations_from: 'GIAS establishments extract of 12 March 2018',
    });
    expect(extractOfDay(db, '2011-01-01')?.kind).toBe('extract');
  });

  it('says where a series over dates changes extract', () => {
    expect(progress(db, { network: 'hubs', today: '2026-12-07' }).extract_change).toEqual({
      date: '2021-04-30',
      before: 'GIAS establishments extract of 12 March 2018',
      after: 'GIAS register of 17 June 2024',
      note:
        'Establishments are counted from the GIAS establishments extract of 12 March 2018 up to 29 April 2021 and ' +
        'from the GIAS register of 17 June 2024 from 30 April 2021, the extract nearer each date: a figure ' +
        'counting establishments steps there with the extract, not with the network.',
    });
  });

  it('counts the register in the areas of 2025 for hubs, with no pupils', () => {
    const s = summary(db, { network: 'hubs', as_at: '2025-10-01' });
    expect(s.council_areas_total).toBe(153);
    expect(s.schools_total).toBe(25094);
    expect(s.establishments_extract).toMatchObject({ kind: 'register', days_from_as_at: 471 });
    expect(s.establishments_not_placed).toBe(0);
    const rows = coverage(db, { network: 'hubs', as_at: '2025-10-01', radius_km: 15 }).rows;
    expect(rows.every((r) => r.pupils === null)).toBe(true);
    expect(rows.find((r) => r.la_code === '942')).toMatchObject({ schools: 179, pupils: null });
  });

  it('says pupils of member schools are not known on a register day, and known the day before', () => {
    const after = summary(db, { network: 'teaching-schools', as_at: '2021-04-30' });
    expect(after).toMatchObject({ pupils_in_member_schools: null, member_schools_with_pupils: 0 });
    const before = summary(db, { network: 'teaching-schools', as_at: '2021-04-29' });
    expect(before).toMatchObject({ pupils_in_member_schools: 554967, member_schools_with_pupils: 753 });
  });

  it('places the register in the areas of an earlier day: Cumberland and Westmorland in Cumbria in 2022', () => {
    const c = coverage(db, { network: 'hubs', as_at: '2022-06-01', radius_km: 15 });
    expect(c.rows).toHaveLength(152);
    expect(c.establishments_extract?.kind).toBe('register');
    expect(c.rows.find((r) => r.la_code === '909')?.schools).toBe(179 + 164);
    expect(c.rows.reduce((n, r) => n + r.schools, 0)).toBe(25094);
  });

  it('keeps the 2018 extract, its pupils and distances, up to the midpoint', () => {
    const c = coverage(db, { network: 'teaching-schools', as_at: '2021-04-29', radius_km: 15 });
    expect(c.establishments_extract?.kind).toBe('extract');
    // 28,087 in the areas of 2018, less the one of Dorset placed in neither area that replaced it in 2019.
    expect(c.rows.reduce((n, r) => n + r.schools, 0)).toBe(28086);
    expect(c.rows.every((r) => r.pupils !== null)).toBe(true);
  });

  it('measures the register from 2018 locations by URN and says how many have none', () => {
    const before = gaps(db, { network: 'teaching-schools', as_at: '2021-04-29', radius_km: 15 });
    const after = gaps(db, { network: 'teaching-schools', as_at: '2021-08-31', radius_km: 15 });
    expect(after.establishments_extract?.name).toBe('GIAS register of 17 June 2024');
    const located = after.rows.reduce((n, r) => n + r.schools_with_coordinates, 0);
    expect(located).toBe(20866);
    expect(after.rows.reduce((n, r) => n + r.schools, 0) - located).toBe(25094 - 20866);
    const beyond = (g: typeof after) => g.rows.reduce((n, r) => n + (r.schools_beyond_km ?? 0), 0);
    // The same list and radius: the register's located establishments are a subset of 2018's, so no more beyond.
    expect(beyond(after)).toBeGreaterThan(0);
    expect(beyond(after)).toBeLessThanOrEqual(beyond(before));
    for (const r of after.rows) expect(r.schools_beyond_km!).toBeLessThanOrEqual(r.schools_with_coordinates);
  });

  it('gives a profile the register by phase, pupils not known, adding up to its count', () => {
    const p = councilArea(db, { network: 'hubs', as_at: '2025-10-01', la_code: '942', radius_km: 15 });
    expect(p.schools_by_phase[0]).toEqual({ phase: 'Primary', schools: 145, pupils: null });
    expect(p.schools_by_phase.reduce((n, x) => n + x.schools, 0)).toBe(p.coverage.schools);
  });

  it('lists as many register establishments beyond the radius as coverage counts, area by area', () => {
    const asked = { network: 'teaching-schools' as const, as_at: '2021-08-31', radius_km: 15 };
    const rows = coverage(db, asked).rows;
    const england = schoolsBeyond(db, asked);
    expect(england.establishments_extract?.kind).toBe('register');
    expect(england.total).toBe(rows.reduce((n, r) => n + (r.schools_beyond_km ?? 0), 0));
    expect(england.schools_located).toBe(20866);
    for (const code of ['909', '940', '838']) {
      const area = schoolsBeyond(db, { ...asked, la_code: code });
      const row = rows.find((r) => r.la_code === code)!;
      expect(area.total).toBe(row.schools_beyond_km);
      expect(area.schools_located).toBe(row.schools_with_coordinates);
      expect(area.rows.every((r) => r.la_code === code)).toBe(true);
    }
    const primary = schoolsBeyond(db, { ...asked, phase: 'Primary' });
    const byPhase = coverage(db, { ...asked, phase: 'Primary' }).rows;
    expect(primary.total).toBe(byPhase.reduce((n, r) => n + (r.schools_beyond_km ?? 0), 0));
  });
});
