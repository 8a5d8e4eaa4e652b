import type { Db } from '../db/gateway.js';
import { boundaryRow } from '../db/queries/boundaries.js';
import { committedImports, importPage, type ImportRow } from '../db/queries/imports.js';
import { milestoneSources, type SourceRow } from '../db/queries/milestones.js';
import { NotFoundError } from './errors.js';

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

export function imports(db: Db, params: { kind?: string | undefined; limit: number; offset: number }) {
  const { rows, total } = importPage(db, params.kind ?? null, params.limit, params.offset);
  return { rows, total, limit: params.limit, offset: params.offset };
}

export interface Sources {
  licence: typeof LICENCE;
  files: ImportRow[];
  publications: SourceRow[];
}

export function sources(db: Db): Sources {
  return { licence: LICENCE, files: committedImports(db), publications: milestoneSources(db) };
}

/** The stored TopoJSON text of a level, unparsed. */
export function boundaries(db: Db, params: { level: string }): { topojson: string; import_id: number } {
  const row = boundaryRow(db, params.level);
  if (!row) throw new NotFoundError(`no ${params.level} boundaries have been imported`);
  return { topojson: row.topojson, import_id: row.import_id };
}
