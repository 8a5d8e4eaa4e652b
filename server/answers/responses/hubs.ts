import { z } from 'zod';
import { HUB_CLASSES } from '../../hubs/types.js';
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
  serves: z.array(z.string()).describe('Names of the council areas it serves.'),
});

const verdict = z.enum(['same', 'different', 'not listed']);

export const hubChangesSchema = z
  .object({
    counts: z
      .object({
        continuing: count(),
        'another-hub': count(),
        new: count(),
        ended: count(),
        redrawn: count(),
        renamed: count().describe('Continuing areas whose hub changed its name.'),
        weak: count().describe('Changes whose match rests on weak evidence.'),
      })
      .describe('Changes of each class.'),
    changes: z.array(
      z.object({
        class: z
          .enum(HUB_CLASSES)
          .describe(
            'continuing: same area, same hub; another-hub: same area, led by another hub; new: an area no hub ' +
              'served; ended: an area no hub serves; redrawn: districts moved between hubs.',
          ),
        renamed: z.boolean().describe('Continuing under another name.'),
        from: z.array(hubRef).describe('Its hubs on the earlier list (several only when redrawn).'),
        to: z.array(hubRef).describe('Its hubs on the later list (several only when redrawn).'),
        evidence: z
          .object({
            area: z
              .enum(['same', 'likely', 'overlap'])
              .describe('same districts; likely: the same as far as the lists say; overlap: some in common.'),
            urn: verdict.describe('The lead schools\u2019 URNs.'),
            website: verdict.describe('The websites\u2019 hosts.'),
            name: z
              .enum(['same', 'similar', 'different'])
              .describe('The names without "Teaching School Hub", "TSH", case and punctuation.'),
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
  })
  .nullable()
  .describe('Hubs only: every hub area of the two lists classified (null for other networks).');
