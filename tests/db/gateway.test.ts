import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Db,
  QueryError,
  all,
  beginBulk,
  commitBulk,
  eachRaw,
  insertPacked,
  page,
  rollbackBulk,
  run,
  snapshotRead,
  upsert,
  value,
} from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';
import { tempDatabase } from '../helpers/db.js';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDatabase()));
afterEach(() => cleanup());

const addImport = () =>
  run(
    db,
    `INSERT INTO imports (kind, file_name, sha256, bytes, outcome, started_at, finished_at)
    VALUES ('regions', 'r.csv', 'x', 1, 'committed', 'now', 'now')`,
  ).lastInsertRowid;

describe('query gateway', () => {
  it('keeps the SQL and parameters of a failed query for the log', () => {
    try {
      all(db, 'SELECT * FROM no_such_table WHERE x = ?', [1]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QueryError);
      expect((error as QueryError).sql).toContain('no_such_table');
      expect((error as QueryError).params).toEqual([1]);
    }
  });

  it('pages: limit rows after offset', () => {
    const id = addImport();
    for (const code of ['E1', 'E2', 'E3'])
      run(db, 'INSERT INTO regions (code, name, import_id) VALUES (?, ?, ?)', [code, code, id]);
    const sql = 'SELECT code FROM regions ORDER BY code';
    expect(page(db, sql, {}, 2, 0)).toEqual([{ code: 'E1' }, { code: 'E2' }]);
    expect(page(db, sql, {}, 2, 2)).toEqual([{ code: 'E3' }]);
  });
});

describe('eachRaw', () => {
  it('visits each row as its values, and leaves the statement giving objects to the next caller', () => {
    db.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y')");
    const sql = 'SELECT a, b FROM t ORDER BY a';
    const seen: unknown[][] = [];
    eachRaw(db, sql, [], (values) => seen.push(values));
    expect(seen).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
    expect(all(db, sql)).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });
});

describe('insertPacked', () => {
  it('writes rows laid end to end, each with the shared values, across statements of every size', () => {
    db.exec('CREATE TABLE t (a INTEGER, b TEXT, shared INTEGER)');
    const rows = Array.from({ length: 150 }, (_, i) => [i, `row ${i}`]);
    insertPacked(db, 't', ['a', 'b', 'shared'], rows.flat(), [7], 64);
    expect(all(db, 'SELECT a, b, shared FROM t ORDER BY a')).toEqual(
      rows.map(([a, b]) => ({ a, b, shared: 7 })),
    );
  });

  it('prepares a few statement sizes however many rows each call writes', () => {
    // The statements as run, with their values: told apart by how many rows each writes.
    const sizes = new Set<number>();
    const traced = new Database(db.name, {
      verbose: (sql) => String(sql).startsWith('INSERT') && sizes.add(String(sql).split('), (').length),
    });
    try {
      traced.exec('CREATE TABLE t (a INTEGER)');
      for (let n = 1; n <= 200; n++)
        insertPacked(
          traced,
          't',
          ['a'],
          Array.from({ length: n }, (_, i) => i),
          [],
          64,
        );
      expect(value(traced, 'SELECT count(*) FROM t')).toBe((200 * 201) / 2);
      // 64 rows, and 32, 16, 8, 4, 2 and 1 for the rest: not one statement for each count up to 63.
      expect([...sizes].sort((a, b) => b - a)).toEqual([64, 32, 16, 8, 4, 2, 1]);
    } finally {
      traced.close();
    }
  });

  it('refuses values that do not make whole rows', () => {
    db.exec('CREATE TABLE t (a INTEGER, b TEXT)');
    expect(() => insertPacked(db, 't', ['a', 'b'], [1, 'x', 2])).toThrow(/not rows of 2/);
    expect(value(db, 'SELECT count(*) FROM t')).toBe(0);
  });
});

