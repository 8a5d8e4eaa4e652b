import type { Request, Response } from 'express';
import { z } from 'zod';
import { noteFault, openedFile } from '../../db/file-watch.js';
import { DatabaseFileError } from '../../db/open.js';
import type { ImportReport } from '../../importer/import-file.js';
import { CONFIRMATIONS, type Confirmation } from '../../importer/confirmations.js';
import { CSV_KINDS, IMPORT_KINDS } from '../../importer/kinds.js';
import { IMPORT_RACED } from '../../importer/session.js';
import { HttpError, badRequest, shown } from '../../answers/errors.js';
import { NETWORKS, isoDate, oneOf, query } from '../../answers/params.js';
import { type BackgroundImport, importInBackground } from '../../upload/background-import.js';
import type { WriteDependencies, WriteRoute } from '../writes/route.js';
import { importReportSchema } from '../../contract/import-report.js';
import { readUpload } from '../writes/upload.js';
import { sendContinue } from '../http-server.js';
import { cacheControl } from '../cache-control.js';

const importFields = query({
  kind: oneOf(IMPORT_KINDS).describe('What the file is: establishments, teaching-schools, nles, hubs, ...'),
  network: oneOf(NETWORKS)
    .optional()
    .describe('Optional check: the network is implied by kind, and a different one is refused.'),
  as_at: isoDate()
    .optional()
    .describe('The date a full list is as at, YYYY-MM-DD; lists that carry dates may leave it out.'),
  dry_run: oneOf(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1')
    .describe(
      'true: validate and preview the changes (report.preview: joiners, leavers, group moves, council areas ' +
        'gaining or losing coverage), write nothing.',
    ),
  confirm: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const codes = value === '' ? [] : value.split(',').map((c) => c.trim());
      const unknown = codes.filter((c) => !(CONFIRMATIONS as readonly string[]).includes(c));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `'${unknown.join(',')}' is not one of ${CONFIRMATIONS.join(', ')}`,
        });
      }
      return codes as Confirmation[];
    })
    .describe(
      `Imports a list that needs confirming (report.confirmations says which and why): ${CONFIRMATIONS.join(', ')}, ` +
        'comma-separated. removes-most: it drops more than half the members of the list in force; ' +
        'future-date: it is dated after today.',
    ),
});

const reportBody = z.object({ id: z.number().int().nullable(), report: importReportSchema });

// The SQLite result codes that mean "this database cannot be written now", with what to tell the admin.
function unwritable(error: unknown): HttpError | undefined {
  const cause =
    error instanceof Error && 'cause' in error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === IMPORT_RACED) return new HttpError(409, `${(cause as Error).message}; nothing was imported`);
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) {
    return error instanceof DatabaseFileError ? new HttpError(503, error.message) : undefined;
  }
  const what = (cause as Error).message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new HttpError(
      409,
      `the database is being written by another process (${what}); nothing was imported`,
    );
  }
  if (/^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|PERM)/.test(code)) {
    return new HttpError(503, `the database cannot be written (${code}: ${what}); nothing was imported`);
  }
  return undefined;
}

function parseFields(req: Request, formFields: Record<string, string>) {
  // No prototype: a field named __proto__ is a field like any other, refused by the schema as unknown.
  const given = Object.assign(Object.create(null), req.query) as Record<string, unknown>;
  for (const [name, value] of Object.entries(formFields)) {
    if (Object.hasOwn(given, name) && given[name] !== value) {
      throw badRequest(
        `${name} is given both in the query (${shown(given[name])}) and the form (${shown(value)})`,
      );
    }
    given[name] = value;
  }
  const fields = importFields.parse(given, { reportInput: true });
  if (
    fields.network !== undefined &&
    fields.kind !== 'boundaries' &&
    CSV_KINDS[fields.kind].network !== fields.network
  ) {
    throw badRequest(`network: '${fields.network}' is not the network of kind '${fields.kind}'`, [
      { parameter: 'network', value: fields.network, message: `kind ${fields.kind} implies its network` },
    ]);
  }
  return fields;
}

