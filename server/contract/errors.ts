import { z } from 'zod';

// The one error shape every refusal is answered in (server/api/errors.ts makes it; the dashboard reads it).

export const errorSchema = z.object({
  error: z.object({
    status: z.number().int(),
    message: z.string(),
    details: z.array(
      z.object({
        parameter: z.string().optional(),
        // Absent when no value was given (a missing parameter).
        value: z.unknown().optional(),
        // The line of an uploaded file a bad value is on.
        row: z.number().int().optional(),
        message: z.string(),
      }),
    ),
  }),
});

/** The one error body every error response carries. */
export type ErrorBody = z.output<typeof errorSchema>;
/** One problem with a request, as listed in `error.details`. */
export type ErrorDetail = ErrorBody['error']['details'][number];
