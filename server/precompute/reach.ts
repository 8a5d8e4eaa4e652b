// How far each school is from a network list's members, worked out inside the import that changes it: each
// located establishment's nearest member (of any phase, and of its own), and per council area the schools beyond
// each distance and the nearest members that do not serve the area, measured from the area's own schools. Worked
// out area by area (one area's schools held at a time), writing only the schools whose figures changed: a new
// establishments list moves, opens and closes some schools, and rewriting every school of every list cost most of
// its import.
import type { Db } from '../db/gateway.js';
import type { SchoolPoint } from '../db/queries/establishments.js';
import { memberPoints, type MemberPoint } from '../db/queries/members.js';
import { ALL_PHASES, schoolReachIn, type SchoolReach } from '../db/queries/reach.js';
import {
  clearAreaReach,
  deleteSchoolReach,
  deleteSchoolReachOutside,
  insertAreaReach,
  insertListReach,
  insertNearestOutside,
  insertSchoolReach,
  type AreaReachRow,
} from '../db/writes/derived.js';
import { stepFunction, stepsFor } from './area-reach.js';
import { refreshServedAreas } from './later-areas.js';
import { MemberIndex } from './member-index.js';
import { nearestOutside } from './nearest-outside.js';
import { SchoolPoints } from './school-points.js';

/** How many nearest members outside an area are kept. */
export const NEAREST_OUTSIDE = 3;

/** Members of each phase, indexed; members the list gives no phase are in the index of all phases only. */
function phaseIndexes(members: MemberPoint[]): Map<string, MemberIndex> {
  const byPhase = new Map<string, MemberPoint[]>();
  for (const m of members) {
    if (m.phase !== ALL_PHASES) byPhase.set(m.phase, [...(byPhase.get(m.phase) ?? []), m]);
  }
  return new Map([...byPhase].map(([phase, list]) => [phase, new MemberIndex(list)]));
}

/** One area's schools by phase key ('' for all of them), with each one's distance in steps to its nearest member. */
class AreaGroups {
  readonly groups = new Map<string, { schools: SchoolPoint[]; steps: number[] }>();

  add(phase: string, school: SchoolPoint, km: number): void {
    let group = this.groups.get(phase);
    if (!group) this.groups.set(phase, (group = { schools: [], steps: [] }));
    group.schools.push(school);
    group.steps.push(stepsFor(km));
  }
}

const sameReach = (a: SchoolReach, b: SchoolReach): boolean =>
  a.phase === b.phase &&
  a.member_id === b.member_id &&
  a.km === b.km &&
  a.phase_member_id === b.phase_member_id &&
  a.phase_km === b.phase_km;

/**
 * Works out one area's figures of a list: its schools' nearest members, written where they differ from those
 * kept (new, moved or re-phased schools, or a nearer member), and removed for schools no longer in it; then the
 * area's step functions and nearest members outside, which are few rows, written whole.
 */
function refreshArea(
  db: Db,
  snapshotId: number,
  laCode: string,
  schools: readonly SchoolPoint[],
  indexes: Map<string, MemberIndex>,
): void {
  const kept = new Map(schoolReachIn(db, snapshotId, laCode).map((r) => [r.urn, r]));
  const area = new AreaGroups();
  const changed: SchoolReach[] = [];
  const stale: number[] = [];
  for (const school of schools) {
    const nearest = indexes.get(ALL_PHASES)!.nearest(school);
    area.add(ALL_PHASES, school, nearest.km);
    const ofPhase = school.phase === ALL_PHASES ? undefined : indexes.get(school.phase)?.nearest(school);
    if (ofPhase) area.add(school.phase, school, ofPhase.km);
    const reach: SchoolReach = {
      urn: school.urn,
      la_code: laCode,
      phase: school.phase,
      member_id: nearest.place.member_id,
      km: nearest.km,
      phase_member_id: ofPhase?.place.member_id ?? null,
      phase_km: ofPhase?.km ?? null,
    };
    const before = kept.get(school.urn);
    kept.delete(school.urn);
    if (before && sameReach(before, reach)) continue;
    if (before) stale.push(school.urn);
    changed.push(reach);
  }
  stale.push(...kept.keys());
  // A new list of establishments under new URNs keeps none of an area's rows: one delete, not one per school.
  if (stale.length > 0)
    deleteSchoolReach(db, snapshotId, laCode, changed.length === schools.length ? null : stale);
  insertSchoolReach(db, snapshotId, changed);

  const steps: AreaReachRow[] = [];
  for (const [phase, group] of area.groups) {
    for (const [step, beyond] of stepFunction(group.steps))
      steps.push({ phase, la_code: laCode, step, beyond });
  }
  insertAreaReach(db, snapshotId, steps);
  for (const [phase, { schools: ofPhase }] of area.groups) {
    nearestOutside(laCode, ofPhase, indexes.get(phase)!, NEAREST_OUTSIDE).forEach((o, i) =>
      insertNearestOutside(db, snapshotId, phase, laCode, { rank: i + 1, ...o }),
    );
  }
}

/**
 * Works out again every distance figure of one list (after the list, or the establishments, changed), writing
 * only what differs from the figures kept: the result is the same as clearing them and working them all out.
 * `points` gives every located school (see schoolPointsOnce), asked for only when the list has located members.
 */
export function refreshListReach(
  db: Db,
  snapshotId: number,
  points: () => SchoolPoints = () => SchoolPoints.read(db),
): void {
  clearAreaReach(db, snapshotId);
  refreshServedAreas(db, snapshotId);
  const members = memberPoints(db, snapshotId);
  insertListReach(db, snapshotId, ALL_PHASES, members.length);
  if (members.length === 0) {
    // Hubs, and a list none of whose members has a location: no distances.
    deleteSchoolReachOutside(db, snapshotId, []);
    return;
  }
  const indexes = new Map([[ALL_PHASES, new MemberIndex(members)], ...phaseIndexes(members)]);
  for (const [phase, index] of indexes) {
    if (phase !== ALL_PHASES) insertListReach(db, snapshotId, phase, index.places.length);
  }
  const codes: string[] = [];
  for (const [laCode, schools] of points().byArea()) {
    refreshArea(db, snapshotId, laCode, schools, indexes);
    codes.push(laCode);
  }
  deleteSchoolReachOutside(db, snapshotId, codes);
}

/** Every located school, read when first asked for and then kept, for the lists worked out one after another. */
export function schoolPointsOnce(db: Db, given: SchoolPoints | null = null): () => SchoolPoints {
  let points = given;
  return () => (points ??= SchoolPoints.read(db));
}
