import type { SchoolPoint } from '../db/queries/establishments.js';
import { kmBetween, type MemberIndex, PlaceIndex } from './member-index.js';

export interface Outside {
  member_id: number;
  /** From the nearest of the area's schools: the one named by from_urn. */
  km: number;
  from_urn: number;
}

/** The mean position of some schools, and how far the farthest of them is from it. */
function spread(schools: readonly SchoolPoint[]) {
  const centre = {
    latitude: schools.reduce((s, p) => s + p.latitude, 0) / schools.length,
    longitude: schools.reduce((s, p) => s + p.longitude, 0) / schools.length,
  };
  // A loop, not Math.max(...): spread, an area of some 150,000 schools overflowed the stack.
  const radius = schools.reduce((far, s) => Math.max(far, kmBetween(centre, s)), -Infinity);
  return { centre, radius };
}

/**
 * The `k` members nearest an area's schools (all of one area, of one phase) that do not serve the area, each with
 * its distance from the nearest of those schools. Members are taken nearest the schools' centre first; one whose
 * distance from the centre, less the schools' spread, is no nearer than the k-th found so far cannot be nearer
 * to any of the schools (the triangle inequality), so the search stops there: a few members per area, not all.
 */
export function nearestOutside(
  laCode: string,
  schools: readonly SchoolPoint[],
  members: MemberIndex,
  k: number,
): Outside[] {
  const { centre, radius } = spread(schools);
  const near = new PlaceIndex(schools);
  const best: Outside[] = [];
  const seen = new Set<number>();
  for (let want = 4 * k; ; want *= 2) {
    const ids = members.around(centre, want, (i) => !members.servesArea(i, laCode));
    for (const i of ids) {
      if (seen.has(i)) continue;
      seen.add(i);
      const member = members.places[i]!;
      if (best.length === k && kmBetween(centre, member) - radius >= best[k - 1]!.km) return best;
      const school = near.nearest(member);
      best.push({ member_id: member.member_id, km: school.km, from_urn: school.place.urn });
      best.sort((a, b) => a.km - b.km || a.member_id - b.member_id);
      if (best.length > k) best.pop();
    }
    if (ids.length < want) return best;
  }
}
