import type Database from 'better-sqlite3';

export type Db = Database.Database;
export type Params = Record<string, unknown> | unknown[];

/** A failed query, carrying its SQL and parameters for the server log (never for clients). */
export class QueryError extends Error {
  constructor(
    readonly sql: string,
    readonly params: Params,
    override readonly cause: unknown,
  ) {
    super(`query failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'QueryError';
  }
}

// Prepared statements are reused per connection: preparing costs more than most of our queries.
const cache = new WeakMap<Db, Map<string, Database.Statement>>();

function statement(db: Db, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    statements.set(sql, stmt);
  }
  return stmt;
}

function guarded<T>(sql: string, params: Params, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof QueryError) throw error;
    throw new QueryError(sql, params, error);
  }
}

function bind(params: Params): unknown[] {
  return Array.isArray(params) ? params : [params];
}

/** Every row of a query. */
export function all<T>(db: Db, sql: string, params: Params = []): T[] {
  return guarded(sql, params, () => statement(db, sql).all(...bind(params)) as T[]);
}

/** Every row of a query, one at a time (for tables too large to hold as one array). */
export function each<T>(db: Db, sql: string, params: Params, visit: (row: T) => void): void {
  guarded(sql, params, () => {
    for (const row of statement(db, sql).iterate(...bind(params))) visit(row as T);
  });
}

/** Every row of a query as an array of its values in column order, one at a time (no object made per row). */
export function eachRaw(db: Db, sql: string, params: Params, visit: (values: unknown[]) => void): void {
  const stmt = statement(db, sql);
  try {
    guarded(sql, params, () => {
      for (const row of stmt.raw(true).iterate(...bind(params))) visit(row as unknown[]);
    });
  } finally {
    // The statement is kept for the next caller of the same SQL, who may want objects.
    stmt.raw(false);
  }
}

/** The first row of a query, or undefined. */
export function one<T>(db: Db, sql: string, params: Params = []): T | undefined {
  return guarded(sql, params, () => statement(db, sql).get(...bind(params)) as T | undefined);
}

/** A single value (first column of the first row). */
export function value<T>(db: Db, sql: string, params: Params = []): T | undefined {
  return guarded(
    sql,
    params,
    () =>
      statement(db, sql)
        .pluck()
        .get(...bind(params)) as T | undefined,
  );
}

/** A statement that returns no rows. */
export function run(db: Db, sql: string, params: Params = []): Database.RunResult {
  return guarded(sql, params, () => statement(db, sql).run(...bind(params)));
}

/** A page of rows: `limit` of them after `offset` (callers count the total with their own query). */
export function page<T>(
  db: Db,
  sql: string,
  params: Record<string, unknown>,
  limit: number,
  offset: number,
): T[] {
  return all<T>(db, `${sql} LIMIT @__limit OFFSET @__offset`, {
    ...params,
    __limit: limit,
    __offset: offset,
  });
}

/**
 * Inserts many rows with multi-row INSERT statements, `perStatement` rows each (one prepared statement per size),
 * instead of one statement run per row: thousands of rows cost tens of calls into SQLite, not thousands.
 */
export function insertMany(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  perStatement = 500,
): void {
  // Laid end to end by hand: rows.flat() took 0.3 s of the 389,490 rows of eight values a list's distances are.
  const values: unknown[] = [];
  for (const row of rows) for (const value of row) values.push(value);
  insertPacked(db, table, columns, values, [], perStatement);
}

/**
 * insertMany for rows laid end to end in one array (as they cross between threads), each row followed by the
 * `shared` values every row has (such as its import id), which name the last columns. Rows short of a full
 * statement go in statements of a power of two rows each: every statement is prepared once and kept, and one of
 * each count up to 499 (a list's distances are written an area's rows at a time) held 20-30 MB of an import.
 */
export function insertPacked(
  db: Db,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
  shared: readonly unknown[] = [],
  perStatement = 64,
): void {
  const width = columns.length - shared.length;
  const rows = values.length / width;
  if (!Number.isInteger(rows))
    throw new Error(`${values.length} values are not rows of ${width} for ${table}`);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  let sql = '';
  let sqlCount = 0;
  for (let at = 0; at < rows;) {
    const count = rows - at >= perStatement ? perStatement : 2 ** Math.floor(Math.log2(rows - at));
    if (count !== sqlCount) [sql, sqlCount] = [head + Array(count).fill(tuple).join(', '), count];
    const params = new Array<unknown>(count * columns.length);
    let k = 0;
    for (let v = at * width, end = (at + count) * width; v < end;) {
      for (let c = 0; c < width; c++) params[k++] = values[v++];
      for (const value of shared) params[k++] = value;
    }
    run(db, sql, params);
    at += count;
  }
}

/**
 * Inserts a row, or updates the row with the same `key` when another of its columns differs; returns whether
 * anything changed. `values` names every column written. An `import_id` is stamped on a change but is not one
 * itself: the same row from a later file changes nothing, so re-importing a reference table reports it unchanged.
 */
export function upsert(
  db: Db,
  table: string,
  key: readonly string[],
  values: Record<string, unknown>,
): boolean {
  const columns = Object.keys(values);
  const updated = columns.filter((column) => !key.includes(column));
  const compared = updated.filter((column) => column !== 'import_id');
  const onConflict =
    compared.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(', ')}
         WHERE ${compared.map((c) => `${c} IS NOT excluded.${c}`).join(' OR ')}`;
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (${key.join(', ')}) ${onConflict}`;
  return run(db, sql, values).changes > 0;
}

/** Runs fn in one transaction: all of it or none of it. */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)();
}

/**
 * Runs fn's reads on one snapshot of the database: a commit by another connection (an import in its own thread)
 * lands before or after all of them, never between two. Inside a transaction already, fn runs in it.
 */
export function snapshotRead<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  db.exec('BEGIN');
  try {
    return fn();
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
}

/**
 * An explicit transaction for work that spans callbacks or awaits (an import streaming rows from a worker).
 * IMMEDIATE takes the write lock at once, so a second writer waits or fails before any work is done.
 */
export const begin = (db: Db) => db.exec('BEGIN IMMEDIATE');
export const commit = (db: Db) => db.exec('COMMIT');
export const rollback = (db: Db) => {
  if (db.inTransaction) db.exec('ROLLBACK');
};

/**
 * The page cache (in KiB) of a bulk write: its rows go to the end of their tables, whose indexes are dropped and
 * made again after them or were never there, so few pages are written twice. The connection's own cache (64 MB,
 * kept for reads) held some 30 MB more of a 400,000-row import's peak memory for no less CPU time.
 */
const BULK_CACHE_KIB = 16_384;
const cacheBefore = new WeakMap<Db, number>();

/** Gives the connection its own page cache back once a bulk write ends. */
function endBulk(db: Db): void {
  const before = cacheBefore.get(db);
  if (before === undefined) return;
  cacheBefore.delete(db);
  db.pragma(`cache_size = ${before}`);
}

/**
 * A bulk write's foreign keys are deferred: each row's are counted as it is written and the count is checked at
 * commit, so a list may be replaced in any order within the transaction. Counted as they are written, on the
 * thread that writes while another validates, they cost less than one check of the whole database before the
 * commit, which 400,000 rows waited for (27 ms of the import's last 0.2 s).
 */
export function beginBulk(db: Db): void {
  begin(db);
  db.pragma('defer_foreign_keys = ON');
  cacheBefore.set(db, db.pragma('cache_size', { simple: true }) as number);
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
}

/** Moves the WAL into the database file and empties it (before a file is copied or renamed). */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Commits a bulk write if every foreign key holds; otherwise rolls back and throws, naming the first breach. */
export function commitBulk(db: Db): void {
  try {
    commit(db);
  } catch (error) {
    // A commit refused for a deferred foreign key leaves the transaction open: the breaches can still be named.
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
    const breaches = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    rollback(db);
    const first = breaches[0];
    throw new Error(
      `${breaches.length} rows break a foreign key` +
        (first ? ` (first: ${first.table} row ${first.rowid} -> ${first.parent})` : ''),
      { cause: error },
    );
  } finally {
    // A commit refused for another reason leaves the transaction to the caller's rollbackBulk.
    if (!db.inTransaction) endBulk(db);
  }
}

export function rollbackBulk(db: Db): void {
  rollback(db);
  endBulk(db);
}
