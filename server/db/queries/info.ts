import { type Db, all, one, value } from '../gateway.js';
import { schemaVersion } from '../migrate.js';
import { AREAS_COVERED_ON_LIST_DAY } from './snapshots.js';

export interface NetworkInfo {
  id: string;
  as_at: string | null;
  snapshots: number;
  members: number;
  groups: number;
  council_areas_covered: number;
}

/** The latest snapshot of each network and what it holds. */
export function networkInfo(db: Db): NetworkInfo[] {
  return all<NetworkInfo>(
    db,
    `WITH latest AS (
       SELECT n.id AS network_id, (SELECT s.id FROM snapshots s WHERE s.network_id = n.id ORDER BY s.as_at DESC LIMIT 1) AS snapshot_id
       FROM networks n)
     SELECT l.network_id AS id,
       (SELECT as_at FROM snapshots WHERE id = l.snapshot_id) AS as_at,
       (SELECT count(*) FROM snapshots WHERE network_id = l.network_id) AS snapshots,
       (SELECT count(*) FROM snapshot_members WHERE snapshot_id = l.snapshot_id) AS members,
       (SELECT count(DISTINCT group_id) FROM snapshot_members WHERE snapshot_id = l.snapshot_id) AS groups,
       (${AREAS_COVERED_ON_LIST_DAY}) AS council_areas_covered
     FROM latest l LEFT JOIN snapshots s ON s.id = l.snapshot_id ORDER BY l.network_id`,
  );
}

export interface DatabaseInfo {
  schema_version: number;
  integrity_check: string;
  council_areas: number;
  regions: number;
  area_aliases: number;
  boundaries: { level: string; features: number }[];
  establishments: { total: number; in_council_areas: number; with_coordinates: number };
  networks: NetworkInfo[];
  milestones: number;
  imports: {
    id: number;
    kind: string;
    file_name: string;
    sha256: string;
    as_at: string | null;
    rows_read: number;
    rows_written: number;
    outcome: string;
    finished_at: string;
  }[];
}

export function databaseInfo(db: Db): DatabaseInfo {
  const establishments = one<DatabaseInfo['establishments']>(
    db,
    `SELECT count(*) AS total, coalesce(sum(in_council_areas), 0) AS in_council_areas,
       count(latitude) AS with_coordinates FROM establishments`,
  )!;
  return {
    schema_version: schemaVersion(db),
    integrity_check: all<{ integrity_check: string }>(db, 'PRAGMA integrity_check')
      .map((row) => row.integrity_check)
      .join('; '),
    council_areas: value<number>(db, 'SELECT count(*) FROM council_areas') ?? 0,
    regions: value<number>(db, 'SELECT count(*) FROM regions') ?? 0,
    area_aliases: value<number>(db, 'SELECT count(*) FROM area_aliases') ?? 0,
    boundaries: all(db, 'SELECT level, features FROM boundaries ORDER BY level'),
    establishments,
    networks: networkInfo(db),
    milestones: value<number>(db, 'SELECT count(*) FROM milestones') ?? 0,
    imports: all(
      db,
      `SELECT id, kind, file_name, sha256, as_at, rows_read, rows_written, outcome, finished_at FROM imports ORDER BY id`,
    ),
  };
}

/**
 * file name -> checksums of every import of it, superseded ones included: what a rebuild check compares the
 * data directory with. (A later upload supersedes a shipped file's import; that is no reason to rebuild.)
 */
export function committedFileChecksums(db: Db): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const row of all<{ file_name: string; sha256: string }>(db, `SELECT file_name, sha256 FROM imports`)) {
    if (!map.has(row.file_name)) map.set(row.file_name, new Set());
    map.get(row.file_name)!.add(row.sha256);
  }
  return map;
}
