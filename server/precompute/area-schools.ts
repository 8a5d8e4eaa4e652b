// Establishments per council area and phase (area_schools), tallied as an establishments list is written: one
// pass over the rows the import already holds, instead of a GROUP BY over the whole table after it (a third of
// a 400,000-row import's time).
import { type TalliedFields, eachEstablishment } from '../db/queries/establishments.js';
import type { Db } from '../db/gateway.js';
import { type AreaSchoolsRow, replaceAreaSchools } from '../db/writes/derived.js';

export class AreaSchoolsTally {
  // By area, then phase: two lookups of strings the rows already hold, no key built per row.
  private readonly byArea = new Map<string, Map<string, AreaSchoolsRow>>();

  add(e: TalliedFields): void {
    if (!e.in_council_areas || e.la_code === null) return;
    const phase = e.phase ?? '';
    let phases = this.byArea.get(e.la_code);
    if (phases === undefined) this.byArea.set(e.la_code, (phases = new Map()));
    let row = phases.get(phase);
    if (row === undefined) {
      row = { la_code: e.la_code, phase, schools: 0, pupils: 0, located: 0, lat_sum: 0, lon_sum: 0 };
      phases.set(phase, row);
    }
    row.schools++;
    row.pupils += e.num_pupils ?? 0;
    // Located means a latitude, as the reads count it (count(latitude)); coordinates come in pairs.
    if (e.latitude !== null) {
      row.located++;
      row.lat_sum += e.latitude;
      row.lon_sum += e.longitude ?? 0;
    }
  }

  rows(): AreaSchoolsRow[] {
    return [...this.byArea.values()].flatMap((phases) => [...phases.values()]);
  }
}

/** area_schools worked out again from the establishments table (a database filled before it was kept). */
export function rewriteAreaSchools(db: Db): void {
  const tally = new AreaSchoolsTally();
  eachEstablishment(db, (row) => tally.add(row));
  replaceAreaSchools(db, tally.rows());
}
