import { z } from 'zod';
import { HUB_CLASSES } from '../hubs/types.js';
import { count, text } from './common.js';

// The classification of hub areas between two lists, as the diff and the import preview carry it.

const hubRef = z.object({
  key: z
    .string()
    .describe('The hub\u2019s code on its list (EENEL1, EE1, ...): a list\u2019s own, not an identity.'),
  name: z.string(),
  website: text(),
  urn: z.number().int().nullable().describe('The lead school\u2019s URN; null: the list does not say.'),
  lead_school: text().describe('The lead school\u2019s name as listed; null: not listed.'),
  list_area: text().describe(
    'The list\u2019s own grouping (2021: Regional Schools Commissioner area), never an ONS region.',
  ),
  places: z.array(z.string()).describe('The districts it serves, as listed.'),
  unplaced: z
    .array(z.string())
    .describe("Listed names that are no known place ('East London'): kept as written, placed nowhere."),
  serves: z.array(z.string()).describe('Names of the council areas it serves.'),
});

const verdict = z.enum(['same', 'shared', 'different', 'not listed']);

const hubCounts = z
  .object({
    continuing: count(),
    successor: count().describe(
      'Areas served by the hub of the largest overlap, with nothing to say the same hub or another.',
    ),
    'another-hub': count(),
    new: count(),
    ended: count(),
    redrawn: count(),
    renamed: count().describe('Continuing areas whose hub changed its name.'),
    organisation_changed: count().describe(
      'Hubs continuing under their code, run by another organisation (name and website both changed).',
    ),
    weak: count().describe('Changes whose match rests on weak evidence.'),
  })
  .describe('Changes of each class.');

export const hubChangesSchema = z
  .object({
    counts: hubCounts,
    changes: z.array(
      z.object({
        class: z
          .enum(HUB_CLASSES)
          .describe(
            'continuing: same area, same hub; successor: same area, served by the hub of the largest overlap, and ' +
              'no code, URN, website or name says whether it is the same hub or another (not a leaver and a ' +
              'joiner); another-hub: same area, led by another hub (a different code or lead school); new: an area no hub ' +
              'served; ended: an area no hub serves; redrawn: districts moved between hubs.',
          ),
        renamed: z
          .boolean()
          .describe('Continuing under another name ("TS Hub" for "Teaching School Hub" is no rename).'),
        organisation_changed: z
          .boolean()
          .describe('Continuing under its code, run by another organisation: not a leaver and a joiner.'),
        decided_by: z.string().describe('The evidence that decided this change, in words.'),
        from: z.array(hubRef).describe('Its hubs on the earlier list (several only when redrawn).'),
        to: z.array(hubRef).describe('Its hubs on the later list (several only when redrawn).'),
        evidence: z
          .object({
            area: z
              .enum(['same', 'likely', 'overlap', 'apart'])
              .describe(
                'same districts; likely: the same as far as the lists say; overlap: some in common; apart: none.',
              ),
            code: verdict.describe('The codes of the 2024-2028 designation (lists from December 2023).'),
            urn: verdict.describe('The lead schools\u2019 URNs.'),
            website: verdict.describe('The websites\u2019 hosts.'),
            name: z
              .enum(['same', 'shared', 'similar', 'different'])
              .describe(
                'The names without "Teaching School Hub", "TSH", case and punctuation; shared: the same, but ' +
                  'several hubs of one list bear it, and the areas differ (no evidence).',
              ),
          })
          .nullable()
          .describe('What the two entries say of each other; null for new, ended and redrawn.'),
        led_by: text().describe('another-hub: who leads it, as far as the lists say.'),
        weak: z
          .array(z.string())
          .describe('Why the match rests on weak evidence, with it; empty: it does not.'),
        moved: z
          .array(z.object({ district: z.string(), from: z.array(z.string()), to: z.array(z.string()) }))
          .describe('redrawn: each district whose hub changed, with the hubs (codes) before and after.'),
        same_hub: z
          .array(z.object({ from: z.string(), to: z.string(), confirmed: z.boolean() }))
          .describe(
            'Pairs the lists say are one hub; confirmed: by URN, website or name (a location carries over).',
          ),
      }),
    ),
    steps: z
      .array(z.object({ from: z.iso.date(), to: z.iso.date(), counts: hubCounts }))
      .describe(
        'Each list to the next between the two compared: a hub of the last list is one of the first only when ' +
          'every step says so (decided_by names each step).',
      ),
  })
  .nullable()
  .describe('Hubs only: every hub area of the two lists classified (null for other networks).');

/** Every hub area of two lists classified (the schema's value for hubs). */
export type HubChanges = NonNullable<z.output<typeof hubChangesSchema>>;
