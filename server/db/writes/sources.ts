import { type Db, upsert } from '../gateway.js';

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
  const { network_id, boundary, date, precision, source_title, source_url, source_quote, notes } = p;
  return upsert(db, 'network_periods', ['network_id', 'boundary'], {
    network_id,
    boundary,
    date,
    precision,
    source_title,
    source_url,
    source_quote,
    notes,
    import_id: importId,
  });
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
  const { source_title, publisher, published, published_precision, kind, seen_by, notes } = p;
  return upsert(db, 'publications', ['source_title'], {
    source_title,
    publisher,
    published,
    published_precision,
    kind,
    seen_by,
    notes,
    import_id: importId,
  });
}
