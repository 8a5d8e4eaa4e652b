import type { Db } from '../db/gateway.js';
import { areaAliases, areaNames } from '../db/writes/council-areas.js';
import { AreaIndex } from './areas.js';
import type { ValidateContext } from './format.js';

/** The council areas and their other names, as validation needs them (also sent to a validating worker). */
export function areaTables(db: Db) {
  return { areas: areaNames(db), aliases: areaAliases(db) };
}

export function areaContext(tables: ReturnType<typeof areaTables>): ValidateContext {
  return { areas: new AreaIndex(tables.areas, tables.aliases) };
}
