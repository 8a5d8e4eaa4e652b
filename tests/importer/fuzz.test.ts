import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { importFile } from '../../server/importer/import-file.js';
import { DATA_DIR, dump, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

// Random and mutated bytes into the importer: it answers with a report and never throws; a file it rejects leaves
// every table as it was, and a file it commits is written whole.

const firstLines = (path: string, n: number) =>
  Buffer.from(readFileSync(join(DATA_DIR, path), 'utf8').split('\n').slice(0, n).join('\n'));
const SEEDS = {
  hubs: firstLines('hubs/teaching_school_hubs_2025-09-30.csv', 30),
  establishments: firstLines('establishments/gias_open_establishments_2018-03-12.csv', 60),
} as const;

let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
  loadCouncilAreas(t.db);
});
afterAll(() => t.cleanup());

const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('text' as const),
    at: fc.nat(),
    text: fc.constantFrom(',', '"', '\n', '\r\n', ';', '\t', '\u00ef\u00bb\u00bf', '=1+1', '\u0000'),
  }),
);

interface Mutation {
  op: 'flip' | 'insert' | 'cut' | 'text';
  at: number;
  byte?: number;
  bytes?: Uint8Array;
  text?: string;
}

function mutate(seed: Buffer, steps: Mutation[]): Buffer {
  let bytes = Buffer.from(seed);
  for (const step of steps as Array<{
    op: string;
    at: number;
    byte?: number;
    bytes?: Uint8Array;
    text?: string;
  }>) {
    const at = bytes.length === 0 ? 0 : step.at % bytes.length;
    if (step.op === 'flip') bytes[at] = step.byte!;
    else if (step.op === 'insert')
      bytes = Buffer.concat([bytes.subarray(0, at), step.bytes!, bytes.subarray(at)]);
    else if (step.op === 'cut') bytes = bytes.subarray(0, at);
    else
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(step.text!, 'latin1'), bytes.subarray(at)]);
  }
  return bytes;
}

const input = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('hubs' as const, 'establishments' as const),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
      )
      .map(([kind, steps]) => ({ kind, bytes: mutate(SEEDS[kind], steps) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('hubs' as const, 'establishments' as const, 'teaching-schools' as const),
        fc.uint8Array({ maxLength: 400 }),
      )
      .map(([kind, raw]) => ({ kind, bytes: Buffer.from(raw) })),
  },
);

function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('the importer under random and mutated bytes', () => {
  it('never throws, and writes all of a file or none of it', () => {
    let asAtDay = 0;
    const outcomes = { committed: 0, rejected: 0 };
    fc.assert(
      fc.property(input, ({ kind, bytes }) => {
        const before = dump(t.db);
        // A new as-at date each time, so no run is skipped as already imported.
        const asAt = new Date(Date.UTC(2019, 0, 1 + asAtDay++)).toISOString().slice(0, 10);
        // Each list replaces the last outright: confirmed, so that only the bytes decide.
        const confirm = ['removes-most' as const];
        const report = importFile(t.db, { kind, bytes, fileName: 'fuzz.csv', asAt, confirm });
        expect(['committed', 'rejected']).toContain(report.status);
        expect(t.db.inTransaction).toBe(false);
        outcomes[report.status as keyof typeof outcomes]++;
        if (report.status === 'rejected') {
          expect(report.errors.length).toBeGreaterThan(0);
          expect(dump(t.db)).toEqual(before);
        } else if (kind === 'establishments') {
          expect(count(t.db, 'establishments')).toBe(report.rows_written);
        } else {
          const members = t.db
            .prepare(
              'SELECT count(*) FROM snapshot_members m JOIN snapshots s ON s.id = m.snapshot_id WHERE s.import_id = ?',
            )
            .pluck()
            .get(report.import_id) as number;
          expect(members).toBe(report.rows_written);
        }
      }),
      { numRuns: 150, seed: 20260101 },
    );
    // Both branches were exercised: some mutations still make a valid file.
    expect(outcomes.committed).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
