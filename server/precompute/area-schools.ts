// Establishments per council area and phase (area_schools), tallied as an establishments list is written: one
// pass over the rows the import already holds, instead of a GROUP BY over the whole table after it (a third of
// a 400,000-row import's time).
import { type TalliedFields, eachEstablishment } from '../db/queries/establishments.js';
import type { Db } from '../db/gateway.js';
import { type AreaSchoolsRow, replaceAreaSchools } from '../db/writes/derived.js';
import { ESTABLISHMENT_FIELD_AT, ESTABLISHMENT_FIELDS } from '../db/writes/establishments.js';

const WIDTH = ESTABLISHMENT_FIELDS.length;
const AT = ESTABLISHMENT_FIELD_AT;

export class AreaSchoolsTally {
  // By area, then phase: two lookups of strings the rows already hold, no key built per row.
  private readonly byArea = new Map<string, Map<string, AreaSchoolsRow>>();

  add(e: TalliedFields): void {
    this.count(e.la_code, e.in_council_areas, e.phase, e.num_pupils, e.latitude, e.longitude);
  }

  /** Establishments as values end to end, in ESTABLISHMENT_FIELDS order (as insertEstablishmentValues takes them). */
  addPacked(values: readonly unknown[]): void {
    for (let at = 0; at < values.length; at += WIDTH) {
      this.count(
        values[at + AT.la_code] as string | null,
        Boolean(values[at + AT.in_council_areas]),
        values[at + AT.phase] as string | null,
        values[at + AT.num_pupils] as number | null,
        values[at + AT.latitude] as number | null,
        values[at + AT.longitude] as number | null,
      );
    }
  }

  private count(
    laCode: string | null,
    inCouncilAreas: boolean,
    phaseName: string | null,
    pupils: number | null,
    latitude: number | null,
    longitude: number | null,
  ): void {
    if (!inCouncilAreas || laCode === null) return;
    const phase = phaseName ?? '';
    let phases = this.byArea.get(laCode);
    if (phases === undefined) this.byArea.set(laCode, (phases = new Map()));
    let row = phases.get(phase);
    if (row === undefined) {
      row = { la_code: laCode, phase, schools: 0, pupils: 0, located: 0, lat_sum: 0, lon_sum: 0 };
      phases.set(phase, row);
    }
    row.schools++;
    row.pupils += pupils ?? 0;
    // Located means a latitude, as the reads count it (count(latitude)); coordinates come in pairs.
    if (latitude !== null) {
      row.located++;
      row.lat_sum += latitude;
      row.lon_sum += longitude ?? 0;
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
