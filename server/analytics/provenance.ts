import type { Imports, Sources } from '../contract/provenance.js';
import type { Db } from '../db/gateway.js';
import { boundaryRow } from '../db/queries/boundaries.js';
import { committedImports, importPage } from '../db/queries/imports.js';
import { citedSources } from '../db/queries/sources.js';
import { NotFoundError } from './errors.js';
import { quantizedTopology } from './quantized-topology.js';
import { publicationOf } from './publications.js';
import { terms } from '../../common/terms.js';

// Where the data came from: the import record, the publications cited, the licence, and the boundaries as stored.

export const LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  attribution: [
    'Contains public sector information licensed under the Open Government Licence v3.0.',
    'Contains National Statistics data © Crown copyright and database right 2016. ' +
      'Contains OS data © Crown copyright and database right 2016.',
  ],
};

export function imports(
  db: Db,
  params: { kind?: string | undefined; limit: number; offset: number },
): Imports {
  const { rows, total } = importPage(db, params.kind ?? null, params.limit, params.offset);
  return { rows, total, limit: params.limit, offset: params.offset };
}

type CitedPublication = Sources['publications'][number];

/** Newest publications first; undated ones last. */
const byPublished = (a: CitedPublication, b: CitedPublication) =>
  (b.published ?? b.seen_by ?? '').localeCompare(a.published ?? a.seen_by ?? '') ||
  a.source_title.localeCompare(b.source_title);

export function sources(db: Db): Sources {
  const publications = citedSources(db)
    .map((c) => ({
      source_title: c.source_title,
      source_url: c.source_url,
      source_quote: c.source_quote,
      ...publicationOf(db, c.source_title),
      figures: c.milestones,
      targets: c.targets,
      periods: c.periods,
    }))
    .sort(byPublished);
  return { licence: LICENCE, files: committedImports(db), publications, definitions: terms() };
}

/** The TopoJSON text of a level: as stored (`full`), or quantized for drawing (`map`: a third of the bytes). */
export function boundaries(
  db: Db,
  params: { level: string; detail?: 'full' | 'map' },
): { topojson: string; import_id: number } {
  const row = boundaryRow(db, params.level);
  if (!row) throw new NotFoundError(`no ${params.level} boundaries have been imported`);
  const topojson = params.detail === 'map' ? quantizedTopology(row.topojson) : row.topojson;
  return { topojson, import_id: row.import_id };
}
