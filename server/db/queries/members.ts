import { all, one, page, value, type Db } from '../gateway.js';
import type { SnapshotMemberRow } from '../writes/networks.js';

/** What member lists can be narrowed by; null means no condition. */
export interface MemberFilter {
  snapshot: number;
  la: string | null;
  region: string | null;
  group: number | null;
  phase: string | null;
  /** A LIKE pattern on the member's name. */
  name: string | null;
}

/**
 * Each member of a snapshot with its one home region: the region of the council areas it serves (a school's own
 * area; for a hub whose areas cross a regional border, the region of most of them, then the first by code), so
 * that every breakdown by region counts each member once and the regions sum to the whole.
 */
const HOME_REGIONS = `SELECT member_id, region_code FROM (
    SELECT x.member_id, a.region_code,
      row_number() OVER (PARTITION BY x.member_id ORDER BY count(*) DESC, a.region_code) AS rank
    FROM snapshot_member_areas x JOIN council_areas a ON a.la_code = x.la_code
    WHERE x.snapshot_id = @snapshot AND a.region_code IS NOT NULL
    GROUP BY x.member_id, a.region_code)
  WHERE rank = 1`;

/**
 * A member of the phase asked for: of that phase, or of a network whose members are not schools (a hub serves
 * every phase: the phase narrows the establishments counted, never the hubs).
 */
const OF_PHASE = `(@phase IS NULL OR sm.phase = @phase OR NOT (SELECT n.members_are_schools FROM snapshots s
    JOIN networks n ON n.id = s.network_id WHERE s.id = sm.snapshot_id))`;

// Members serving an area, or at home in a region: each a set worked out once per query, not a lookup per member.
// An area of any date: served_areas holds the areas each member serves in the areas of every date.
const SERVING_AREA = `SELECT x.member_id FROM served_areas x WHERE x.snapshot_id = @snapshot AND x.la_code = @la`;
const SERVING_REGION = `SELECT member_id FROM (${HOME_REGIONS}) WHERE region_code = @region`;

/** The conditions of a MemberFilter on snapshot_members `sm`. */
export const MEMBER_WHERE = `sm.snapshot_id = @snapshot
  AND (@la IS NULL OR sm.member_id IN (${SERVING_AREA}))
  AND (@region IS NULL OR sm.member_id IN (${SERVING_REGION}))
  AND (@group IS NULL OR sm.group_id = @group)
  AND ${OF_PHASE}
  AND (@name IS NULL OR sm.name LIKE @name ESCAPE '\\')`;

type Listed = Pick<
  SnapshotMemberRow,
  | 'urn'
  | 'name'
  | 'la_code'
  | 'region'
  | 'phase'
  | 'establishment_type'
  | 'religious_character'
  | 'designated_on'
  | 'website'
>;

/**
 * A member as listed on a snapshot, with its group, area and school. Its region is its home area's ONS region, or
 * the home region of the areas it serves (a hub: where most of them lie, as HOME_REGIONS), or else its list's.
 */
export interface MemberRow extends Listed {
  member_key: string;
  group_id: number | null;
  group_name: string | null;
  la_name: string | null;
  num_pupils: number | null;
  ofsted_rating: string | null;
  latitude: number | null;
  longitude: number | null;
  serves: string | null;
  /** A hub list's own grouping of hubs (2021: Regional Schools Commissioner area); never an ONS region. */
  list_area: string | null;
  /** Where a member placed by another list's entry for it gets its location from ('EENEL1 as at 2021-09-01'). */
  location_via: string | null;
  /** Its school (a hub's lead school) as the GIAS register of June 2024 names it; null: not in the register. */
  school_name: string | null;
}

const MEMBER_SELECT = `SELECT m.member_key, sm.urn, sm.name, sm.group_id, g.name AS group_name, sm.la_code,
    a.name AS la_name, coalesce(r.name, (SELECT xr.name
       FROM snapshot_member_areas x JOIN council_areas xa ON xa.la_code = x.la_code
       JOIN regions xr ON xr.code = xa.region_code
       WHERE x.snapshot_id = sm.snapshot_id AND x.member_id = sm.member_id
       GROUP BY xr.code ORDER BY count(*) DESC, xr.code LIMIT 1), sm.region) AS region,
    sm.phase, sm.establishment_type,
    sm.religious_character, sm.designated_on, sm.website, e.num_pupils, e.ofsted_rating, e.latitude, e.longitude,
    (SELECT group_concat(la_code, ';') FROM (SELECT x.la_code FROM snapshot_member_areas x
       WHERE x.snapshot_id = sm.snapshot_id AND x.member_id = sm.member_id ORDER BY x.la_code)) AS serves,
    hl.list_area, hl.location_via,
    (SELECT rg.name FROM register_establishments rg WHERE rg.urn = sm.urn) AS school_name
  FROM snapshot_members sm
  JOIN members m ON m.id = sm.member_id
  LEFT JOIN hub_listings hl ON hl.snapshot_id = sm.snapshot_id AND hl.member_id = sm.member_id
  LEFT JOIN groups g ON g.id = sm.group_id
  LEFT JOIN council_areas a ON a.la_code = sm.la_code
  LEFT JOIN regions r ON r.code = a.region_code
  LEFT JOIN establishments e ON e.urn = sm.location_urn`;

/** A page of a snapshot's members, by name, with the total that match. */
export function memberPage(db: Db, filter: MemberFilter, limit: number, offset: number) {
  const total = value<number>(db, `SELECT count(*) FROM snapshot_members sm WHERE ${MEMBER_WHERE}`, {
    ...filter,
  })!;
  const rows = page<MemberRow>(
    db,
    `${MEMBER_SELECT} WHERE ${MEMBER_WHERE} ORDER BY sm.name COLLATE NOCASE, m.member_key`,
    { ...filter },
    limit,
    offset,
  );
  return { rows, total };
}

