import { afterAll, describe, expect, inject, it } from 'vitest';
import { areaContext, areaTables, importFile } from '../../server/importer/import-file.js';
import { importFileInWorker } from '../../server/importer/import-in-worker.js';
import { CSV_KINDS } from '../../server/importer/kinds.js';
import { validateTable } from '../../server/importer/validate-table.js';
import { databaseCopy } from '../helpers/db.js';

// An upload of 25 MB with three bad values on each of its 12.5 million lines made 37 million error objects in the
// validating thread (9.7 GB of the server's memory) before its report kept the first 1,000: the thread ran out of
// memory and the upload got a 500. Only the errors a report keeps are kept; the rest are counted.

const copy = databaseCopy(inject('shippedDb'));
afterAll(() => copy.cleanup());

const BAD_ROWS = 5000;
const file = () =>
  Buffer.from(
    [
      'tsh_area,name,website,areas',
      ...Array.from({ length: BAD_ROWS }, (_, i) => `H${i},Hub ${i},,Nowhere-${i}`),
    ].join('\n'),
  );
const request = (keepErrors?: number) => ({
  kind: 'hubs' as const,
  bytes: file(),
  fileName: 'hubs.csv',
  asAt: '2026-01-01',
  ...(keepErrors === undefined ? {} : { keepErrors }),
});

describe('a file with very many bad values', () => {
  const all = importFile(copy.db, request());

  it('keeps every error by default (the CLI --report promises them all)', () => {
    expect(all.status).toBe('rejected');
    expect(all.error_count).toBeGreaterThanOrEqual(BAD_ROWS);
    expect(all.errors).toHaveLength(all.error_count);
  });

  it('keeps only the first keepErrors errors while validating, and counts the rest', () => {
    const validation = validateTable(
      file(),
      CSV_KINDS.hubs.formats,
      areaContext(areaTables(copy.db)),
      () => {},
      1000,
    );
    expect(validation.errors).toEqual(all.errors.slice(0, 1000));
    expect(validation.error_count).toBe(all.error_count);
  });

  it('in a validating thread, sends back and reports only those, with the total', async () => {
    const report = await importFileInWorker(copy.db, request(1000));
    expect(report).toMatchObject({ status: 'rejected', error_count: all.error_count, message: all.message });
    expect(report.errors).toEqual(all.errors.slice(0, 1000));
  });

  it('on one thread too', () => {
    const report = importFile(copy.db, request(10));
    expect(report).toMatchObject({ status: 'rejected', error_count: all.error_count, message: all.message });
    expect(report.errors).toEqual(all.errors.slice(0, 10));
  });
});
