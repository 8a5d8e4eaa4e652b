// How far each school is from a network list's members, worked out once per list inside the import that changes
// it: each located establishment's nearest member (of any phase, and of its own), and per council area the schools
// beyond each distance and the nearest members that do not serve the area, measured from the area's own schools.
import type { Db } from '../db/gateway.js';
import { schoolPoints, type SchoolPoint } from '../db/queries/establishments.js';
import { memberPoints, type MemberPoint } from '../db/queries/members.js';
import { ALL_PHASES } from '../db/queries/reach.js';
import {
  clearListReach,
  insertAreaReach,
  insertListReach,
  insertNearestOutside,
  insertSchoolReach,
  type AreaReachRow,
  type SchoolReachRow,
} from '../db/writes/derived.js';
import { stepFunction, stepsFor } from './area-reach.js';
import { refreshServedAreas } from './later-areas.js';
import { MemberIndex } from './member-index.js';
import { nearestOutside } from './nearest-outside.js';

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

/** Schools by phase key ('' for all of them) and area, with each one's distance in steps to its nearest member. */
class SchoolsByArea {
  readonly groups = new Map<string, { schools: SchoolPoint[]; steps: number[] }>();

  add(phase: string, school: SchoolPoint, km: number): void {
    const key = `${phase}\u0000${school.la_code}`;
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { schools: [], steps: [] }));
    group.schools.push(school);
    group.steps.push(stepsFor(km));
  }
}

/** Works out again every distance figure of one list (after the list, or the establishments, changed). */
export function refreshListReach(db: Db, snapshotId: number): void {
  clearListReach(db, snapshotId);
  refreshServedAreas(db, snapshotId);
  const members = memberPoints(db, snapshotId);
  insertListReach(db, snapshotId, ALL_PHASES, members.length);
  if (members.length === 0) return;
  const indexes = new Map([[ALL_PHASES, new MemberIndex(members)], ...phaseIndexes(members)]);
  for (const [phase, index] of indexes) {
    if (phase !== ALL_PHASES) insertListReach(db, snapshotId, phase, index.places.length);
  }

  const areas = new SchoolsByArea();
  const reach: SchoolReachRow[] = [];
  for (const school of schoolPoints(db)) {
    const nearest = indexes.get(ALL_PHASES)!.nearest(school);
    areas.add(ALL_PHASES, school, nearest.km);
    const ofPhase = school.phase === ALL_PHASES ? undefined : indexes.get(school.phase)?.nearest(school);
    if (ofPhase) areas.add(school.phase, school, ofPhase.km);
    reach.push({
      urn: school.urn,
      la_code: school.la_code,
      phase: school.phase,
      member_id: nearest.place.member_id,
      km: nearest.km,
      phase_member_id: ofPhase?.place.member_id ?? null,
      phase_km: ofPhase?.km ?? null,
    });
  }
  insertSchoolReach(db, snapshotId, reach);
  const steps: AreaReachRow[] = [];
  for (const [key, group] of areas.groups) {
    const [phase, laCode] = key.split('\u0000') as [string, string];
    for (const [step, beyond] of stepFunction(group.steps))
      steps.push({ phase, la_code: laCode, step, beyond });
  }
  insertAreaReach(db, snapshotId, steps);
  for (const [key, { schools }] of areas.groups) {
    const [phase, laCode] = key.split('\u0000') as [string, string];
    nearestOutside(laCode, schools, indexes.get(phase)!, NEAREST_OUTSIDE).forEach((o, i) =>
      insertNearestOutside(db, snapshotId, phase, laCode, { rank: i + 1, ...o }),
    );
  }
}
