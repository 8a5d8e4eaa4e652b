import { z } from 'zod';
import { count, pageOf, text } from './common.js';
import { publication } from './progress.js';
import { importRow } from './rows.js';

// The answers about where the data came from, and the open shapes of the documents served as they are.

export const importsAnswer = pageOf(importRow, {});

export const sourcesAnswer = z.object({
  licence: z.object({
    name: z.string(),
    url: z.string(),
    attribution: z.array(z.string()).describe('Lines to show wherever the data is shown.'),
  }),
  files: z.array(importRow).describe('The imports whose rows the registry holds now, oldest first.'),
  publications: z
    .array(
      publication.extend({
        source_title: z.string().describe('The publication, as the figures cite it.'),
        source_url: text().describe('Its address; null: none known.'),
        source_quote: text().describe(
          'The words a figure is cited with (the earliest figure\u2019s); null: none.',
        ),
        figures: count().describe('Published figures the registry takes from it.'),
        targets: count().describe('Targets the registry takes from it.'),
        periods: count().describe('Network starts and ends the registry takes from it.'),
      }),
    )
    .describe(
      'The publications the figures, targets and network periods cite, newest first: their publication date is ' +
        'not the date their figures refer to, nor a target\u2019s deadline. Never a figure the project computed.',
    ),
  definitions: z
    .array(z.object({ term: z.string(), definition: z.string() }))
    .describe('What each word the figures count in means (establishment, school, pupils, ...).'),
});

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

export type Imports = z.output<typeof importsAnswer>;
export type Sources = z.output<typeof sourcesAnswer>;
