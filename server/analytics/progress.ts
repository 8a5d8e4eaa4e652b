import type { Db } from '../db/gateway.js';
import { councilAreaCount } from '../db/queries/areas.js';
import { milestonesOf, type MilestoneRow } from '../db/queries/milestones.js';
import { snapshotStats, type SnapshotStats } from '../db/queries/snapshots.js';
import { round, type NetworkId } from './context.js';
import { periodEnd, type Precision } from './dates.js';
import { evaluateTarget, type CountPoint, type TargetResult } from './targets.js';

export interface ProgressParams {
  network: NetworkId;
  /** Judge as on this date: later figures are left out. Default: today. */
  as_at?: string | undefined;
  today: string;
}

export interface Round {
  round: number;
  date: string;
  precision: Precision;
  designated: number | null;
  total_after: number | null;
  source_title: string;
}

export interface CoveragePoint {
  date: string;
  precision: Precision;
  covered: number | null;
  of: number | null;
  pct: number;
  qualifier: string;
  source: 'milestone' | 'snapshot';
  source_title: string;
  source_url: string | null;
}

export interface UndatedFigure {
  metric: string;
  label: string;
  value: number;
  qualifier: string;
  source_title: string;
  source_url: string | null;
  source_quote: string | null;
}

export interface Progress {
  network: NetworkId;
  as_at: string;
  series: CountPoint[];
  rounds: Round[];
  targets: TargetResult[];
  coverage_series: CoveragePoint[];
  /** Published figures without a date: listed, never plotted. */
  undated: UndatedFigure[];
}

type Dated = MilestoneRow & { date: string; date_precision: Precision };
const isDated = (m: MilestoneRow): m is Dated => m.date !== null && m.date_precision !== 'unknown';

const snapshotSource = (s: SnapshotStats) => `Imported list ${s.file_name} (import ${s.import_id})`;

function countSeries(milestones: Dated[], snapshots: SnapshotStats[]): CountPoint[] {
  const fromLists: CountPoint[] = snapshots.map((s) => ({
    date: s.as_at,
    precision: 'day',
    period_end: s.as_at,
    total: s.members,
    qualifier: 'exact',
    source: 'snapshot',
    source_title: snapshotSource(s),
    source_url: null,
  }));
  const published: CountPoint[] = milestones
    .filter((m) => m.measure === 'members' && m.value_qualifier !== 'target')
    .map((m): CountPoint => ({
      date: m.date,
      precision: m.date_precision,
      period_end: periodEnd(m.date, m.date_precision),
      total: m.value,
      qualifier: m.value_qualifier,
      source: 'milestone',
      source_title: m.source_title,
      source_url: m.source_url,
    }))
    // A figure that only restates an imported list's count is that list: keep one point.
    .filter((p) => !fromLists.some((s) => s.period_end === p.period_end && s.total === p.total));
  return [...published, ...fromLists].sort(
    (a, b) => a.period_end.localeCompare(b.period_end) || a.source.localeCompare(b.source),
  );
}

function rounds(milestones: Dated[], series: CountPoint[]): Round[] {
  const byRound = new Map<number, Round>();
  for (const m of milestones) {
    if (m.round === null) continue;
    const entry = byRound.get(m.round) ?? {
      round: m.round,
      date: m.date,
      precision: m.date_precision,
      designated: null,
      total_after: null,
      source_title: m.source_title,
    };
    if (m.measure === 'designated_in_round') entry.designated = m.value;
    if (m.measure === 'members') {
      entry.total_after = m.value;
      if (m.round === 1) entry.designated = m.value; // the first round designates the whole network
    }
    entry.total_after ??= series.find((p) => p.date === m.date)?.total ?? null;
    byRound.set(m.round, entry);
  }
  return [...byRound.values()].sort((a, b) => a.round - b.round);
}

function coverageSeries(milestones: Dated[], snapshots: SnapshotStats[], areas: number): CoveragePoint[] {
  const fromLists: CoveragePoint[] = snapshots.map((s) => ({
    date: s.as_at,
    precision: 'day',
    covered: s.council_areas_covered,
    of: areas,
    pct: areas > 0 ? round((s.council_areas_covered / areas) * 100, 1) : 0,
    qualifier: 'exact',
    source: 'snapshot',
    source_title: snapshotSource(s),
    source_url: null,
  }));
  const published = milestones
    .filter((m) => m.measure === 'areas_covered' || m.measure === 'areas_covered_pct')
    .map((m): CoveragePoint => {
      // 'las_with_teaching_school_of_150': the count is out of the number the metric names.
      const of = m.measure === 'areas_covered' ? Number(/_of_(\d+)$/.exec(m.metric)?.[1] ?? areas) : null;
      return {
        date: m.date,
        precision: m.date_precision,
        covered: m.measure === 'areas_covered' ? m.value : null,
        of,
        pct: of ? round((m.value / of) * 100, 1) : m.value,
        qualifier: m.value_qualifier,
        source: 'milestone',
        source_title: m.source_title,
        source_url: m.source_url,
      };
    })
    .filter((p) => !fromLists.some((s) => s.date === p.date && s.covered === p.covered && s.of === p.of));
  return [...published, ...fromLists].sort((a, b) => a.date.localeCompare(b.date));
}

/** How a network grew: published figures and imported lists, recruitment rounds, and its targets judged. */
export function progress(db: Db, params: ProgressParams): Progress {
  const asAt = params.as_at ?? params.today;
  const all = milestonesOf(db, params.network);
  const dated = all.filter(isDated).filter((m) => m.date <= asAt);
  const snapshots = snapshotStats(db, params.network).filter((s) => s.as_at <= asAt);
  const series = countSeries(dated, snapshots);
  const targets = all
    .filter(isDated)
    .filter((m) => m.measure === 'members' && m.value_qualifier === 'target')
    .map((m) =>
      evaluateTarget(
        {
          metric: m.metric,
          value: m.value,
          deadline: m.date,
          deadline_precision: m.date_precision,
          source_title: m.source_title,
          source_url: m.source_url,
        },
        series,
        asAt,
      ),
    );
  return {
    network: params.network,
    as_at: asAt,
    series,
    rounds: rounds(dated, series),
    targets,
    coverage_series: coverageSeries(dated, snapshots, councilAreaCount(db)),
    undated: all
      .filter((m) => !isDated(m))
      .map((m) => ({
        metric: m.metric,
        label: m.label,
        value: m.value,
        qualifier: m.value_qualifier,
        source_title: m.source_title,
        source_url: m.source_url,
        source_quote: m.source_quote,
      })),
  };
}
