import type { Progress } from '../contract/progress.js';
import type { Db } from '../db/gateway.js';
import { milestonesOf, type MilestoneRow } from '../db/queries/milestones.js';
import { periodEnd, periodStart, type Precision } from '../../common/dates.js';
import type { NetworkId } from './context.js';
import { networkPeriod } from './list-in-force.js';
import { publicationOf, type Publication } from './publications.js';
import { bounds } from './qualifiers.js';

// Published national figures as the analytics read them: each with the period its date stands for, the interval
// its qualifier allows, and the publication it comes from (whose date is not the figure's date).

export interface PublishedFigure {
  metric: string;
  label: string;
  measure: string;
  /** false: a metric of this network; true: a system-leadership figure of no network, dated within its period. */
  related: boolean;
  round: number | null;
  /** As published: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  precision: Precision;
  period_start: string;
  period_end: string;
  value: number;
  qualifier: string;
  /** The lowest and highest value the qualifier allows; null: no bound ('about' proves nothing either way). */
  low: number | null;
  high: number | null;
  source_title: string;
  source_url: string | null;
  source_quote: string | null;
  publication: Publication;
}

/** A published figure without a date: listed, never plotted or judged (the answer's shape). */
export type UndatedFigure = Progress['undated'][number];

type Dated<M extends MilestoneRow = MilestoneRow> = M & { date: string; date_precision: Precision };
const isDated = <M extends MilestoneRow>(m: M): m is Dated<M> =>
  m.date !== null && m.date_precision !== 'unknown';

/** The network's milestones, with those of no network whose date falls within its period (all, with no period). */
function milestonesFor(db: Db, network: NetworkId): (MilestoneRow & { related: boolean })[] {
  const { started, ended } = networkPeriod(db, network);
  const within = (m: MilestoneRow) =>
    m.date !== null &&
    (!started || m.date >= started.day.slice(0, m.date.length)) &&
    (!ended || m.date <= ended.day);
  return [
    ...milestonesOf(db, network).map((m) => ({ ...m, related: false })),
    ...milestonesOf(db, null)
      .filter(within)
      .map((m) => ({ ...m, related: true })),
  ];
}

/** Every dated figure published about a network (targets excluded), by date. */
export function publishedFigures(db: Db, network: NetworkId): PublishedFigure[] {
  return milestonesFor(db, network)
    .filter(isDated)
    .filter((m) => m.value_qualifier !== 'target')
    .map((m) => ({
      metric: m.metric,
      label: m.label,
      measure: m.measure,
      related: m.related,
      round: m.round,
      date: m.date,
      precision: m.date_precision,
      period_start: periodStart(m.date, m.date_precision),
      period_end: periodEnd(m.date, m.date_precision),
      value: m.value,
      qualifier: m.value_qualifier,
      ...bounds(m.value, m.value_qualifier),
      source_title: m.source_title,
      source_url: m.source_url,
      source_quote: m.source_quote,
      publication: publicationOf(db, m.source_title),
    }))
    .sort((a, b) => a.period_end.localeCompare(b.period_end) || a.metric.localeCompare(b.metric));
}

/** The network's published targets (members to reach by a deadline), by deadline. */
export function publishedTargets(db: Db, network: NetworkId): Dated[] {
  return milestonesOf(db, network)
    .filter(isDated)
    .filter((m) => m.measure === 'members' && m.value_qualifier === 'target');
}

/** The network's published figures without a date, and the related ones of no network. */
export function undatedFigures(db: Db, network: NetworkId): UndatedFigure[] {
  return [
    ...milestonesOf(db, network).map((m) => ({ ...m, related: false })),
    ...milestonesOf(db, null).map((m) => ({ ...m, related: true })),
  ]
    .filter((m) => !isDated(m))
    .map((m) => ({
      metric: m.metric,
      label: m.label,
      related: m.related,
      value: m.value,
      qualifier: m.value_qualifier,
      source_title: m.source_title,
      source_url: m.source_url,
      source_quote: m.source_quote,
      publication: publicationOf(db, m.source_title),
    }));
}

/** The latest published figure of a measure dated on or before a day (a month-dated figure counts at its end). */
export function latestPublished(
  figures: readonly PublishedFigure[],
  measure: string,
  onOrBefore: string,
): PublishedFigure | null {
  return figures.findLast((f) => f.measure === measure && !f.related && f.period_end <= onOrBefore) ?? null;
}
