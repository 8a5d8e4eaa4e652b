import { all, type Db } from '../gateway.js';
import { FIRST_AREA_DAY } from '../writes/council-areas.js';
import type { Place } from '../../hubs/places.js';

/** A hub as one list gives it, for matching it with another list's hubs. */
export interface HubListingRow {
  member_id: number;
  key: string;
  name: string;
  website: string | null;
  /** The lead school's URN, where the list gives it. */
  urn: number | null;
  lead_school: string | null;
  /** The list's own grouping (the 2021 list: Regional Schools Commissioner area); not an ONS region. */
  list_area: string | null;
  test_and_learn: boolean;
  /** The code of the 2024-2028 designation; null on lists before December 2023. */
  code: string | null;
  places: Place[];
  location_urn: number | null;
  location_via: string | null;
  /** Names of the council areas it serves, by name. */
  serves: string[];
}

/** Every hub of a snapshot, in the list's own order (as imported). */
export function hubListings(db: Db, snapshotId: number): HubListingRow[] {
  return all<
    { places: string; serves: string; test_and_learn: number } & Omit<
      HubListingRow,
      'places' | 'serves' | 'test_and_learn'
    >
  >(
    db,
    `SELECT sm.member_id, m.member_key AS key, sm.name, sm.website, sm.urn, h.lead_school, h.list_area,
       h.test_and_learn, h.code, h.places, sm.location_urn, h.location_via,
       (SELECT json_group_array(name) FROM (SELECT xa.name FROM snapshot_member_areas x
          JOIN council_areas xa ON xa.la_code = x.la_code
          WHERE x.snapshot_id = sm.snapshot_id AND x.member_id = sm.member_id ORDER BY xa.name)) AS serves
     FROM snapshot_members sm JOIN members m ON m.id = sm.member_id
     JOIN hub_listings h ON h.snapshot_id = sm.snapshot_id AND h.member_id = sm.member_id
     WHERE sm.snapshot_id = ? ORDER BY sm.rowid`,
    [snapshotId],
  ).map((row) => ({
    ...row,
    test_and_learn: row.test_and_learn === 1,
    places: JSON.parse(row.places) as Place[],
    serves: JSON.parse(row.serves) as string[],
  }));
}

/** Each 2013 district with the council area it lies in (the district lookup), to place a hub's districts. */
export function districtAreas(db: Db): { district: string; la_code: string; code: string | null }[] {
  // The district lookup keeps each 2013 district's ONS code in its source ('district E07000150'). An area of
  // 2011-2018 whose district is on record only under another kind (Durham: 'County Durham' is an alias) is its
  // own district, by its name, as hub places name it (importer/hub-places.ts).
  return all<{ district: string; la_code: string; code: string | null }>(
    db,
    `SELECT alias AS district, la_code,
       CASE WHEN source LIKE 'district E%' THEN substr(source, 10) END AS code
     FROM area_aliases WHERE kind = 'district'
     UNION ALL
     SELECT a.name, a.la_code, a.ons_code_2013 FROM council_areas a
     WHERE a.valid_from <= ? AND NOT EXISTS (SELECT 1 FROM area_aliases x WHERE x.kind = 'district' AND x.la_code = a.la_code)
     ORDER BY 2, 1`,
    [FIRST_AREA_DAY],
  );
}
