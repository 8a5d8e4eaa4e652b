// Kept data versions (server/db/versions.ts): copies SQLite makes of a version before an import replaces it.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';
import { dataVersion, versionToken } from '../../server/db/queries/data-version.js';
import {
  currentVersionKept,
  keepCurrentVersion,
  keptVersionPath,
  keptVersions,
  pruneVersions,
  readableVersions,
} from '../../server/db/versions.js';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'registry-versions-'));
  const shipped = new Database(inject('shippedDb'), { readonly: true });
  await shipped.backup(join(dir, 'registry.sqlite'));
  shipped.close();
  db = openDatabase(join(dir, 'registry.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('keeping the current data version', () => {
  it('writes one copy per version, through SQLite, and lists it with the import that made it', () => {
    const v = versionToken(dataVersion(db));
    expect(currentVersionKept(db)).toBe(false);
    expect(keepCurrentVersion(db)).toBe(v);
    const path = keptVersionPath(db.name, v);
    const written = statSync(path).mtimeMs;
    expect(keepCurrentVersion(db)).toBe(v); // kept already: not written again
    expect(statSync(path).mtimeMs).toBe(written);
    expect(currentVersionKept(db)).toBe(true);
    const [kept] = keptVersions(db);
    expect(kept).toMatchObject({
      v,
      import_id: dataVersion(db).import_id,
      finished_at: dataVersion(db).finished_at,
    });
    expect(kept!.bytes).toBeGreaterThan(1_000_000);
    // The current version is read from the live database: listed once, as current.
    expect(readableVersions(db).map((r) => [r.v, r.current])).toEqual([[v, true]]);
  });

  it('keeps nothing for a database without a file, and never a v that could name a path', () => {
    const memory = openDatabase(':memory:');
    expect(keepCurrentVersion(memory)).toBeNull();
    memory.close();
    expect(() => keptVersionPath(db.name, '../registry')).toThrow("'../registry' is not the name");
  });

  it('prunes only on or before the date asked, and says what it removes (or would)', () => {
    const v = keepCurrentVersion(db)!;
    const day = `${v.slice(v.indexOf('.') + 1, v.indexOf('.') + 5)}-${v.slice(-10, -8)}-${v.slice(-8, -6)}`;
    const before = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    expect(pruneVersions(db, before)).toEqual([]);
    expect(pruneVersions(db, day, true).map((k) => k.v)).toEqual([v]);
    expect(existsSync(keptVersionPath(db.name, v))).toBe(true);
    expect(pruneVersions(db, day).map((k) => k.v)).toEqual([v]);
    expect(existsSync(keptVersionPath(db.name, v))).toBe(false);
  });
});