/** A rejected commit: 422 in the error shape, every bad value listed, the kept report named. */
function rejected(report: ImportReport, reportId: number | null): HttpError {
  const where = reportId === null ? '' : `; the report is at /api/v1/imports/${reportId}`;
  return new HttpError(
    422,
    `${report.message}${where}`,
    report.errors.map((e) => ({
      parameter: e.column,
      value: e.value,
      row: e.row,
      message: e.row > 0 ? `row ${e.row}, ${e.column}: ${e.message}` : e.message,
    })),
    reportId === null ? {} : { Location: `/api/v1/imports/${reportId}` },
  );
}

/**
 * The import runs in its own thread on its own connection: readers on the app's connection keep seeing the last
 * committed data (WAL) until the one transaction commits, never a half-written import, and the main thread keeps
 * answering them meanwhile. Readers' first requests on the new data make their answers then: they are cheap (the
 * import worked out the figures they need inside its transaction).
 */
async function runImport(req: Request, res: Response, deps: WriteDependencies): Promise<void> {
  const release = deps.lock.acquire(req.id);
  try {
    // Only now, the token checked and the lock held, is a client waiting to send its body told to.
    sendContinue(req, res);
    const upload = await readUpload(req, { bytes: deps.uploadLimitBytes, stallMs: deps.uploadStallMs });
    const fields = parseFields(req, upload.fields);
    let outcome: BackgroundImport;
    try {
      outcome = await importInBackground({
        dbPath: deps.db.name,
        dbFile: openedFile(deps.db),
        requestId: req.id,
        kind: fields.kind,
        bytes: upload.bytes,
        fileName: upload.fileName,
        asAt: fields.as_at ?? null,
        dryRun: fields.dry_run,
        confirm: fields.confirm,
      });
    } catch (error) {
      noteFault(deps.db, error);
      const { reportId = null, warning = null } = error as {
        reportId?: number | null;
        warning?: string | null;
      };
      if (warning !== null) deps.log(`[${req.id}] ${warning}`);
      const refused = unwritable(error);
      if (refused === undefined || reportId === null) throw refused ?? error;
      throw new HttpError(
        refused.status,
        `${refused.message}; the report is at /api/v1/imports/${reportId}`,
        [],
        {
          Location: `/api/v1/imports/${reportId}`,
        },
      );
    }
    const { report, reportId, warning } = outcome;
    if (warning !== null) deps.log(`[${req.id}] ${warning}`);
    if (report.status === 'rejected' && !fields.dry_run) throw rejected(report, reportId);
    res.set('Cache-Control', cacheControl('never'));
    if (reportId !== null) res.location(`/api/v1/imports/${reportId}`);
    res.status(report.status === 'committed' ? 201 : 200).json({ id: reportId, report });
  } finally {
    release();
  }
}

export const importWriteRoutes: WriteRoute[] = [
  {
    method: 'post',
    path: '/api/v1/imports',
    tag: 'imports',
    summary: 'Imports a file through the same importer as the CLI: all of it in one transaction, or nothing.',
    description:
      'Needs Authorization: Bearer <ADMIN_TOKEN>. Send a multipart form with the file in the field `file` ' +
      '(fields kind, network, as_at, dry_run as form fields or query parameters), or a text/csv body with the ' +
      'fields in the query. A dry run answers the report (counts, every error) with its preview and writes ' +
      'nothing. The preview (report.preview) of a network list compares it with the list in force on its date ' +
      'before: joiners and leavers (name, key, council area, group), group moves, and every council area whose ' +
      'count of members changes, marked gained or lost where its coverage starts or ends; null for other kinds. ' +
      'A committed import carries the same preview of what it changed. A rejected file answers 422 listing every ' +
      'bad value with its row and column. Every attempt keeps its report, linked by the Location header. One ' +
      'import at a time: another while one runs gets 409.',
    fields: importFields,
    consumes: ['multipart/form-data', 'text/csv'],
    responses: {
      200: { description: 'A dry run, or a file already imported (status unchanged).', schema: reportBody },
      201: { description: 'Committed.', schema: reportBody },
    },
    errors: [409, 413, 415, 422, 503],
    handle: runImport,
  },
];
