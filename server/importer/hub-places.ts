// The tables the hub place resolver needs, from the database: the area matcher, each council area's 2013
// districts, and the districts later and sub-divided names are made of (data/reference/area_successors.csv).
import type { Db } from '../db/gateway.js';
import { areaAliases, areaCompositions, areaNames } from '../db/writes/council-areas.js';
import { resolvePlace, type Place, type PlaceTables } from '../hubs/places.js';
import { AreaIndex, normaliseAreaName } from './areas.js';

export function placeTables(db: Db): PlaceTables {
  const areas = areaNames(db);
  const aliases = areaAliases(db);
  const index = new AreaIndex(areas, aliases);
  const districtsOf = new Map<string, string[]>();
  for (const alias of aliases.filter((a) => a.kind === 'district')) {
    districtsOf.set(alias.la_code, [...(districtsOf.get(alias.la_code) ?? []), alias.alias]);
  }
  // An area whose 2013 district is on record only under another kind (an alias row replaced it) is its own district.
  for (const area of areas) if (!districtsOf.has(area.la_code)) districtsOf.set(area.la_code, [area.name]);
  return {
    match: (name) => index.match(name),
    districtsOf,
    compositions: new Map(areaCompositions(db).map((c) => [normaliseAreaName(c.name), c])),
    normalise: normaliseAreaName,
  };
}

/** A hub's listed districts as places: what each is made of. */
export function placesOf(names: string[], tables: PlaceTables): Place[] {
  return names.map((name) => resolvePlace(name, tables));
}
