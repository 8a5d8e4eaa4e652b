import type { Publication } from '../contract/progress.js';
import type { Db } from '../db/gateway.js';
import { publicationRows } from '../db/queries/sources.js';
import { periodEnd } from '../../common/dates.js';

export type { Publication };

const NOT_ON_RECORD: Publication = {
  publisher: null,
  published: null,
  published_precision: 'unknown',
  kind: null,
  seen_by: null,
  known_from: null,
  notes: null,
};

/** Every publication on record, by the title sources are cited with. */
function publicationIndex(db: Db): Map<string, Publication> {
  const index = new Map<string, Publication>();
  for (const row of publicationRows(db)) {
    const precision = row.published_precision as Publication['published_precision'];
    const end = row.published && precision !== 'unknown' ? periodEnd(row.published, precision) : null;
    index.set(row.source_title, {
      publisher: row.publisher,
      published: row.published,
      published_precision: precision,
      kind: row.kind as 'primary' | 'secondary',
      seen_by: row.seen_by,
      known_from: end ?? row.seen_by,
      notes: row.notes,
    });
  }
  return index;
}

/** The publication a source title names; every field null when it is not on record. */
export function publicationOf(db: Db, sourceTitle: string): Publication {
  return publicationIndex(db).get(sourceTitle) ?? NOT_ON_RECORD;
}

/**
 * Whether a figure from this publication could be known when judging as at a date: out by then. One whose date is
 * not known is used only when judging as at today, never for a judgement of the past.
 */
export function knownBy(publication: Publication, asAt: string, today: string): boolean {
  return publication.known_from === null ? asAt >= today : publication.known_from <= asAt;
}
