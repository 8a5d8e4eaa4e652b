import type { Progress } from '../contract/progress.js';
import type { ExtractOfDay } from '../contract/rows.js';
import type { Db } from '../db/gateway.js';
import { areaDay, areaSpans, type AreaSpan } from '../db/queries/areas.js';
import {
  areaSchoolPhases,
  extractsHeld,
  namedEstablishmentsOf,
  type NamedEstablishment,
  schoolsByArea,
} from '../db/queries/establishments.js';
import { schoolsFartherThan, type FarScope } from '../db/queries/reach.js';
import {
  registerBeyondByArea,
  registerFartherThan,
  registerOpenByArea,
  registerOpenByAreaPhase,
  registerOpenNamed,
} from '../db/queries/register.js';
import { addDays, daysBetween, formatDate } from '../../common/dates.js';

// Which establishments a figure about a day counts: the one place that picks the extract, so that coverage, gaps,
// the summary, profiles and their CSVs agree. Two are held: the GIAS extract of March 2018 (open establishments
// with pupils and locations) and the GIAS register of June 2024 (names, phase, status and council area name only).
// A day takes the one nearer it; the midpoint of the two dates decides (on the shipped data the register answers
// from 30 April 2021).

/** The extract nearer the day (the establishments extract when only it is held); null when neither is. */
export function extractOfDay(db: Db, day: string): ExtractOfDay | null {
  const held = extractsHeld(db);
  const gap = (date: string) => Math.abs(daysBetween(date, day));
  const extract = held.establishments;
  if (held.register && (extract === null || gap(held.register.as_at) < gap(extract.as_at))) {
    return {
      kind: 'register',
      name: `GIAS register of ${formatDate(held.register.as_at)}`,
      ...held.register,
      has_pupils: false,
      locations_from: extract && `GIAS establishments extract of ${formatDate(extract.as_at)}`,
    };
  }
  if (extract === null) return null;
  const name = `GIAS establishments extract of ${formatDate(extract.as_at)}`;
  return { kind: 'extract', name, ...extract, has_pupils: true, locations_from: name };
}

/** The first day the register answers, for the docs and series: the day after the two extracts' midpoint. */
export function registerFromDay(db: Db): string | null {
  const held = extractsHeld(db);
  if (!held.register || !held.establishments) return held.register?.as_at ?? null;
  const span = daysBetween(held.establishments.as_at, held.register.as_at);
  return addDays(held.establishments.as_at, Math.floor(span / 2) + 1);
}

/** Where a series over dates changes extract: the day the register first answers, and the two extracts' names. */
export type ExtractChange = NonNullable<Progress['extract_change']>;

/** The day counts of establishments change extract (null unless both are held), said in words. */
export function extractChange(db: Db): ExtractChange | null {
  const held = extractsHeld(db);
  const date = registerFromDay(db);
  if (!held.establishments || !held.register || date === null) return null;
  const before = extractOfDay(db, held.establishments.as_at)!.name;
  const after = extractOfDay(db, held.register.as_at)!.name;
  return {
    date,
    before,
    after,
    note:
      `Establishments are counted from the ${before} up to ${formatDate(addDays(date, -1))} and from the ` +
      `${after} from ${formatDate(date)}, the extract nearer each date: a figure counting establishments steps ` +
      'there with the extract, not with the network.',
  };
}

/** An area's establishments on a day: pupils null when the extract has none. */
export interface AreaEstablishments {
  schools: number;
  pupils: number | null;
  with_coordinates: number;
}

export interface EstablishmentsOfDay {
  extract: ExtractOfDay | null;
  byArea: Map<string, AreaEstablishments>;
  /**
   * Open establishments of the register whose council area of June 2024 is no single area of the day: counted in
   * none (the 2018 extract's are counted by establishmentsNotPlaced).
   */
  registerNotPlaced: number;
}

/** Establishments (of a phase) per council area in force on the day, from the extract nearer the day. */
export function establishmentsOfDay(db: Db, day: string, phase: string | null): EstablishmentsOfDay {
  const extract = extractOfDay(db, day);
  if (extract?.kind !== 'register') {
    const byArea = new Map(
      schoolsByArea(db, phase).map((s) => [
        s.la_code,
        { schools: s.schools, pupils: s.pupils, with_coordinates: s.with_coordinates },
      ]),
    );
    return { extract, byArea, registerNotPlaced: 0 };
  }
  const toDay = areaOfDay(db, day);
  const byArea = new Map<string, AreaEstablishments>();
  let notPlaced = 0;
  for (const r of registerOpenByArea(db, phase)) {
    const code = toDay(r.la_code);
    if (code === null) {
      notPlaced += r.schools;
      continue;
    }
    const a = byArea.get(code) ?? { schools: 0, pupils: null, with_coordinates: 0 };
    a.schools += r.schools;
    a.with_coordinates += r.located;
    byArea.set(code, a);
  }
  return { extract, byArea, registerNotPlaced: notPlaced };
}

