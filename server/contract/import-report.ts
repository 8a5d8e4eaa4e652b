// The import report as the upload routes answer it (and GET /api/v1/imports/:id keeps it), for the OpenAPI
// document. Loose: a field added to the report later is passed on, not refused.
import { z } from 'zod';
import { HUB_CLASSES } from '../hubs/types.js';
import { CONFIRMATIONS } from '../importer/confirmations.js';
import { IMPORT_KINDS } from '../importer/kinds.js';
import { NETWORKS } from '../../common/networks.js';
import { hubChangesSchema } from './hubs.js';

const text = z.string().nullable();

const member = z.object({
  member_key: z.string().describe('URN for schools and NLEs, the hub code for hubs.'),
  name: z.string(),
  la_code: text.describe('The home council area (DfE code).'),
  la_name: text,
  serves: z.array(z.string()).describe('Names of the council areas it serves (a hub serves several).'),
  group_name: text.describe('The alliance, for teaching schools.'),
});

const fromTo = z.object({ from: z.number().int(), to: z.number().int() });

const listChanges = {
  joiners: z.array(member),
  leavers: z.array(member),
  group_moves: z.array(
    z.object({ member_key: z.string(), name: z.string(), from_group: text, to_group: text }),
  ),
  area_changes: z
    .array(
      z.object({
        la_code: z.string(),
        name: z.string(),
        from_members: z.number().int(),
        to_members: z.number().int(),
        change: z.number().int(),
        coverage: z
          .enum(['gained', 'lost'])
          .nullable()
          .describe('gained: no member served it before; lost: none serves it after; null: neither.'),
      }),
    )
    .describe('Every council area whose count of members serving it changes.'),
  council_areas_covered: fromTo,
  hubs: hubChangesSchema,
};

export const importPreviewSchema = z
  .object({
    network: z.enum(NETWORKS),
    as_at: z.string(),
    compared_with: text.describe(
      'The list in force on as_at before this one (the same date when this one replaces it); null for a ' +
        "network's first list, when every member is a joiner and every covered area is gained.",
    ),
    next_list: text.describe('A later list already held: the new list changes the figures only until then.'),
    members: fromTo,
    ...listChanges,
    against_next: z
      .object(listChanges)
      .nullable()
      .describe(
        'From the new list to the later one (next_list): a list between two is previewed against both.',
      ),
  })
  .describe(
    'What the import changes, computed inside its transaction before it commits (or a dry run rolls back). ' +
      'Null for kinds that are not network lists.',
  );

export const importReportSchema = z.looseObject({
  status: z.enum(['committed', 'unchanged', 'rejected', 'dry-run']),
  kind: z.enum(IMPORT_KINDS),
  network: z.enum(NETWORKS).nullable(),
  file_name: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  as_at: text,
  format: text,
  encoding: text,
  // Absent from reports kept before files were read this way.
  warnings: z
    .array(z.string())
    .optional()
    .describe(
      'What reading the file changed without refusing it, naming the lines (C1 characters read as Windows-1252).',
    ),
  delimiter: text,
  ignored_columns: z.array(z.string()),
  rows_read: z.number().int(),
  rows_valid: z.number().int(),
  rows_written: z.number().int(),
  error_count: z.number().int(),
  errors: z
    .array(z.object({ row: z.number().int(), column: z.string(), value: z.string(), message: z.string() }))
    .describe('The first 1,000 errors, in file order; error_count is how many there were in all.'),
  import_id: z.number().int().nullable(),
  superseded_import_ids: z.array(z.number().int()),
  changes: z
    .object({
      compared_with: text,
      joined: z.array(z.string()),
      left: z.array(z.string()),
      // Absent only from reports kept before hub lists were matched.
      weak_matches: z
        .array(
          z.object({
            class: z.enum(HUB_CLASSES),
            from: z.array(z.string()),
            to: z.array(z.string()),
            weak: z.array(z.string()),
          }),
        )
        .optional()
        .describe('Hubs: every match with the list before that rests on weak evidence, with that evidence.'),
      unplaced: z
        .array(z.object({ key: z.string(), place: z.string() }))
        .optional()
        .describe(
          "Hubs: each listed name that is no known place ('East London'): kept as written, placed nowhere.",
        ),
    })
    .nullable()
    .describe('Member keys that join and leave (network lists only; hubs as matched by their areas).'),
  confirmations: z
    .array(z.object({ code: z.enum(CONFIRMATIONS), message: z.string() }))
    .describe(
      'What importing this list needs the request to confirm (confirm=...), and why, with the numbers; ' +
        'a commit without them is rejected.',
    )
    .optional(),
  // Absent only from reports kept before previews were added.
  preview: importPreviewSchema.nullable().optional(),
  message: z.string(),
});

/** What importing a network's list changes, before anyone sees it (the dry run's preview). */
export type ImportPreview = z.output<typeof importPreviewSchema>;

/**
 * An import's report as the API answers it, fresh from an upload or kept (GET /api/v1/imports/:id): a report kept
 * before a field was added lacks it. Not the importer's ImportReport, which is what it writes today.
 */
export type ImportReportAnswer = z.output<typeof importReportSchema>;
