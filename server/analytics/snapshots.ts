import type { ImportPreview } from '../contract/import-report.js';
import type { SnapshotDiff, SnapshotSummary } from '../contract/registry.js';
import type { Db } from '../db/gateway.js';
import { formatDate } from '../../common/dates.js';
import { listInForce } from './list-in-force.js';
import { areasInForce } from '../db/queries/areas.js';
import { membersByArea } from '../db/queries/members.js';
import {
  listedMembers,
  snapshotStats,
  snapshotsOf,
  type SnapshotRef,
  type ListedMember,
} from '../db/queries/snapshots.js';
import { hubListings, type HubListingRow } from '../db/queries/hubs.js';
import { type NetworkId } from './context.js';
import { hubChanges, hubChangesThrough, sameHubKeys, type HubChanges } from './hub-changes.js';
import { isGrouped } from './labels.js';

/** Every imported list, with its counts, by network and date. */
export function snapshots(db: Db, params: { network?: NetworkId | undefined }): SnapshotSummary[] {
  return snapshotStats(db, params.network ?? null).map((s) => ({
    ...s,
    groups: isGrouped(db, s.network_id) ? s.groups : null,
  }));
}

type DiffMember = SnapshotDiff['joiners'][number];
type GroupMove = NonNullable<SnapshotDiff['group_moves']>[number];
type AreaChange = SnapshotDiff['area_changes'][number];

/** What changed from one member list to another (as the import preview has it, twice). */
export type ListChanges = NonNullable<ImportPreview['against_next']>;

/** One member list, as far as comparing it with another needs: its members and the members serving each area. */
export interface ListState {
  members: ListedMember[];
  /** la_code -> members serving the area (areas with none are absent). */
  areas: Map<string, number>;
  /** A hub list's hubs with their districts (null for other networks). */
  hubs: HubListingRow[] | null;
}

/** The list of a snapshot; an empty list when there is none (before a network's first list). */
export function listState(db: Db, network: NetworkId, snapshotId: number | null): ListState {
  const hubs = network === 'hubs' ? [] : null;
  if (snapshotId === null) return { members: [], areas: new Map(), hubs };
  return {
    members: listedMembers(db, snapshotId),
    areas: new Map(membersByArea(db, snapshotId, null).map((m) => [m.la_code, m.members])),
    hubs: hubs && hubListings(db, snapshotId),
  };
}

const diffMember = (m: ListedMember): DiffMember => ({
  member_key: m.member_key,
  name: m.name,
  la_code: m.la_code,
  la_name: m.la_name,
  serves: JSON.parse(m.serves) as string[],
  group_name: m.group_name,
});

/** Every council area whose count of members serving it differs between two lists. */
function areaChangesOf(areas: readonly { la_code: string; name: string }[], a: ListState, b: ListState) {
  return areas.flatMap((area): AreaChange[] => {
    const from = a.areas.get(area.la_code) ?? 0;
    const to = b.areas.get(area.la_code) ?? 0;
    if (from === to) return [];
    const coverage = from === 0 ? 'gained' : to === 0 ? 'lost' : null;
    return [
      {
        la_code: area.la_code,
        name: area.name,
        from_members: from,
        to_members: to,
        change: to - from,
        coverage,
      },
    ];
  });
}

/**
 * Each member of `b` that is on `a` too, with its entry there: by key, except hubs, whose codes name nothing
 * across lists: the classification of their areas says which hub is which.
 */
function earlierEntries(a: ListState, b: ListState, hubs: HubChanges | null): Map<string, ListedMember> {
  const same = hubs ? sameHubKeys(hubs) : null;
  const byKey = new Map(a.members.map((m) => [m.member_key, m]));
  return new Map(
    b.members.flatMap((m) => {
      const earlier = byKey.get(same ? (same.get(m.member_key) ?? '') : m.member_key);
      return earlier ? [[m.member_key, earlier] as const] : [];
    }),
  );
}

/**
 * Joiners, leavers, group moves and coverage per area from list `a` to list `b`. Members are matched by key (hubs:
 * by the classification of their areas) and groups by group key, so the two lists may come from different
 * connections (a committed database and an import's open transaction).
 */
export function listChanges(
  areas: readonly { la_code: string; name: string }[],
  a: ListState,
  b: ListState,
  stepped?: HubChanges,
): ListChanges {
  const hubs = stepped ?? (a.hubs && b.hubs ? hubChanges(a.hubs, b.hubs) : null);
  const before = earlierEntries(a, b, hubs);
  const stayed = new Set([...before.values()].map((m) => m.member_key));
  return {
    joiners: b.members.filter((m) => !before.has(m.member_key)).map(diffMember),
    leavers: a.members.filter((m) => !stayed.has(m.member_key)).map(diffMember),
    group_moves: b.members.flatMap((m): GroupMove[] => {
      const was = before.get(m.member_key);
      if (!was || was.group_key === m.group_key) return [];
      return [{ member_key: m.member_key, name: m.name, from_group: was.group_name, to_group: m.group_name }];
    }),
    area_changes: areaChangesOf(areas, a, b),
    council_areas_covered: { from: a.areas.size, to: b.areas.size },
    hubs,
  };
}

/** What changed between the lists in force on two dates: joiners, leavers, group moves and coverage per area. */
function bothLists(db: Db, network: NetworkId, a: number, b: number): [ListState, ListState] {
  const first = listState(db, network, a);
  return [first, a === b ? first : listState(db, network, b)];
}

/**
 * Hubs between two lists with lists between them: stepped list by list, so that a hub is the same hub only as far
 * as each step says (a code from December 2023, the areas and evidence before).
 */
function steppedHubs(db: Db, network: NetworkId, a: SnapshotRef, b: SnapshotRef): HubChanges | undefined {
  if (network !== 'hubs' || a.id === b.id) return undefined;
  const [from, to] = a.as_at <= b.as_at ? [a.as_at, b.as_at] : [b.as_at, a.as_at];
  const lists = snapshotsOf(db, network).filter((l) => l.as_at >= from && l.as_at <= to);
  const dated = lists.map((l) => ({ as_at: l.as_at, hubs: hubListings(db, l.id) }));
  return hubChangesThrough(a.as_at <= b.as_at ? dated : dated.reverse());
}

export function snapshotDiff(db: Db, params: { network: NetworkId; from: string; to: string }): SnapshotDiff {
  const a = listInForce(db, { network: params.network, as_at: params.from });
  const b = listInForce(db, { network: params.network, as_at: params.to });
  // Two dates under one list compare the list with itself: read once.
  // Areas counted among those in force on the later date (the areas each list serves are held in every date's).
  const [first, last] = bothLists(db, params.network, a.id, b.id);
  const changes = listChanges(
    areasInForce(db, params.to),
    first,
    last,
    steppedHubs(db, params.network, a, b),
  );
  const sameList = a.id === b.id;
  return {
    network: params.network,
    from: { as_at: params.from, snapshot_as_at: a.as_at },
    to: { as_at: params.to, snapshot_as_at: b.as_at },
    same_list: sameList,
    note: sameList
      ? `No list lies between ${formatDate(params.from, 'day')} and ${formatDate(params.to, 'day')}: the list of ` +
        `${formatDate(a.as_at, 'day')} answers both, so no joiner, leaver or change between them can be seen.`
      : null,
    ...changes,
    group_moves: isGrouped(db, params.network) ? changes.group_moves : null,
  };
}
