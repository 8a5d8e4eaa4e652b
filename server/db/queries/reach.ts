import { all, type Db, page, value } from '../gateway.js';

/**
 * Distances are kept, and radii rounded, in steps of this many km: finer than the place a school is given at
 * matters for a radius, and few enough steps that every radius is a lookup.
 */
export const REACH_STEP_KM = 0.5;

/** The key of "every phase" in the derived tables (a phase is otherwise named as the registry spells it). */
export const ALL_PHASES = '';

/** How many members of a list (of a phase, or '' for all) have a location; 0 when distances cannot be measured. */
export function locatedMembers(db: Db, snapshot: number, phase: string): number {
  return (
    value<number>(db, 'SELECT located_members FROM list_reach WHERE snapshot_id = ? AND phase = ?', [
      snapshot,
      phase,
    ]) ?? 0
  );
}

/** Per council area: located schools (of the phase) farther than `steps` steps from every member (of the phase). */
export function beyondByArea(db: Db, snapshot: number, phase: string, steps: number): Map<string, number> {
  const rows = all<{ la_code: string; beyond: number }>(
    db,
    `SELECT a.la_code, (SELECT r.beyond FROM area_reach r
       WHERE r.snapshot_id = @snapshot AND r.phase = @phase AND r.la_code = a.la_code AND r.step <= @steps
       ORDER BY r.step DESC LIMIT 1) AS beyond
     FROM council_areas a`,
    { snapshot, phase, steps },
  );
  return new Map(rows.map((r) => [r.la_code, r.beyond ?? 0]));
}

/** A school's nearest members on a list, as kept (db/writes/derived.ts writes them). */
export interface SchoolReach {
  urn: number;
  la_code: string;
  phase: string;
  member_id: number;
  km: number;
  phase_member_id: number | null;
  phase_km: number | null;
}

/** The nearest members kept for one council area's schools on a list. */
export function schoolReachIn(db: Db, snapshot: number, laCode: string): SchoolReach[] {
  return all<SchoolReach>(
    db,
    `SELECT urn, la_code, phase, member_id, km, phase_member_id, phase_km FROM school_reach
     WHERE snapshot_id = ? AND la_code = ?`,
    [snapshot, laCode],
  );
}

export interface NearestOutsideRow {
  la_code: string;
  rank: number;
  member_key: string;
  name: string;
  /** The member's home council area. */
  member_la_code: string | null;
  km: number;
  /** The area's school the distance is measured from. */
  from_urn: number;
}

/** The nearest members not serving each area (or one area), nearest first, as worked out at import. */
export function nearestOutside(
  db: Db,
  snapshot: number,
  phase: string,
  laCode: string | null,
): NearestOutsideRow[] {
  return all<NearestOutsideRow>(
    db,
    `SELECT o.la_code, o.rank, m.member_key, sm.name, sm.la_code AS member_la_code, o.km, o.from_urn
     FROM area_nearest_outside o
     JOIN members m ON m.id = o.member_id
     JOIN snapshot_members sm ON sm.snapshot_id = o.snapshot_id AND sm.member_id = o.member_id
     WHERE o.snapshot_id = @snapshot AND o.phase = @phase AND (@la IS NULL OR o.la_code = @la)
     ORDER BY o.la_code, o.rank`,
    { snapshot, phase, la: laCode },
  );
}

/** Council areas that share a boundary with each area. */
export function adjacentAreas(db: Db): Map<string, string[]> {
  const rows = all<{ la_code: string; neighbour: string }>(
    db,
    'SELECT la_code, neighbour FROM area_adjacency ORDER BY la_code, neighbour',
  );
  const result = new Map<string, string[]>();
  for (const row of rows) result.set(row.la_code, [...(result.get(row.la_code) ?? []), row.neighbour]);
  return result;
}

/** The council areas that share a boundary with one area, by code. */
export function areasAdjacentTo(db: Db, laCode: string): string[] {
  return all<{ neighbour: string }>(
    db,
    'SELECT neighbour FROM area_adjacency WHERE la_code = ? ORDER BY neighbour',
    [laCode],
  ).map((r) => r.neighbour);
}

