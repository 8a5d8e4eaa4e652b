// Which hubs serve each council area on a hub list, and which part of it: a hub reaches the areas it serves (the
// districts its list names), never a distance from a school. An area is served when a hub serves it or a part of
// it; the part is said: the districts no hub names, or the list's own sub-divisions it does not define.
import { andList } from '../../common/words.js';
import type { Db } from '../db/gateway.js';
import { areaSpans } from '../db/queries/areas.js';
import { districtAreas, hubListings } from '../db/queries/hubs.js';

export interface AreaService {
  /** The hubs serving the area, each with the places of its list that lie in it. */
  hubs: { key: string; name: string; places: string[] }[];
  /** null: the whole area is served; else which part is, in words. */
  part: string | null;
  /** The districts of the area no hub names (each with its ONS code where known); [] when it is served whole. */
  unnamed: { name: string; code: string | null }[];
  /** The list's own sub-divisions that serve a part of the area no public source defines (they may cover some of
   * the unnamed districts, so the part no hub serves cannot be said). */
  undefinedParts: string[];
}

/**
 * The areas created since 2018 that are in force on `day`, by the ONS code of each district they are made of: a
 * district of Northamptonshire lies in North or West Northamptonshire from April 2021.
 */
function laterAreaOfDistrict(db: Db, day: string | null): Map<string, string> {
  const of = new Map<string, string>();
  if (day === null) return of;
  for (const area of areaSpans(db)) {
    const inForce = area.valid_from <= day && (area.valid_to === null || area.valid_to >= day);
    if (inForce && area.predecessors.length > 0) area.districts_2016.forEach((d) => of.set(d, area.la_code));
  }
  return of;
}

/**
 * la_code -> the hubs serving it and the part they serve, on one hub list (areas no hub serves are absent), among
 * the areas in force on `day` (null: the areas of 2011-2018 the lists are matched to).
 */
export function hubService(db: Db, snapshotId: number, day: string | null = null): Map<string, AreaService> {
  const areaOf = new Map<string, string>();
  const districtsOf = new Map<string, string[]>();
  const codeOf = new Map<string, string | null>();
  const later = laterAreaOfDistrict(db, day);
  for (const { district, la_code, code } of districtAreas(db)) {
    const area = (code !== null ? later.get(code) : undefined) ?? la_code;
    areaOf.set(district, area);
    codeOf.set(district, code);
    districtsOf.set(area, [...(districtsOf.get(area) ?? []), district]);
  }
  const found = new Map<string, { hubs: AreaService['hubs']; whole: Set<string>; vague: string[] }>();
  for (const hub of hubListings(db, snapshotId)) {
    for (const place of hub.places) {
      const codes = new Set(place.districts.flatMap((d) => areaOf.get(d) ?? []));
      for (const code of codes) {
        const area = found.get(code) ?? { hubs: [], whole: new Set<string>(), vague: [] };
        found.set(code, area);
        let entry = area.hubs.find((h) => h.key === hub.key);
        if (!entry) area.hubs.push((entry = { key: hub.key, name: hub.name, places: [] }));
        entry.places.push(place.name);
        if (place.part) area.vague.push(place.name);
        else place.districts.filter((d) => areaOf.get(d) === code).forEach((d) => area.whole.add(d));
      }
    }
  }
  return new Map(
    [...found].map(([code, area]) => {
      const missing = (districtsOf.get(code) ?? []).filter((d) => !area.whole.has(d));
      const vague = [...new Set(area.vague)];
      const part =
        missing.length === 0
          ? null
          : vague.length > 0
            ? `${andList(vague)}, part${vague.length > 1 ? 's' : ''} the list does not define; ` +
              `no hub names ${andList(missing)} as a whole`
            : `${andList([...area.whole].sort())}; no hub names ${andList(missing)}`;
      const unnamed = missing.map((name) => ({ name, code: codeOf.get(name) ?? null }));
      return [code, { hubs: area.hubs, part, unnamed, undefinedParts: vague }];
    }),
  );
}
