// Every located school, held in a few flat arrays of numbers rather than as an object each: 400,000 schools as
// objects held some 80 MB of heap through the distances' work (and its collections), as numbers some 13 MB.
// Each area's schools are made objects when that area's turn comes, and let go after it.
import type { Db } from '../db/gateway.js';
import { eachSchoolPoint, type SchoolPoint } from '../db/queries/establishments.js';

export class SchoolPoints {
  private readonly urns: number[] = [];
  private readonly latitudes: number[] = [];
  private readonly longitudes: number[] = [];
  /** Each school's phase, as its position in `phases`. */
  private readonly phaseAt: number[] = [];
  private readonly phases: string[] = [];
  /** Each area's schools, as their positions in the arrays above. */
  private readonly areas = new Map<string, number[]>();

  constructor(db: Db) {
    const phaseIds = new Map<string, number>();
    eachSchoolPoint(db, (urn, laCode, phase, latitude, longitude) => {
      let area = this.areas.get(laCode);
      if (!area) this.areas.set(laCode, (area = []));
      area.push(this.urns.length);
      let phaseId = phaseIds.get(phase);
      if (phaseId === undefined) phaseIds.set(phase, (phaseId = this.phases.push(phase) - 1));
      this.urns.push(urn);
      this.latitudes.push(latitude);
      this.longitudes.push(longitude);
      this.phaseAt.push(phaseId);
    });
  }

  /**
   * Each area's code and its schools, area by area in code order, each area's from the south (then by URN): the
   * order the nearest-member search is quickest in (each school is near the last), and one that never varies.
   * Sorted here rather than by SQLite: 400,000 rows sorted there cost more than 160 areas' sorted here.
   */
  *byArea(): Generator<[string, SchoolPoint[]]> {
    const { urns, latitudes, longitudes } = this;
    for (const laCode of [...this.areas.keys()].sort()) {
      const at = this.areas.get(laCode)!;
      at.sort((a, b) => latitudes[a]! - latitudes[b]! || urns[a]! - urns[b]!);
      const schools = at.map((i) => ({
        urn: urns[i]!,
        la_code: laCode,
        phase: this.phases[this.phaseAt[i]!]!,
        latitude: latitudes[i]!,
        longitude: longitudes[i]!,
      }));
      yield [laCode, schools];
    }
  }
}
