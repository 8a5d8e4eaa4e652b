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
