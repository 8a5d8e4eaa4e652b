// The districts a hub list names, resolved to the 2013 districts they are made of, so that two lists naming
// districts of different years ('Forest Heath; St Edmundsbury' in 2021, 'West Suffolk' in 2025) compare district
// by district. Pure: the importer supplies the tables.

/** A district as a list names it: the 2013 districts it is made of, and whether it is only some of them. */
export interface Place {
  name: string;
  districts: string[];
  /** Only a part of `districts`, and the list does not say which (e.g. 'North Yorkshire East'). */
  part: boolean;
  /** A name that is no place known here ('East London'): kept as written, with no districts, placed nowhere. */
  unplaced?: true;
}

export interface PlaceTables {
  /** The council areas a name means and how it was known (the importer's area matcher). */
  match(name: string): { ok: true; la_codes: string[]; via: string } | { ok: false };
  /** The 2013 districts of each council area, by la_code (an area with none listed: its own name). */
  districtsOf: Map<string, string[]>;
  /** Later and sub-divided names' 2013 districts (empty: all of their council area's), by normalised name. */
  compositions: Map<string, { districts: string[]; part: boolean }>;
  normalise(name: string): string;
}

const union = (lists: string[][]): string[] => [...new Set(lists.flat())].sort();

function areaDistricts(tables: PlaceTables, name: string): string[] {
  const match = tables.match(name);
  if (!match.ok) return [name];
  return union(match.la_codes.map((code) => tables.districtsOf.get(code) ?? [code]));
}

/** The 2013 districts a listed name stands for; none for a name that is no known place. */
export function resolvePlace(name: string, tables: PlaceTables): Place {
  if (!tables.match(name).ok && !tables.compositions.has(tables.normalise(name))) {
    return { name, districts: [], part: false, unplaced: true };
  }
  const composition = tables.compositions.get(tables.normalise(name));
  if (composition) {
    const districts =
      composition.districts.length === 0
        ? areaDistricts(tables, name)
        : union(composition.districts.map((d) => resolvePlace(d, tables).districts));
    return { name, districts, part: composition.part };
  }
  const match = tables.match(name);
  if (match.ok && match.via === 'district') {
    const key = tables.normalise(name);
    const all = union(match.la_codes.map((code) => tables.districtsOf.get(code) ?? []));
    return { name, districts: [all.find((d) => tables.normalise(d) === key) ?? name], part: false };
  }
  // A later name with no districts on record covers some of its council areas: which, nothing here says.
  return { name, districts: areaDistricts(tables, name), part: match.ok && match.via === 'successor' };
}
