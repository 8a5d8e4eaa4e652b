import type { Db } from '../db/gateway.js';
import { areaSpans, regionRows } from '../db/queries/areas.js';
import {
  allAreaCodes,
  allAreaNames,
  areaAliases,
  areaCompositions,
  areaNames,
} from '../db/writes/council-areas.js';
import { AreaIndex, normaliseAreaName } from './areas.js';
import { AreasOnDate } from './areas-on-date.js';
import type { KnownCodes } from './boundaries.js';
import type { ValidateContext } from './format.js';

/** The council areas and their other names, as validation needs them (also sent to a validating worker). */
export function areaTables(db: Db) {
  return { areas: areaNames(db), aliases: areaAliases(db) };
}

export function areaContext(tables: ReturnType<typeof areaTables>): ValidateContext {
  return { areas: new AreaIndex(tables.areas, tables.aliases) };
}

/** The codes a boundaries file must cover: the council areas and regions the registry holds. */
export function knownCodes(db: Db): KnownCodes {
  return {
    councilAreas: allAreaCodes(db),
    requiredAreas: areaNames(db).map((a) => a.la_code),
    regions: regionRows(db).map((r) => r.code),
  };
}

/**
 * The matcher of names to the council areas in force on a date: `areasOnDate(db).match('Cumberland', '2025-09-30')`
 * gives { ok: true, la_codes: ['942'] }; 'Cumbria' that day gives ['942', '943']; on 2018-03-12, ['909'].
 */
export function areasOnDate(db: Db): AreasOnDate {
  const tables = areaTables(db);
  const districtsOf = new Map<string, string[]>();
  const codeOf = new Map<string, string>();
  for (const a of tables.aliases.filter((x) => x.kind === 'district')) {
    districtsOf.set(a.la_code, [...(districtsOf.get(a.la_code) ?? []), a.alias]);
    const code = /^district (E\d{8})$/.exec(a.source)?.[1];
    if (code) codeOf.set(normaliseAreaName(a.alias), code);
  }
  const compositions = new Map(
    areaCompositions(db).map((c) => [normaliseAreaName(c.name), c.districts] as [string, string[]]),
  );
  const names = allAreaNames(db);
  const areas = areaSpans(db).map((s) => ({
    la_code: s.la_code,
    name: names.get(s.la_code) ?? s.la_code,
    valid_from: s.valid_from,
    valid_to: s.valid_to,
    districts_2016: s.districts_2016,
  }));
  return new AreasOnDate(new AreaIndex(tables.areas, tables.aliases), areas, {
    codeOf,
    compositions,
    districtsOf,
  });
}
