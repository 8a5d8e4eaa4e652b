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
  /** Each area in turn, with where its schools start and end. */
  private readonly areas: { la_code: string; start: number; end: number }[] = [];

  constructor(db: Db) {
    const phaseIds = new Map<string, number>();
    // In order of area (eachSchoolPoint's order): an area's schools are one run.
    eachSchoolPoint(db, (school) => {
      const last = this.areas.at(-1);
      if (last?.la_code === school.la_code) last.end++;
      else this.areas.push({ la_code: school.la_code, start: this.urns.length, end: this.urns.length + 1 });
      let phase = phaseIds.get(school.phase);
      if (phase === undefined) phaseIds.set(school.phase, (phase = this.phases.push(school.phase) - 1));
      this.urns.push(school.urn);
      this.latitudes.push(school.latitude);
      this.longitudes.push(school.longitude);
      this.phaseAt.push(phase);
    });
  }

  /** Each area's code and its schools, area by area in code order. */
  *byArea(): Generator<[string, SchoolPoint[]]> {
    for (const { la_code, start, end } of this.areas) {
      const schools: SchoolPoint[] = [];
      for (let i = start; i < end; i++) {
        schools.push({
          urn: this.urns[i]!,
          la_code,
          phase: this.phases[this.phaseAt[i]!]!,
          latitude: this.latitudes[i]!,
          longitude: this.longitudes[i]!,
        });
      }
      yield [la_code, schools];
    }
  }
}
