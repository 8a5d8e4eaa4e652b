// Every located school, held in a few typed arrays rather than as an object each: 400,000 schools as objects held
// some 80 MB of heap through the distances' work (and its collections), as typed arrays some 12 MB, outside the
// heap (held in JavaScript arrays from the rows' writing on, they raised the import's peak by 40-50 MB).
// Each area's schools are made objects when that area's turn comes, and let go after it. An establishments
// import gathers them as it writes its rows (addPacked); other imports read them (read).
import type { Db } from '../db/gateway.js';
import {
  eachEstablishmentPoint,
  eachLaterAreaPoint,
  type SchoolPoint,
} from '../db/queries/establishments.js';
import { ESTABLISHMENT_FIELD_AT, ESTABLISHMENT_FIELDS } from '../db/writes/establishments.js';

const WIDTH = ESTABLISHMENT_FIELDS.length;
const AT = ESTABLISHMENT_FIELD_AT;

/**
 * Numbers in typed arrays of a fixed size, one more when the last is full: held outside V8's heap (they do not
 * raise its limits), and never copied to grow (a doubled array leaves the one before it to be collected).
 */
class Column<A extends Float64Array | Int32Array | Uint16Array> {
  private readonly chunks: A[] = [];
  length = 0;
  constructor(private readonly make: (size: number) => A) {}

  push(value: number): void {
    const chunk = this.length >>> CHUNK_BITS;
    if (chunk === this.chunks.length) this.chunks.push(this.make(1 << CHUNK_BITS));
    this.chunks[chunk]![this.length++ & CHUNK_MASK] = value;
  }

  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK]!;
  }
}

const CHUNK_BITS = 16;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

export class SchoolPoints {
  private readonly urns = new Column((n) => new Int32Array(n));
  private readonly latitudes = new Column((n) => new Float64Array(n));
  private readonly longitudes = new Column((n) => new Float64Array(n));
  /** Each school's phase, as its position in `phases`. */
  private readonly phaseAt = new Column((n) => new Uint16Array(n));
  private readonly phases: string[] = [];
  private readonly phaseIds = new Map<string, number>();
  /** Each school's area, as its position in `areaCodes`. */
  private readonly areaAt = new Column((n) => new Uint16Array(n));
  private readonly areaCodes: string[] = [];
  private readonly areaIds = new Map<string, number>();

  /** Every located school of the establishments held, in its area of 2011-2018 and in each later area. */
  static read(db: Db): SchoolPoints {
    const points = new SchoolPoints();
    eachEstablishmentPoint(db, (...values) => points.addEstablishment(...values));
    return points.addLaterAreas(db);
  }

  /**
   * An establishment as written: a school of its area of 2011-2018 when it lies in the council areas and has a
   * location (as the reads count one); otherwise nothing.
   */
  addEstablishment(
    urn: number,
    laCode: string | null,
    inCouncilAreas: unknown,
    phase: string | null,
    latitude: number | null,
    longitude: number | null,
  ): void {
    if (!inCouncilAreas || laCode === null || latitude === null || longitude === null) return;
    this.add(urn, laCode, phase ?? '', latitude, longitude);
  }

  /** Establishments as values end to end, in ESTABLISHMENT_FIELDS order (as insertEstablishmentValues takes them). */
  addPacked(values: readonly unknown[]): void {
    for (let at = 0; at < values.length; at += WIDTH) {
      this.addEstablishment(
        values[at + AT.urn] as number,
        values[at + AT.la_code] as string | null,
        values[at + AT.in_council_areas],
        values[at + AT.phase] as string | null,
        values[at + AT.latitude] as number | null,
        values[at + AT.longitude] as number | null,
      );
    }
  }

  /** Adds the schools placed in the areas made since 2018 (establishment_areas, once worked out); returns this. */
  addLaterAreas(db: Db): this {
    eachLaterAreaPoint(db, (urn, laCode, phase, latitude, longitude) =>
      this.add(urn, laCode, phase, latitude, longitude),
    );
    return this;
  }

  private add(urn: number, laCode: string, phase: string, latitude: number, longitude: number): void {
    let areaId = this.areaIds.get(laCode);
    if (areaId === undefined) this.areaIds.set(laCode, (areaId = this.areaCodes.push(laCode) - 1));
    let phaseId = this.phaseIds.get(phase);
    if (phaseId === undefined) this.phaseIds.set(phase, (phaseId = this.phases.push(phase) - 1));
    this.urns.push(urn);
    this.latitudes.push(latitude);
    this.longitudes.push(longitude);
    this.phaseAt.push(phaseId);
    this.areaAt.push(areaId);
  }

  /**
   * Each area's code and its schools, area by area in code order, each area's from the south (then by URN): the
   * order the nearest-member search is quickest in (each school is near the last), and one that never varies.
   * Sorted here rather than by SQLite: 400,000 rows sorted there cost more than 160 areas' sorted here.
   */
  *byArea(): Generator<[string, SchoolPoint[]]> {
    const { urns, latitudes, longitudes, areaAt } = this;
    // Each area's schools (their positions), as one array cut at each area's start.
    const starts = new Int32Array(this.areaCodes.length + 1);
    for (let i = 0; i < areaAt.length; i++) starts[areaAt.get(i) + 1]!++;
    for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
    const next = starts.slice(0, -1);
    const positions = new Int32Array(areaAt.length);
    for (let i = 0; i < areaAt.length; i++) positions[next[areaAt.get(i)]!++] = i;
    const order = this.areaCodes.map((code, id) => [code, id] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [laCode, id] of order) {
      const at = positions.subarray(starts[id]!, starts[id + 1]!);
      at.sort((a, b) => latitudes.get(a) - latitudes.get(b) || urns.get(a) - urns.get(b));
      const schools = Array.from(at, (i) => ({
        urn: urns.get(i),
        la_code: laCode,
        phase: this.phases[this.phaseAt.get(i)]!,
        latitude: latitudes.get(i),
        longitude: longitudes.get(i),
      }));
      yield [laCode, schools];
    }
  }
}