/** Whether the figures derived from the data are there: false for a database filled before they were kept. */
export function derivedFiguresMissing(db: Db): boolean {
  return (
    value<number>(
      db,
      `SELECT (EXISTS (SELECT 1 FROM establishments) AND NOT EXISTS (SELECT 1 FROM area_schools))
        OR (EXISTS (SELECT 1 FROM register_establishments WHERE is_open = 1 AND la_code IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM register_area_schools))
        OR EXISTS (SELECT 1 FROM snapshots s WHERE NOT EXISTS (SELECT 1 FROM list_reach r WHERE r.snapshot_id = s.id))
        OR EXISTS (SELECT 1 FROM snapshots s
          WHERE EXISTS (SELECT 1 FROM snapshot_member_areas x WHERE x.snapshot_id = s.id)
            AND NOT EXISTS (SELECT 1 FROM served_areas x WHERE x.snapshot_id = s.id))
        OR (EXISTS (SELECT 1 FROM council_areas) AND NOT EXISTS (SELECT 1 FROM search_index))
        OR (EXISTS (SELECT 1 FROM boundaries WHERE level = 'council-areas')
            AND NOT EXISTS (SELECT 1 FROM area_adjacency))`,
    ) === 1
  );
}

export interface FarSchoolRow {
  urn: number;
  la_code: string;
  phase: string | null;
  /** To its nearest member (of the phase, when one is asked for). */
  km: number;
  member_key: string;
  member_name: string;
  member_la_code: string | null;
}

export interface FarScope {
  snapshot: number;
  /** Schools and members of this phase; null: every phase. */
  phase: string | null;
  /** Farther than this from their nearest member. */
  km: number;
  /** Only schools in these council areas (all of them for England). */
  areas: string[];
}

/** A page of the located schools farther than scope.km from every member (of the phase), farthest first. */
export function schoolsFartherThan(db: Db, scope: FarScope, limit: number, offset: number) {
  // The nearest member of any phase, or of the school's own phase.
  const [km, member] = reachColumns(scope.phase);
  // The areas' schools are read by school_reach's key, which leads with the area, one area after another:
  // scanning a list's rows instead took 50-100 ms on a registry ten times the shipped.
  const reach =
    'json_each(@areas) j CROSS JOIN school_reach r ON r.snapshot_id = @snapshot AND r.la_code = j.value';
  const where = `r.snapshot_id = @snapshot AND (@phase IS NULL OR r.phase = @phase) AND r.${km} > @km`;
  const params = { ...scope, areas: JSON.stringify(scope.areas) };
  return farSchoolsPage(
    db,
    { from: reach, where, km: `r.${km}`, member: `r.${member}` },
    params,
    limit,
    offset,
  );
}

/** school_reach's distance and nearest member: to any member, or (a phase asked) to a member of the phase. */
export function reachColumns(phase: string | null): [km: string, member: string] {
  return phase === null ? ['km', 'member_id'] : ['phase_km', 'phase_member_id'];
}

/**
 * A page of far schools, farthest first, with the member nearest each, and their total: `from` gives the school
 * as r (urn, la_code, phase) and its distance and nearest member as the `km` and `member` expressions.
 */
export function farSchoolsPage(
  db: Db,
  sql: { from: string; where: string; km: string; member: string },
  params: Record<string, unknown> & { snapshot: number },
  limit: number,
  offset: number,
) {
  // The total beside the page, counted in the same pass (a window over every row before LIMIT): a second query
  // counting them walked the same join again, half of a first answer's time on the register's 25,000 rows.
  const counted = page<FarSchoolRow & { total: number }>(
    db,
    `SELECT r.urn, r.la_code, nullif(r.phase, '') AS phase, ${sql.km} AS km, m.member_key,
       sm.name AS member_name, sm.la_code AS member_la_code, count(*) OVER () AS total
     FROM ${sql.from} JOIN members m ON m.id = ${sql.member}
     JOIN snapshot_members sm ON sm.snapshot_id = @snapshot AND sm.member_id = ${sql.member}
     WHERE ${sql.where} ORDER BY ${sql.km} DESC, r.urn`,
    params,
    limit,
    offset,
  );
  const rows = counted.map(({ total: _, ...row }) => row);
  // A page past the end has no row to carry the total: only then is it counted on its own.
  const total =
    counted[0]?.total ??
    value<number>(db, `SELECT count(*) FROM ${sql.from} WHERE ${sql.where}`, params) ??
    0;
  return { rows, total };
}
