import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';
import { type ImportRequest, importFile } from '../../server/importer/import-file.js';

export const DATA_DIR = new URL('../../data/', import.meta.url).pathname;
export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** A fresh registry database in a temp directory, removed by cleanup(). */
export function tempDatabase(): { db: Db; path: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'registry-test-'));
  const path = join(dir, 'registry.sqlite');
  const db = openDatabase(path, { create: true });
  return {
    db,
    path,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A writable copy of a database file (such as the shipped one built for the run), removed by cleanup(). */
export function databaseCopy(source: string): { db: Db; cleanup: () => void } {
  const temp = tempDatabase();
  temp.db.close();
  copyFileSync(source, temp.path);
  const db = openDatabase(temp.path);
  return {
    db,
    cleanup: () => {
      if (db.open) db.close();
      temp.cleanup();
    },
  };
}

/** Imports a file by path (under data/ or tests/fixtures/) and returns the report. */
export function importPath(
  db: Db,
  kind: ImportRequest['kind'],
  path: string,
  extra: Partial<ImportRequest> = {},
) {
  return importFile(db, { kind, bytes: readFileSync(path), fileName: path.split('/').pop()!, ...extra });
}

/** The real council areas, their districts and the project's alias and successor tables. */
export function loadCouncilAreas(db: Db): void {
  importPath(db, 'council-areas', join(DATA_DIR, 'council-areas/upper_tier_las_152_2011-2018.csv'));
  importPath(db, 'council-areas', join(DATA_DIR, 'council-areas/lad13_to_utla13_la_lookup.csv'));
  importPath(db, 'area-aliases', join(DATA_DIR, 'reference/area_aliases.csv'));
  importPath(db, 'area-successors', join(DATA_DIR, 'reference/area_successors.csv'));
}

/** Every row of every table, to prove an operation changed nothing. */
export function dump(db: Db): Record<string, unknown[]> {
  const tables = db
    // Virtual tables (the search index) by their rows; their shadow tables' blobs would say the same, slowly.
    .prepare(
      "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

/** The dates of the six shipped hub lists (data/manifest.json). */
export const HUB_LIST_DATES = [
  '2021-09-01',
  '2023-10-03',
  '2023-12-05',
  '2024-08-14',
  '2024-10-16',
  '2025-09-30',
];
