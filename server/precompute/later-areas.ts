// The council areas created since 2018 (838, 839, 940-943), derived from the 2011-2018 areas every file is
// matched to: where each establishment of a replaced area lies among the areas that replaced it, its tallies per
// area, and the areas each member serves in the areas of every date. A read about a day keeps the areas in force
// on it, so figures of an area never mix with those of the areas it became.
import type { Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Db } from '../db/gateway.js';
import { areaSpans, type AreaSpan } from '../db/queries/areas.js';
import { boundaryRow } from '../db/queries/boundaries.js';
import {
  establishmentAreaRows,
  establishmentsOfAreas,
  registerAreaCodes,
} from '../db/queries/establishments.js';
import { districtCodes, memberAreaRows } from '../db/queries/members.js';
import {
  addLaterAreaSchools,
  replaceEstablishmentAreas,
  replaceServedAreas,
  type EstablishmentAreaRow,
} from '../db/writes/derived.js';
import { FIRST_AREA_DAY } from '../db/writes/council-areas.js';
import { containsPoint } from './point-in-area.js';

/** The areas of 2011-2018 (in force on the frame's first day): those every file is matched to. */
const isBase = (a: AreaSpan): boolean => a.valid_from <= FIRST_AREA_DAY;

/** The areas of 2011-2018 a later area was made from (its predecessors, theirs, ...). */
function baseOf(code: string, spans: Map<string, AreaSpan>, seen = new Set<string>()): string[] {
  const span = spans.get(code);
  if (!span || seen.has(code)) return [];
  seen.add(code);
  if (isBase(span)) return [code];
  return [...new Set(span.predecessors.flatMap((p) => baseOf(p, spans, seen)))].sort();
}

/** For each area of 2011-2018 replaced since: the later areas that took some or all of it. */
export function laterAreasOf(spans: AreaSpan[]): Map<string, string[]> {
  const byCode = new Map(spans.map((s) => [s.la_code, s]));
  const result = new Map<string, string[]>();
  for (const span of spans) {
    if (isBase(span)) continue;
    for (const base of baseOf(span.la_code, byCode))
      result.set(base, [...(result.get(base) ?? []), span.la_code]);
  }
  return result;
}

function geometries(db: Db): Map<string, Geometry> {
  const row = boundaryRow(db, 'council-areas');
  if (!row) return new Map();
  const topology = JSON.parse(row.topojson) as Topology;
  const object = topology.objects[row.object] as GeometryCollection<{ la_code?: string }>;
  const collection = feature(topology, object) as unknown as {
    features: { properties: { la_code?: string } | null; geometry: Geometry }[];
  };
  return new Map(collection.features.map((f) => [String(f.properties?.la_code ?? ''), f.geometry]));
}

/**
 * Places every establishment of a replaced area in the later areas: the one area its whole area went into; else
 * the one its council area in the GIAS register (June 2024) names; else the area whose boundary holds its location.
 * What none of these places stays unplaced (counted where a figure needs it). Then tallies the later areas.
 */
export function refreshEstablishmentAreas(db: Db): void {
  const spans = areaSpans(db);
  const later = laterAreasOf(spans);
  const rows: EstablishmentAreaRow[] = [];
  if (later.size > 0) {
    const shapes = geometries(db);
    const registered = registerAreaCodes(db);
    // Each date's frame is placed separately: an area split twice has a candidate per date. Grouped once per
    // area, not per establishment (for 400,000 establishments that was 0.1 s).
    const groups = new Map([...later].map(([code, candidates]) => [code, byStart(candidates, spans)]));
    for (const e of establishmentsOfAreas(db, [...later.keys()])) {
      for (const group of groups.get(e.la_code)!) {
        if (group.length === 1) {
          rows.push({ urn: e.urn, la_code: group[0]!, via: 'whole' });
          continue;
        }
        const named = registered.get(e.urn);
        if (named !== undefined && group.includes(named)) {
          rows.push({ urn: e.urn, la_code: named, via: 'register' });
          continue;
        }
        if (e.latitude === null || e.longitude === null) continue;
        const inside = group.filter((code) =>
          containsPoint(shapes.get(code) ?? null, e.longitude!, e.latitude!),
        );
        if (inside.length === 1) rows.push({ urn: e.urn, la_code: inside[0]!, via: 'location' });
      }
    }
  }
  replaceEstablishmentAreas(db, rows);
  addLaterAreaSchools(db);
}

/** Later areas grouped by the day they began: the areas one area became on one day. */
function byStart(codes: string[], spans: AreaSpan[]): string[][] {
  const start = new Map(spans.map((s) => [s.la_code, s.valid_from]));
  const groups = new Map<string, string[]>();
  for (const code of codes) {
    const day = start.get(code) ?? '';
    groups.set(day, [...(groups.get(day) ?? []), code]);
  }
  return [...groups.values()];
}

/**
 * The areas each member of a list serves, in the areas of every date: those the list gives; the later areas that
 * took an area it serves (the one that took the whole; else, for a school, the one its school is placed in, none
 * when it is not placed; for a hub, those holding its districts, all when its districts do not say); and the
 * earlier areas a later area it serves was made from.
 */
export function refreshServedAreas(db: Db, snapshotId: number): void {
  const spans = areaSpans(db);
  const byCode = new Map(spans.map((s) => [s.la_code, s]));
  const later = laterAreasOf(spans);
  const districts = districtCodes(db);
  const placed = new Map<number, Set<string>>();
  const rows = memberAreaRows(db, snapshotId);
  const urns = rows.flatMap((r) => (r.location_urn === null ? [] : [r.location_urn]));
  for (const p of establishmentAreaRows(db, urns))
    placed.set(p.urn, (placed.get(p.urn) ?? new Set()).add(p.la_code));
  const served: { member_id: number; la_code: string }[] = [];
  for (const row of rows) {
    const add = (code: string) => served.push({ member_id: row.member_id, la_code: code });
    add(row.la_code);
    const span = byCode.get(row.la_code);
    if (span && !isBase(span)) for (const base of baseOf(row.la_code, byCode)) add(base);
    for (const group of byStart(later.get(row.la_code) ?? [], spans)) {
      if (group.length === 1) {
        add(group[0]!);
        continue;
      }
      if (row.home) {
        const school = row.location_urn === null ? undefined : placed.get(row.location_urn);
        for (const code of group) if (school?.has(code)) add(code);
        continue;
      }
      const own = row.districts.map((name) => districts.get(name)).filter((c): c is string => !!c);
      const chosen = group.filter((code) => byCode.get(code)!.districts_2016.some((d) => own.includes(d)));
      for (const code of chosen.length > 0 ? chosen : group) add(code);
    }
  }
  replaceServedAreas(db, snapshotId, served);
}
