import { z } from 'zod';
import { importReport } from '../../db/queries/import-reports.js';
import { notFound, shown } from '../errors.js';
import { noQuery } from '../params.js';
import { importReportSchema, type ImportReportAnswer } from '../../contract/import-report.js';
import { defineRoute } from '../route-spec.js';

const reportId = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, { error: (issue) => `${shown(issue.input)} is not an import report id` })
    .transform(Number)
    .describe('The id an upload answered with.'),
});

export const importReadRoutes = [
  defineRoute({
    path: '/api/v1/imports/:id',
    tag: 'imports',
    summary: 'The report of one import attempt over the API: committed, unchanged, rejected or dry run.',
    query: noQuery,
    params: reportId,
    // Kept by the server (a rejected file's report is not rebuilt per GET), but the admin's: no proxy stores it.
    shared: false,
    errors: [404],
    response: z.object({
      id: z.number().int(),
      received_at: z.string(),
      request_id: z.string().nullable(),
      report: importReportSchema,
    }),
    handle: ({ db, params }) => {
      const stored = importReport(db, params.id);
      if (!stored) throw notFound(`no import report ${params.id}`);
      return { ...stored, report: JSON.parse(stored.report) as ImportReportAnswer };
    },
  }),
];
