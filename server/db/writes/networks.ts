import { type Db, all, one, run, value } from '../gateway.js';
import type { Place } from '../../hubs/places.js';
import { clearListReach } from './derived.js';

export interface SnapshotMemberRow {
  key: string;
  urn: number | null;
  name: string;
  group: string | null;
  la_code: string | null;
  serves: string[];
  region: string | null;
  phase: string | null;
  establishment_type: string | null;
  religious_character: string | null;
  designated_on: string | null;
  website: string | null;
}

/** What a hub list says of a hub beyond the other networks' fields (table hub_listings). */
export interface HubListingFields {
  places: Place[];
  lead_school: string | null;
  list_area: string | null;
  test_and_learn: boolean;
  /** The code of the 2024-2028 designation (the finder's lists from December 2023); null before. */
  code: string | null;
}

/** The snapshot of a network at a date, with the import that wrote it. */
export function findSnapshot(
  db: Db,
  networkId: string,
  asAt: string,
): { id: number; import_id: number } | undefined {
  return one(db, 'SELECT id, import_id FROM snapshots WHERE network_id = ? AND as_at = ?', [networkId, asAt]);
}

/** A new, empty snapshot; one already there for that date is deleted with its members (its import record stays). */
export function replaceSnapshot(db: Db, importId: number, networkId: string, asAt: string): number {
  // Children first, each named: the derived tables have no ON DELETE CASCADE.
  const old = findSnapshot(db, networkId, asAt);
  if (old) {
    clearListReach(db, old.id);
    run(db, 'DELETE FROM snapshot_member_areas WHERE snapshot_id = ?', [old.id]);
    run(db, 'DELETE FROM hub_listings WHERE snapshot_id = ?', [old.id]);
    run(db, 'DELETE FROM snapshot_members WHERE snapshot_id = ?', [old.id]);
    run(db, 'DELETE FROM snapshots WHERE id = ?', [old.id]);
  }
  const result = run(db, 'INSERT INTO snapshots (network_id, as_at, import_id) VALUES (?, ?, ?)', [
    networkId,
    asAt,
    importId,
  ]);
  return Number(result.lastInsertRowid);
}

/** Groups are matched by name, ignoring case and spacing, so the same alliance keeps one id across snapshots. */
export function groupKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function ensureGroup(db: Db, importId: number, networkId: string, name: string): number {
  run(
    db,
    `INSERT INTO groups (network_id, group_key, name, import_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (network_id, group_key) DO NOTHING`,
    [networkId, groupKey(name), name, importId],
  );
  return value<number>(db, 'SELECT id FROM groups WHERE network_id = ? AND group_key = ?', [
    networkId,
    groupKey(name),
  ])!;
}

function ensureMember(db: Db, importId: number, networkId: string, key: string, urn: number | null): number {
  run(
    db,
    `INSERT INTO members (network_id, member_key, urn, import_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (network_id, member_key) DO NOTHING`,
    [networkId, key, urn, importId],
  );
  return value<number>(db, 'SELECT id FROM members WHERE network_id = ? AND member_key = ?', [
    networkId,
    key,
  ])!;
}

export function insertSnapshotMember(
  db: Db,
  importId: number,
  snapshot: { id: number; network_id: string },
  m: SnapshotMemberRow,
  hub?: HubListingFields,
): void {
  // A hub code names no school: its lead school is the list's, on the snapshot row.
  const memberId = ensureMember(db, importId, snapshot.network_id, m.key, hub ? null : m.urn);
  const groupId = m.group === null ? null : ensureGroup(db, importId, snapshot.network_id, m.group);
  run(
    db,
    `INSERT INTO snapshot_members (snapshot_id, member_id, name, group_id, la_code, region, phase, establishment_type,
       religious_character, designated_on, website, urn, location_urn, import_id)
     VALUES (@snapshot_id, @member_id, @name, @group_id, @la_code, @region, @phase, @establishment_type,
       @religious_character, @designated_on, @website, @urn, @urn, @import_id)`,
    {
      snapshot_id: snapshot.id,
      member_id: memberId,
      name: m.name,
      group_id: groupId,
      la_code: m.la_code,
      region: m.region,
      phase: m.phase,
      establishment_type: m.establishment_type,
      religious_character: m.religious_character,
      designated_on: m.designated_on,
      website: m.website,
      urn: m.urn,
      import_id: importId,
    },
  );
  if (hub) insertHubListing(db, importId, snapshot.id, memberId, hub);
  for (const laCode of m.serves) {
    run(db, 'INSERT INTO snapshot_member_areas (snapshot_id, member_id, la_code) VALUES (?, ?, ?)', [
      snapshot.id,
      memberId,
      laCode,
    ]);
  }
}

function insertHubListing(
  db: Db,
  importId: number,
  snapshotId: number,
  memberId: number,
  hub: HubListingFields,
): void {
  run(
    db,
    `INSERT INTO hub_listings (snapshot_id, member_id, places, lead_school, list_area, test_and_learn, code,
       import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      snapshotId,
      memberId,
      JSON.stringify(hub.places),
      hub.lead_school,
      hub.list_area,
      hub.test_and_learn ? 1 : 0,
      hub.code,
      importId,
    ],
  );
}

/** Member keys of the network's latest snapshot on or before a date: what a new list is compared with. */
export function memberKeysAsAt(
  db: Db,
  networkId: string,
  asAt: string,
): { as_at: string | null; keys: Set<string> } {
  const snapshot = one<{ id: number; as_at: string }>(
    db,
    'SELECT id, as_at FROM snapshots WHERE network_id = ? AND as_at <= ? ORDER BY as_at DESC LIMIT 1',
    [networkId, asAt],
  );
  if (!snapshot) return { as_at: null, keys: new Set() };
  const keys = all<{ member_key: string }>(
    db,
    `SELECT m.member_key FROM snapshot_members sm JOIN members m ON m.id = sm.member_id WHERE sm.snapshot_id = ?`,
    [snapshot.id],
  ).map((row) => row.member_key);
  return { as_at: snapshot.as_at, keys: new Set(keys) };
}

/** Removes members and groups of a network that no snapshot lists any more (after a list was replaced). */
export function pruneUnlisted(db: Db, networkId: string): void {
  run(db, `DELETE FROM members WHERE network_id = ? AND id NOT IN (SELECT member_id FROM snapshot_members)`, [
    networkId,
  ]);
  run(
    db,
    `DELETE FROM groups WHERE network_id = ? AND id NOT IN
       (SELECT group_id FROM snapshot_members WHERE group_id IS NOT NULL)`,
    [networkId],
  );
}
