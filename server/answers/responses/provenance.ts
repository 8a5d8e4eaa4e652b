import { z } from 'zod';
import type { imports, Sources } from '../../analytics/provenance.js';
import { answerOf, count, pageOf, partialDate, text } from './common.js';
import { importRow } from './rows.js';

// The answers about where the data came from, and the open shapes of the documents served as they are.

export const importsAnswer = answerOf<ReturnType<typeof imports>>()(pageOf(importRow, {}));

export const sourcesAnswer = answerOf<Sources>()(
  z.object({
    licence: z.object({
      name: z.string(),
      url: z.string(),
      attribution: z.array(z.string()).describe('Lines to show wherever the data is shown.'),
    }),
    files: z.array(importRow).describe('The imports whose rows the registry holds now, oldest first.'),
    publications: z
      .array(
        z.object({
          source_title: z.string(),
          source_url: text().describe('null: none known.'),
          milestones: count().describe('Figures the registry takes from it.'),
          first_date: partialDate()
            .nullable()
            .describe('Its earliest figure\u2019s date; null: all undated.'),
          last_date: partialDate().nullable().describe('Its latest figure\u2019s date; null: all undated.'),
        }),
      )
      .describe('The publications the progress figures cite.'),
  }),
);

/** A TopoJSON topology, as imported: its objects and arcs (left open: it is the file's, not ours). */
export const topologyAnswer = z
  .looseObject({
    type: z.literal('Topology'),
    objects: z.record(
      z.string(),
      z.looseObject({
        type: z.string(),
        geometries: z
          .array(
            z.looseObject({ type: z.string(), properties: z.record(z.string(), z.unknown()).optional() }),
          )
          .optional(),
      }),
    ),
    arcs: z.array(z.array(z.array(z.number()))),
  })
  .describe('A TopoJSON topology; each council area\u2019s geometry has the property la_code.');

/** The OpenAPI document (open: its parts are those of the OpenAPI 3.1 specification). */
export const openApiAnswer = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string(), description: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});
