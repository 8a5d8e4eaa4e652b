import { z } from 'zod';

// The answers about data versions: the current one, and those kept.

export const versionAnswer = z.object({
  v: z.string().describe('The value of the v parameter that names the current data version.'),
  data_version: z.object({ import_id: z.number().int().nullable(), finished_at: z.string().nullable() }),
});

const versionRow = z.object({
  v: z.string().describe('The value of v that names this version in any read.'),
  import_id: z.number().int().describe('The import that made this version.'),
  finished_at: z
    .string()
    .nullable()
    .describe('When that import committed (ISO 8601); null: no longer recorded.'),
  what_changed: z
    .string()
    .nullable()
    .describe('What that import brought: its kind, network, file and date; null: no longer recorded.'),
  current: z.boolean().describe('true for the version reads without v answer from (never pruned).'),
  bytes: z
    .number()
    .int()
    .nonnegative()
    .describe('Disk used by the kept copy (the current one: the database).'),
});

export const versionsAnswer = z.object({ rows: z.array(versionRow), total: z.number().int().nonnegative() });

export type Version = z.output<typeof versionAnswer>;
export type Versions = z.output<typeof versionsAnswer>;

// What an answer on an older data version says in its body (answers/newer-data.ts makes it): every part is a fact
// that never changes once the next import has committed.
export const provenanceAnswer = z
  .object({
    v: z.string().describe('The data version this answer is of: the v asked for.'),
    note: z
      .string()
      .describe(
        '\u2018Data as of 27 November 2026 (import 15). Newer data: 7 December 2026\u2019: the words the ' +
          'dashboard shows, and the X-Data-Note header.',
      ),
    newer_data: z
      .object({
        v: z.string().describe('The v of the version that replaced this one: the first import after it.'),
        import_id: z.number().int().describe('That import.'),
        date: z.iso.date().describe('The day it committed, YYYY-MM-DD.'),
      })
      .describe('The data version that replaced this one (not the latest, which moves: see latest_url).'),
    latest_url: z
      .string()
      .describe(
        'The same question without v: always answered from the current version (Link rel="latest-version").',
      ),
  })
  .describe('Only in an answer on an older data version (a v that newer data replaced).');

export type Provenance = z.output<typeof provenanceAnswer>;
