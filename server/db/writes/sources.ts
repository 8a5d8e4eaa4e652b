import { type Db, run } from '../gateway.js';

// The project's reference tables of sources: upserted like the other reference tables, so the same file again
// changes nothing and a corrected row replaces the old one.

export interface NetworkPeriodRow {
  network_id: string;
  boundary: 'start' | 'end';
  date: string;
  precision: string;
  source_title: string;
  source_url: string | null;
  source_quote: string | null;
  notes: string | null;
}

export function upsertNetworkPeriod(db: Db, importId: number, p: NetworkPeriodRow): boolean {
  const result = run(
    db,
    `INSERT INTO network_periods (network_id, boundary, date, precision, source_title, source_url, source_quote,
       notes, import_id)
     VALUES (@network_id, @boundary, @date, @precision, @source_title, @source_url, @source_quote, @notes, @import_id)
     ON CONFLICT (network_id, boundary) DO UPDATE SET date = excluded.date, precision = excluded.precision,
       source_title = excluded.source_title, source_url = excluded.source_url, source_quote = excluded.source_quote,
       notes = excluded.notes, import_id = excluded.import_id
     WHERE date IS NOT excluded.date OR source_title IS NOT excluded.source_title
       OR source_url IS NOT excluded.source_url OR source_quote IS NOT excluded.source_quote
       OR notes IS NOT excluded.notes`,
    { ...p, import_id: importId },
  );
  return result.changes > 0;
}

export interface PublicationRow {
  source_title: string;
  publisher: string;
  published: string | null;
  published_precision: string;
  kind: string;
  seen_by: string | null;
  notes: string | null;
}

export function upsertPublication(db: Db, importId: number, p: PublicationRow): boolean {
  const result = run(
    db,
    `INSERT INTO publications (source_title, publisher, published, published_precision, kind, seen_by, notes,
       import_id)
     VALUES (@source_title, @publisher, @published, @published_precision, @kind, @seen_by, @notes, @import_id)
     ON CONFLICT (source_title) DO UPDATE SET publisher = excluded.publisher, published = excluded.published,
       published_precision = excluded.published_precision, kind = excluded.kind, seen_by = excluded.seen_by,
       notes = excluded.notes, import_id = excluded.import_id
     WHERE publisher IS NOT excluded.publisher OR published IS NOT excluded.published OR kind IS NOT excluded.kind
       OR seen_by IS NOT excluded.seen_by OR notes IS NOT excluded.notes`,
    { ...p, import_id: importId },
  );
  return result.changes > 0;
}
