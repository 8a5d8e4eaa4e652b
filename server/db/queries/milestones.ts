import { all, type Db } from '../gateway.js';
import type { MilestoneRow as StoredMilestone } from '../writes/milestones.js';

/** A stored milestone with its metric's measure and label. */
export interface MilestoneRow extends StoredMilestone {
  id: number;
  date_precision: 'day' | 'month' | 'year' | 'unknown';
  measure: string;
  label: string;
}

/** The published figures and targets whose metric speaks of a network (null: of none), dated ones first by date. */
export function milestonesOf(db: Db, networkId: string | null): MilestoneRow[] {
  return all<MilestoneRow>(
    db,
    `SELECT ms.id, ms.date, ms.date_precision, ms.metric, mt.measure, mt.label, ms.round, ms.value,
       ms.value_qualifier, ms.source_title, ms.source_url, ms.source_quote, ms.notes
     FROM milestones ms JOIN metrics mt ON mt.metric = ms.metric
     WHERE mt.network_id IS ? ORDER BY ms.date IS NULL, ms.date, ms.id`,
    [networkId],
  );
}

/** The metrics an import's milestones name that the metrics table does not hold, in order. */
export function unknownMetrics(db: Db, importId: number): string[] {
  return all<{ metric: string }>(
    db,
    `SELECT DISTINCT metric FROM milestones
     WHERE import_id = ? AND metric NOT IN (SELECT metric FROM metrics) ORDER BY metric`,
    [importId],
  ).map((row) => row.metric);
}
