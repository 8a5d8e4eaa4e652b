import { type Db, run, upsert } from '../gateway.js';

export interface MilestoneRow {
  date: string | null;
  date_precision: string;
  metric: string;
  round: number | null;
  value: number;
  value_qualifier: string;
  source_title: string;
  source_url: string | null;
  source_quote: string | null;
  notes: string | null;
}

/** A milestones file is the whole published record: it replaces the table. */
export function clearMilestones(db: Db): void {
  run(db, 'DELETE FROM milestones');
}

export function insertMilestone(db: Db, importId: number, m: MilestoneRow): void {
  run(
    db,
    `INSERT INTO milestones (date, date_precision, metric, round, value, value_qualifier, source_title, source_url,
       source_quote, notes, import_id)
     VALUES (@date, @date_precision, @metric, @round, @value, @value_qualifier, @source_title, @source_url,
       @source_quote, @notes, @import_id)`,
    { ...m, import_id: importId },
  );
}

export function upsertMetric(
  db: Db,
  importId: number,
  m: { metric: string; network_id: string | null; measure: string; label: string },
): boolean {
  const { metric, network_id, measure, label } = m;
  return upsert(db, 'metrics', ['metric'], { metric, network_id, measure, label, import_id: importId });
}