/**
 * Per area in force on the day, the register's open establishments (of a phase) with a 2018 location farther than
 * km from every located member of a list; null when the day is answered by the 2018 extract (see coverage).
 */
export function registerBeyond(
  db: Db,
  day: string,
  snapshot: number,
  phase: string | null,
  km: number,
): Map<string, number> {
  const toDay = areaOfDay(db, day);
  const result = new Map<string, number>();
  for (const r of registerBeyondByArea(db, snapshot, phase, km)) {
    const code = toDay(r.la_code);
    if (code !== null) result.set(code, (result.get(code) ?? 0) + r.beyond);
  }
  return result;
}

/** One area's establishments on a day by phase, most first; pupils null when the extract gives none. */
export function areaPhasesOfDay(
  db: Db,
  day: string,
  laCode: string,
): { phase: string | null; schools: number; pupils: number | null }[] {
  if (extractOfDay(db, day)?.kind !== 'register') return areaSchoolPhases(db, laCode);
  const toDay = areaOfDay(db, day);
  const byPhase = new Map<string | null, number>();
  for (const r of registerOpenByAreaPhase(db)) {
    if (toDay(r.la_code) === laCode) byPhase.set(r.phase, (byPhase.get(r.phase) ?? 0) + r.schools);
  }
  return [...byPhase]
    .map(([phase, schools]) => ({ phase, schools, pupils: null }))
    .sort((a, b) => b.schools - a.schools || (a.phase ?? '').localeCompare(b.phase ?? ''));
}

/**
 * A page of the located establishments of some areas of the day farther than scope.km from every member, farthest
 * first, from the extract nearer the day: the register's are measured from their 2018 location (by URN).
 */
export function farEstablishmentsOfDay(db: Db, day: string, scope: FarScope, limit: number, offset: number) {
  if (extractOfDay(db, day)?.kind !== 'register') return schoolsFartherThan(db, scope, limit, offset);
  const toDay = areaOfDay(db, day);
  const codes = registerAreasIn(db, toDay, scope.areas);
  const { rows, total } = registerFartherThan(db, { ...scope, areas: codes }, limit, offset);
  return { rows: rows.map((r) => ({ ...r, la_code: toDay(r.la_code)! })), total };
}

/** An establishment by name, listed under an area of any date, with the area of the day that holds it. */
export type NamedOfDay = Omit<NamedEstablishment, 'area_of_2018'> & { area_of_day: string | null };

/**
 * The establishments (of a phase) of some council areas of any date, by name, from the extract nearer the day, so
 * that a list agrees with the count beside it: the 2018 extract's by their area of 2011-2018 or where they are
 * placed since; the register's open ones by its own council area (of June 2024).
 */
export function namedEstablishmentsOfDay(
  db: Db,
  day: string,
  codes: string[],
  phase: string | null,
): NamedOfDay[] {
  if (codes.length === 0) return [];
  if (extractOfDay(db, day)?.kind !== 'register') {
    return namedEstablishmentsOf(db, codes, phase).map(({ area_of_2018, ...e }) => ({
      ...e,
      area_of_day: area_of_2018,
    }));
  }
  const toDay = areaOfDay(db, day);
  const wanted = new Set(codes);
  return registerOpenNamed(db, registerAreasIn(db, toDay, codes), phase).map((r) => {
    const ofDay = toDay(r.la_code);
    return { ...r, la_code: wanted.has(r.la_code) ? r.la_code : (ofDay ?? r.la_code), area_of_day: ofDay };
  });
}

/**
 * The council areas of any date whose establishments the register may place in `codes`: each of them, and each
 * that lies in one of them on the day (an area of the day may be older than the register's: Cumbria in 2022 holds
 * Cumberland and Westmorland and Furness).
 */
function registerAreasIn(db: Db, toDay: (code: string) => string | null, codes: string[]): string[] {
  const wanted = new Set(codes);
  return areaSpans(db)
    .map((s) => s.la_code)
    .filter((code) => wanted.has(code) || wanted.has(toDay(code) ?? ''));
}

/**
 * Maps a council area of the register's date to the one area in force on the day that holds it: itself, else the
 * one area it came from (Cumberland on 1 May 2021: Cumbria) or went into; null when there is not exactly one.
 */
function areaOfDay(db: Db, day: string): (code: string) => string | null {
  const when = areaDay(day);
  const spans = new Map(areaSpans(db).map((s) => [s.la_code, s]));
  const inForce = (s: AreaSpan) => s.valid_from <= when && (s.valid_to === null || s.valid_to >= when);
  const walk = (code: string, seen: Set<string>): string[] => {
    const span = spans.get(code);
    if (!span || seen.has(code)) return [];
    seen.add(code);
    if (inForce(span)) return [code];
    const next = span.valid_from > when ? span.predecessors : span.successors;
    return [...new Set(next.flatMap((c) => walk(c, seen)))];
  };
  const cache = new Map<string, string | null>();
  return (code) => {
    if (!cache.has(code)) {
      const found = walk(code, new Set());
      cache.set(code, found.length === 1 ? found[0]! : null);
    }
    return cache.get(code)!;
  };
}