describe('upsert', () => {
  it('inserts, then changes a row only when a column other than its key and import differs', () => {
    const [first, second] = [addImport(), addImport()];
    const row = (name: string, importId: number | bigint) => ({ code: 'E1', name, import_id: importId });
    expect(upsert(db, 'regions', ['code'], row('North', first))).toBe(true);
    // The same row from a later import: unchanged, and still stamped with the import that wrote it.
    expect(upsert(db, 'regions', ['code'], row('North', second))).toBe(false);
    expect(all(db, 'SELECT name, import_id FROM regions')).toEqual([{ name: 'North', import_id: first }]);
    expect(upsert(db, 'regions', ['code'], row('North East', second))).toBe(true);
    expect(all(db, 'SELECT name, import_id FROM regions')).toEqual([
      { name: 'North East', import_id: second },
    ]);
  });

  it('compares nulls as values', () => {
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)');
    expect(upsert(db, 't', ['k'], { k: 'a', v: null })).toBe(true);
    expect(upsert(db, 't', ['k'], { k: 'a', v: null })).toBe(false);
    expect(upsert(db, 't', ['k'], { k: 'a', v: 'x' })).toBe(true);
    expect(upsert(db, 't', ['k'], { k: 'a', v: null })).toBe(true);
  });
});

describe('bulk transactions', () => {
  it('check foreign keys at commit, roll back everything on a breach, naming it, and keep enforcement on', () => {
    const id = addImport();
    beginBulk(db);
    run(db, 'INSERT INTO regions (code, name, import_id) VALUES (?, ?, ?)', ['E12000001', 'North East', id]);
    run(db, 'INSERT INTO regions (code, name, import_id) VALUES (?, ?, ?)', ['E12000002', 'North West', 999]);
    expect(() => commitBulk(db)).toThrow(/1 rows break a foreign key \(first: regions row \d+ -> imports\)/);
    expect(value(db, 'SELECT count(*) FROM regions')).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('commit when every key holds', () => {
    const id = addImport();
    beginBulk(db);
    run(db, 'INSERT INTO regions (code, name, import_id) VALUES (?, ?, ?)', ['E12000001', 'North East', id]);
    commitBulk(db);
    expect(value(db, 'SELECT count(*) FROM regions')).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('roll back on request', () => {
    beginBulk(db);
    run(db, 'INSERT INTO regions (code, name, import_id) VALUES (?, ?, ?)', [
      'E12000001',
      'North East',
      addImport(),
    ]);
    rollbackBulk(db);
    expect(value(db, 'SELECT count(*) FROM imports')).toBe(0);
  });

  it('keep a smaller page cache than reads, and give the connection its own back however they end', () => {
    const cache = () => db.pragma('cache_size', { simple: true });
    const own = cache();
    expect(own).toBe(-65536);
    beginBulk(db);
    expect(cache()).toBe(-16384);
    commitBulk(db);
    expect(cache()).toBe(own);
    beginBulk(db);
    rollbackBulk(db);
    expect(cache()).toBe(own);
    beginBulk(db);
    run(db, 'INSERT INTO regions (code, name, import_id) VALUES (?, ?, ?)', ['E12000001', 'North East', 999]);
    expect(() => commitBulk(db)).toThrow(/foreign key/);
    expect(cache()).toBe(own);
  });
});

describe('snapshotRead', () => {
  it('reads one snapshot: a commit by another connection lands before or after all of its reads', () => {
    const writer = openDatabase(db.name);
    try {
      const count = () => value<number>(db, 'SELECT count(*) FROM networks')!;
      const before = count();
      const seen = snapshotRead(db, () => {
        const first = count();
        writer
          .prepare(
            "INSERT INTO networks (id, name, member_label, group_label, description) VALUES ('x', 'X', 'x', 'y', 'z')",
          )
          .run();
        return [first, count()];
      });
      expect(seen).toEqual([before, before]);
      expect(count()).toBe(before + 1);
      expect(db.inTransaction).toBe(false);
    } finally {
      writer.close();
    }
  });
});
