// Table columns shared by several views: one definition per figure, so tables and CSVs agree everywhere.
import type { CoverageRow } from './api.js';
import { capitalise, link, membersLabel, type ViewContext } from './context.js';
import { formatDecimal, formatInt } from './format.js';
import { DEFAULT_RADIUS_KM } from './state.js';
import { pickColumns, type Column } from './table.js';

/** Establishments "beyond" are those farther than this from the nearest member, by default (the API's radius_km). */
export const RADIUS_KM = DEFAULT_RADIUS_KM;

/** The radius the view counts establishments beyond: the one chosen (in the URL), or the default. */
export function radiusOf(ctx: Pick<ViewContext, 'state'>): number {
  return ctx.state.radius ?? DEFAULT_RADIUS_KM;
}

/** The count of members in a row (an area, a region), headed with the network's member label. */
export function membersColumn<T extends { members: number | null }>(label: string): Column<T> {
  return {
    key: 'members',
    label: capitalise(label),
    numeric: true,
    value: (r) => r.members,
    cell: (r) => formatInt(r.members),
  };
}

/** Council-area figures; `keys` picks and orders columns (all of them when left out). */
export function coverageColumns<T extends CoverageRow = CoverageRow>(
  ctx: ViewContext,
  keys?: string[],
): Column<T>[] {
  const label = membersLabel(ctx.network);
  const all: Column<T>[] = [
    {
      key: 'name',
      label: 'Council area',
      value: (r) => r.name,
      cell: (r) => link(ctx.nav, { view: 'area', area: r.la_code }, r.name),
    },
    { key: 'la_code', label: 'LA code', value: (r) => r.la_code },
    { key: 'region', label: 'Region', value: (r) => r.region },
    membersColumn<T>(label),
    {
      key: 'members_per_100_schools',
      label: 'Per 100 establishments',
      numeric: true,
      value: (r) => r.members_per_100_schools,
      cell: (r) => formatDecimal(r.members_per_100_schools),
    },
    {
      key: 'schools',
      label: 'Establishments',
      numeric: true,
      value: (r) => r.schools,
      cell: (r) => formatInt(r.schools),
    },
    {
      key: 'schools_beyond_km',
      label: `Establishments beyond ${radiusOf(ctx)} km`,
      numeric: true,
      value: (r) => r.schools_beyond_km,
      cell: (r) => formatInt(r.schools_beyond_km),
    },
    {
      key: 'covered',
      label: 'Covered',
      value: (r) => r.covered,
      cell: (r) => (r.covered === null ? 'no data' : r.covered ? 'yes' : 'no'),
    },
  ];
  return pickColumns(all, keys);
}

/** What the member tables need of a member (the API's members, an area's members, a diff's joiners). */
export interface MemberLike {
  name: string;
  urn?: number | null;
  group_name: string | null;
  la_code: string | null;
  la_name?: string | null;
  region?: string | null;
  phase?: string | null;
  establishment_type?: string | null;
  /** The council areas (codes) it serves: a school its own, a hub several. */
  serves?: string[];
  member_key?: string;
  /** A hub list's own grouping of hubs (2021: Regional Schools Commissioner area), never a region. */
  list_area?: string | null;
}

/** The areas a member serves, each linked to its profile and named from `names` (its code when unknown). */
function servedAreas(ctx: ViewContext, codes: readonly string[], names: ReadonlyMap<string, string>): Node {
  const out = document.createElement('span');
  codes.forEach((code, i) => {
    if (i > 0) out.append(', ');
    out.append(link(ctx.nav, { view: 'area', area: code }, names.get(code) ?? code));
  });
  return out;
}

/**
 * A member list: name, URN (a hub's lead school), group, council area (linked to its profile), areas served,
 * region, phase, type; for hubs also the code on the list and the list's own area.
 */
export function memberColumns<T extends MemberLike>(
  ctx: ViewContext,
  keys?: string[],
  areaNames: ReadonlyMap<string, string> = new Map(),
): Column<T>[] {
  const { network } = ctx;
  const all: Column<T>[] = [
    { key: 'name', label: capitalise(network.member_label), value: (m) => m.name },
    network.id === 'hubs'
      ? {
          key: 'urn',
          label: 'Lead school URN',
          value: (m) => m.urn ?? null,
          cell: (m) => (m.urn == null ? 'not listed' : String(m.urn)),
        }
      : { key: 'urn', label: 'URN', value: (m) => m.urn ?? null },
    {
      key: 'group',
      label: network.group_label ? capitalise(network.group_label) : 'Group',
      value: (m) => m.group_name,
    },
    {
      key: 'la_name',
      label: 'Council area',
      value: (m) => m.la_name ?? m.la_code,
      cell: (m) =>
        m.la_code ? link(ctx.nav, { view: 'area', area: m.la_code }, m.la_name ?? m.la_code) : 'no data',
    },
    {
      key: 'serves',
      label: 'Council areas served',
      value: (m) => (m.serves ?? []).map((code) => areaNames.get(code) ?? code).join('; '),
      cell: (m) => ((m.serves ?? []).length === 0 ? 'no data' : servedAreas(ctx, m.serves ?? [], areaNames)),
    },
    { key: 'region', label: 'Region', value: (m) => m.region ?? null },
    { key: 'phase', label: 'Phase', value: (m) => m.phase ?? null },
    { key: 'type', label: 'Type', value: (m) => m.establishment_type ?? null },
    { key: 'key', label: 'Code on the list', value: (m) => m.member_key ?? null },
    {
      key: 'list_area',
      label: 'Area on the list (not a region)',
      value: (m) => m.list_area ?? null,
      cell: (m) => m.list_area ?? 'not listed',
    },
  ];
  return pickColumns(all, keys);
}
