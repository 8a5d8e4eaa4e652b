import type { Db } from '../db/gateway.js';
import { councilAreaRows } from '../db/queries/areas.js';
import { membersByArea } from '../db/queries/members.js';
import {
  groupMoves,
  membersOnlyIn,
  snapshotStats,
  type DiffMember,
  type GroupMove,
  type SnapshotStats,
} from '../db/queries/snapshots.js';
import { snapshotFor, type NetworkId } from './context.js';

/** Every imported list, with its counts, by network and date. */
export function snapshots(db: Db, params: { network?: NetworkId | undefined }): SnapshotStats[] {
  return snapshotStats(db, params.network ?? null);
}

export interface AreaChange {
  la_code: string;
  name: string;
  from_members: number;
  to_members: number;
  change: number;
  /** 'gained', 'lost', or null when the area was covered (or not) on both. */
  coverage: 'gained' | 'lost' | null;
}

export interface SnapshotDiff {
  network: NetworkId;
  from: { as_at: string; snapshot_as_at: string };
  to: { as_at: string; snapshot_as_at: string };
  joiners: DiffMember[];
  leavers: DiffMember[];
  group_moves: GroupMove[];
  area_changes: AreaChange[];
  council_areas_covered: { from: number; to: number };
}

/** What changed between the lists in force on two dates: joiners, leavers, group moves and coverage per area. */
export function snapshotDiff(db: Db, params: { network: NetworkId; from: string; to: string }): SnapshotDiff {
  const a = snapshotFor(db, { network: params.network, as_at: params.from });
  const b = snapshotFor(db, { network: params.network, as_at: params.to });
  const before = new Map(membersByArea(db, a.id, null).map((m) => [m.la_code, m.members]));
  const after = new Map(membersByArea(db, b.id, null).map((m) => [m.la_code, m.members]));
  const areaChanges = councilAreaRows(db).flatMap((area): AreaChange[] => {
    const from = before.get(area.la_code) ?? 0;
    const to = after.get(area.la_code) ?? 0;
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
  return {
    network: params.network,
    from: { as_at: params.from, snapshot_as_at: a.as_at },
    to: { as_at: params.to, snapshot_as_at: b.as_at },
    joiners: membersOnlyIn(db, b.id, a.id),
    leavers: membersOnlyIn(db, a.id, b.id),
    group_moves: groupMoves(db, a.id, b.id),
    area_changes: areaChanges,
    council_areas_covered: { from: before.size, to: after.size },
  };
}
