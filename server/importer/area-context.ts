import type { Db } from '../db/gateway.js';
import { regionRows } from '../db/queries/areas.js';
import { allAreaCodes, areaAliases, areaNames } from '../db/writes/council-areas.js';
import { AreaIndex } from './areas.js';
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