/** Every member of a snapshot serving an area, by name. */
export function membersServing(db: Db, snapshot: number, la: string): MemberRow[] {
  return all<MemberRow>(
    db,
    `${MEMBER_SELECT} WHERE ${MEMBER_WHERE} ORDER BY sm.name COLLATE NOCASE, m.member_key`,
    { snapshot, la, region: null, group: null, phase: null, name: null },
  );
}

export interface AreaMembers {
  la_code: string;
  members: number;
  groups: number;
}

/** Members serving each council area on a snapshot, and their distinct groups; optionally of one phase. */
export function membersByArea(db: Db, snapshot: number, phase: string | null): AreaMembers[] {
  return all<AreaMembers>(
    db,
    `SELECT sma.la_code, count(*) AS members, count(DISTINCT sm.group_id) AS groups
     FROM served_areas sma
     JOIN snapshot_members sm ON sm.snapshot_id = sma.snapshot_id AND sm.member_id = sma.member_id
     WHERE sma.snapshot_id = @snapshot AND ${OF_PHASE}
     GROUP BY sma.la_code`,
    { snapshot, phase },
  );
}

export interface MemberTotals {
  members: number;
  groups: number;
  /** Pupils on roll of the members that are schools with a pupil count; null when none has one. */
  pupils: number | null;
  /** How many members that is. */
  with_pupils: number;
}

/** Members, distinct groups and pupils in member schools of a snapshot (filtered). */
export function memberTotals(db: Db, filter: MemberFilter): MemberTotals {
  return one<MemberTotals>(
    db,
    `SELECT count(*) AS members, count(DISTINCT sm.group_id) AS groups, sum(e.num_pupils) AS pupils,
       count(e.num_pupils) AS with_pupils
     FROM snapshot_members sm LEFT JOIN establishments e ON e.urn = sm.location_urn
     WHERE ${MEMBER_WHERE}`,
    { ...filter },
  )!;
}

export interface MemberPoint {
  member_id: number;
  /** '' when the list gives none. */
  phase: string;
  latitude: number;
  longitude: number;
  /** The areas it serves, ';'-separated. */
  serves: string | null;
}

/**
 * A snapshot's members that have a location (that of their school), with the areas each serves. A hub is not a
 * place: it reaches the council areas it serves, never a distance from its lead school, so hubs have none here.
 */
export function memberPoints(db: Db, snapshot: number): MemberPoint[] {
  return all<MemberPoint>(
    db,
    `SELECT sm.member_id, coalesce(sm.phase, '') AS phase, e.latitude, e.longitude,
       (SELECT group_concat(x.la_code, ';') FROM served_areas x
        WHERE x.snapshot_id = sm.snapshot_id AND x.member_id = sm.member_id) AS serves
     FROM snapshot_members sm JOIN members m ON m.id = sm.member_id JOIN establishments e ON e.urn = sm.location_urn
       JOIN networks n ON n.id = m.network_id
     WHERE sm.snapshot_id = ? AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL AND n.members_are_schools = 1
     ORDER BY sm.member_id`,
    [snapshot],
  );
}

export interface RegionMembers {
  region_code: string;
  members: number;
}

/**
 * Members of a snapshot per region, each member counted once: in the region of the council areas it serves (a
 * school's own area; for a hub serving areas in two regions, the region of most of them, then the first by code).
 */
export function membersByHomeRegion(db: Db, snapshot: number, phase: string | null): RegionMembers[] {
  return all<RegionMembers>(
    db,
    `SELECT h.region_code, count(*) AS members FROM (${HOME_REGIONS}) h
     JOIN snapshot_members sm ON sm.snapshot_id = @snapshot AND sm.member_id = h.member_id
     WHERE ${OF_PHASE}
     GROUP BY h.region_code ORDER BY h.region_code`,
    { snapshot, phase },
  );
}

/** A member's area on a list, with what says where in a later area it lies: its school, or its districts. */
export interface MemberAreaRow {
  member_id: number;
  la_code: string;
  location_urn: number | null;
  /** true: a school serving its own area (no hub listing); false: a hub serving districts. */
  home: boolean;
  /** The 2013 districts its listing names (a hub's places), by name. */
  districts: string[];
}

export function memberAreaRows(db: Db, snapshot: number): MemberAreaRow[] {
  return all<{ member_id: number; la_code: string; location_urn: number | null; places: string | null }>(
    db,
    `SELECT x.member_id, x.la_code, sm.location_urn, hl.places
     FROM snapshot_member_areas x
     JOIN snapshot_members sm ON sm.snapshot_id = x.snapshot_id AND sm.member_id = x.member_id
     LEFT JOIN hub_listings hl ON hl.snapshot_id = x.snapshot_id AND hl.member_id = x.member_id
     WHERE x.snapshot_id = ? ORDER BY x.member_id, x.la_code`,
    [snapshot],
  ).map((r) => ({
    member_id: r.member_id,
    la_code: r.la_code,
    location_urn: r.location_urn,
    home: r.places === null,
    districts:
      r.places === null
        ? []
        : (JSON.parse(r.places) as { districts?: string[] }[]).flatMap((p) => p.districts ?? []),
  }));
}

/** Each 2013 district's ONS code, by its name as the district lookup gives it. */
export function districtCodes(db: Db): Map<string, string> {
  const rows = all<{ alias: string; source: string }>(
    db,
    "SELECT alias, source FROM area_aliases WHERE kind = 'district' AND source LIKE 'district E%'",
  );
  return new Map(rows.map((r) => [r.alias, r.source.slice('district '.length)]));
}
