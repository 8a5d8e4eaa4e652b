import { all, type Db } from '../gateway.js';
import type { NetworkPeriodRow, PublicationRow } from '../writes/sources.js';

/** Every network's start and end as published, by network and boundary. */
export function networkPeriodRows(db: Db): NetworkPeriodRow[] {
  return all<NetworkPeriodRow>(
    db,
    `SELECT network_id, boundary, date, precision, source_title, source_url, source_quote, notes
     FROM network_periods ORDER BY network_id, boundary DESC`,
  );
}

/** Every publication on record, by title. */
export function publicationRows(db: Db): PublicationRow[] {
  return all<PublicationRow>(
    db,
    `SELECT source_title, publisher, published, published_precision, kind, seen_by, notes
     FROM publications ORDER BY source_title`,
  );
}

export interface CitedSource {
  source_title: string;
  source_url: string | null;
  /** A quote the publication is cited with (the first, by date), or null. */
  source_quote: string | null;
  milestones: number;
  targets: number;
  periods: number;
}

/** Every source a milestone or a network period cites, with how many figures, targets and periods cite it. */
export function citedSources(db: Db): CitedSource[] {
  return all<CitedSource>(
    db,
    `WITH cited AS (
       SELECT source_title, source_url, source_quote, date,
         value_qualifier <> 'target' AS figure, value_qualifier = 'target' AS target, 0 AS period
       FROM milestones
       UNION ALL
       SELECT source_title, source_url, source_quote, date, 0, 0, 1 FROM network_periods)
     SELECT source_title, max(source_url) AS source_url,
       (SELECT c2.source_quote FROM cited c2 WHERE c2.source_title = cited.source_title AND c2.source_quote IS NOT NULL
        ORDER BY c2.date IS NULL, c2.date LIMIT 1) AS source_quote,
       sum(figure) AS milestones, sum(target) AS targets, sum(period) AS periods
     FROM cited GROUP BY source_title ORDER BY source_title`,
  );
}
