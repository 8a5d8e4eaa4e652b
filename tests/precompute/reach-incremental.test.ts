import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { importFile } from '../../server/importer/import-file.js';
import { refreshListReach } from '../../server/precompute/reach.js';
import { DATA_DIR, databaseCopy } from '../helpers/db.js';

const shipped = inject('shippedDb');
const GIAS = join(DATA_DIR, 'establishments/gias_open_establishments_2018-03-12.csv');
const TABLES = ['list_reach', 'school_reach', 'area_reach', 'area_nearest_outside', 'served_areas'];

/** Every distance figure of every list, in a stable order. */
const figures = (db: Db) =>
  Object.fromEntries(
    TABLES.map((t) => [
      t,
      db
        .prepare(`SELECT * FROM ${t}`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );

// Columns of the shipped GIAS file (0-based): urn, la_code, in council areas (Y/N), phase, then easting,
// northing, latitude, longitude.
const [URN, LA, IN_AREAS, PHASE, PLACE] = [0, 1, 4, 7, 11];

/**
 * The shipped list a year on: some schools close, some open (copies of others under new URNs), some move (to
 * another school's place in their area), some change phase, and a member's school moves (every list's distances
 * to it change).
 */
function nextYear(memberUrn: number): { bytes: Buffer; closed: number[]; opened: number[]; moved: number[] } {
  const [header, ...lines] = readFileSync(GIAS, 'utf8').trimEnd().split(/\r?\n/);
  // Unquoted rows only, so that a split at commas is the row's fields.
  const rows = lines.filter((l) => !l.includes('"')).map((l) => l.split(','));
  const located = rows.filter((r) => r[PLACE + 2] !== '' && r[IN_AREAS] === 'Y');
  const closed: number[] = [];
  const opened: number[] = [];
  const moved: number[] = [];
  const out: string[][] = [];
  located.forEach((row, i) => {
    const urn = Number(row[URN]);
    if (i % 997 === 1 && urn !== memberUrn) return void closed.push(urn);
    const copy = [...row];
    const other = located.find((r, j) => j > i && r[LA] === row[LA]);
    if ((i % 499 === 2 || urn === memberUrn) && other) {
      copy.splice(PLACE, 4, ...other.slice(PLACE, PLACE + 4));
      moved.push(urn);
    }
    if (i % 701 === 3) copy[PHASE] = copy[PHASE] === 'Primary' ? 'Secondary' : 'Primary';
    out.push(copy);
    if (i % 613 === 4) {
      const urnOpened = 900_000 + i;
      opened.push(urnOpened);
      out.push([String(urnOpened), ...row.slice(1)]);
    }
  });
  return {
    bytes: Buffer.from([header, ...out.map((r) => r.join(','))].join('\r\n') + '\r\n'),
    closed,
    opened,
    moved,
  };
}

describe('the distances after a new establishments list', () => {
  it('written for the schools that changed only, equal those of every school worked out again', () => {
    const { db, cleanup } = databaseCopy(shipped);
    try {
      const memberUrn = db
        .prepare(
          `SELECT sm.location_urn FROM snapshot_members sm JOIN snapshots s ON s.id = sm.snapshot_id
           WHERE s.network_id = 'teaching-schools' AND sm.location_urn IS NOT NULL ORDER BY 1 LIMIT 1`,
        )
        .pluck()
        .get() as number;
      const before = figures(db);
      const { bytes, closed, opened, moved } = nextYear(memberUrn);
      expect([closed.length, opened.length, moved.length].every((n) => n > 10)).toBe(true);
      expect(moved).toContain(memberUrn);
      const report = importFile(db, {
        kind: 'establishments',
        bytes,
        fileName: 'next.csv',
        asAt: '2019-03-12',
      });
      expect(report.status).toBe('committed');
      const incremental = figures(db);

      // The figures did follow the changes: closed schools have no rows, opened ones have, moved ones changed.
      const urnsIn = (rows: string[]) => new Set(rows.map((r) => (JSON.parse(r) as { urn: number }).urn));
      const now = urnsIn(incremental.school_reach!);
      expect(closed.filter((urn) => now.has(urn))).toEqual([]);
      expect(opened.every((urn) => now.has(urn))).toBe(true);
      const unchanged = new Set(before.school_reach);
      expect(incremental.school_reach!.filter((r) => !unchanged.has(r)).length).toBeGreaterThan(moved.length);

      db.transaction(() => {
        for (const table of TABLES) db.exec(`DELETE FROM ${table}`);
        const ids = db.prepare('SELECT id FROM snapshots ORDER BY id').pluck().all() as number[];
        for (const id of ids) refreshListReach(db, id);
      })();
      expect(figures(db)).toEqual(incremental);
    } finally {
      cleanup();
    }
  });
});
