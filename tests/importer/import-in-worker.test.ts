import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Db, all } from '../../server/db/gateway.js';
import { ESTABLISHMENT_FIELDS } from '../../server/db/writes/establishments.js';
import { areaContext, areaTables, importFile } from '../../server/importer/import-file.js';
import { importFileInWorker, startValidator } from '../../server/importer/import-in-worker.js';
import { giasExtract } from '../../server/importer/formats/establishments.js';
import { packRecords } from '../../server/importer/packed-records.js';
import { validateTable } from '../../server/importer/validate-table.js';
import { DATA_DIR, databaseCopy } from '../helpers/db.js';

const GIAS = join(DATA_DIR, 'establishments/gias_open_establishments_2018-03-12.csv');
const copies = [databaseCopy(inject('shippedDb')), databaseCopy(inject('shippedDb'))];
afterAll(() => copies.forEach((copy) => copy.cleanup()));

const request = () => ({
  kind: 'establishments' as const,
  bytes: readFileSync(GIAS),
  fileName: 'gias.csv',
  // A day later than the shipped import, so that the same file is imported again rather than found unchanged.
  asAt: '2018-03-13',
});
const establishments = (db: Db) =>
  all(db, `SELECT ${ESTABLISHMENT_FIELDS.join(', ')} FROM establishments ORDER BY urn`);
const areaSchools = (db: Db) => all(db, 'SELECT * FROM area_schools ORDER BY la_code, phase');
const schoolReach = (db: Db) => all(db, 'SELECT * FROM school_reach ORDER BY snapshot_id, la_code, urn');

describe('an establishments list imported with a validating thread', () => {
  it('crosses from it as values in the order the writer takes them', () => {
    const db = copies[0]!.db;
    let keys: string[] | null = null;
    validateTable(readFileSync(GIAS), [giasExtract], areaContext(areaTables(db)), (records) => {
      const packed = packRecords(records);
      keys ??= 'keys' in packed ? packed.keys : [];
    });
    expect(keys).toEqual([...ESTABLISHMENT_FIELDS]);
  });

  it('writes the same rows and area tallies as the import on one thread', async () => {
    const [one, two] = copies.map((copy) => copy.db);
    const onOne = importFile(one!, request());
    const withWorker = await importFileInWorker(two!, request());
    expect(onOne.status).toBe('committed');
    expect(withWorker).toMatchObject({ status: 'committed', rows_written: onOne.rows_written });
    expect(onOne.rows_written).toBeGreaterThan(30_000);
    expect(establishments(two!)).toEqual(establishments(one!));
    expect(areaSchools(two!)).toEqual(areaSchools(one!));
    // Each writer gathers the schools' points as it writes (as records here, as packed values there).
    expect(schoolReach(two!)).toEqual(schoolReach(one!));
  });

  it('moves the file to the thread once hashed: this thread holds no copy through the figures', async () => {
    const [one, two] = copies.map((copy) => copy.db);
    const moved = { ...request(), asAt: '2018-03-14' };
    const report = await importFileInWorker(two!, moved);
    const onOne = importFile(one!, { ...request(), asAt: '2018-03-14' });
    expect(report).toMatchObject({
      status: 'committed',
      rows_written: onOne.rows_written,
      sha256: onOne.sha256,
    });
    expect(moved.bytes.byteLength).toBe(0);
    expect(establishments(two!)).toEqual(establishments(one!));
  });

  it('stops a validating thread started early once it is found not needed', async () => {
    // Refused for its date before any row is read: the thread never gets the file.
    const refused = { ...request(), asAt: '2999-01-01' };
    const worker = startValidator(refused)!;
    const stopped = once(worker, 'exit');
    const report = await importFileInWorker(copies[1]!.db, refused, worker);
    expect(report).toMatchObject({ status: 'rejected' });
    expect(report.errors[0]!.message).toContain('more than a year after today');
    await stopped;
    // Lists that take their date from their rows are read on this thread: none is started for them.
    expect(startValidator({ kind: 'establishments', asAt: null })).toBeNull();
    expect(startValidator({ kind: 'boundaries', asAt: '2018-03-12' })).toBeNull();
  });
});
