import type { Progress } from '../contract/progress.js';
import type { Db } from '../db/gateway.js';
import { councilAreaCount } from '../db/queries/areas.js';
import { snapshotStats, type SnapshotStats } from '../db/queries/snapshots.js';
import { round, type NetworkId } from './context.js';
import { formatDate } from '../../common/dates.js';
import { publishedFigures, publishedTargets, undatedFigures, type PublishedFigure } from './figures.js';
import { extractChange } from './establishments-of-day.js';
import { networkPeriod } from './list-in-force.js';
import { knownBy, publicationOf } from './publications.js';
import { rounds, roundSteps, type SeriesPoint } from './rounds.js';
import { evaluateTarget, notJudged } from './targets.js';

export interface ProgressParams {
  network: NetworkId;
  /** Judge as on this date: only figures published by then are used. Default: today. */
  as_at?: string | undefined;
  today: string;
}

// The parts of the answer made here, named from its schema (server/contract/progress.ts).
type CoveragePoint = Progress['coverage_series'][number];
type MetricSeries = Progress['figures'][number];

const snapshotSource = (s: SnapshotStats) =>
  `The project\u2019s count of the imported list of ${formatDate(s.as_at, 'day')} (${s.file_name}, import ${s.import_id})`;

function listPoint(s: SnapshotStats, total: number): SeriesPoint {
  return {
    date: s.as_at,
    precision: 'day',
    period_start: s.as_at,
    period_end: s.as_at,
    total,
    qualifier: 'exact',
    low: total,
    high: total,
    source: 'snapshot',
    source_title: snapshotSource(s),
    source_url: null,
    source_quote: null,
    publication: null,
  };
}

function publishedPoint(f: PublishedFigure): SeriesPoint {
  const { value, metric: _m, label: _l, measure: _s, related: _r, round: _n, ...rest } = f;
  return { ...rest, total: value, source: 'milestone' };
}

function countSeries(figures: PublishedFigure[], snapshots: SnapshotStats[]): SeriesPoint[] {
  const fromLists = snapshots.map((s) => listPoint(s, s.members));
  const published = figures
    .filter((f) => f.measure === 'members' && !f.related)
    .map(publishedPoint)
    // A figure that only restates an imported list's count is that list: keep one point.
    .filter((p) => !fromLists.some((s) => s.period_end === p.period_end && s.total === p.total));
  return [...published, ...fromLists].sort(
    (a, b) => a.period_end.localeCompare(b.period_end) || a.source.localeCompare(b.source),
  );
}

/** Each point out of its own denominator: the council areas in force on its date (152, 151, 152 or 153). */
function coverageSeries(
  figures: PublishedFigure[],
  snapshots: SnapshotStats[],
  areasOn: (date: string) => number,
): CoveragePoint[] {
  const fromLists: CoveragePoint[] = snapshots.map((s) => ({
    ...exactCoverage(s.council_areas_covered, areasOn(s.as_at)),
    date: s.as_at,
    precision: 'day',
    qualifier: 'exact',
    source: 'snapshot',
    source_title: snapshotSource(s),
    source_url: null,
    source_quote: null,
    publication: null,
  }));
  const published = figures
    .filter((f) => f.measure === 'areas_covered' || f.measure === 'areas_covered_pct')
    .map((f): CoveragePoint => {
      // 'las_with_teaching_school_of_150': the count is out of the number the metric names.
      const of = Number(/_of_(\d+)$/.exec(f.metric)?.[1] ?? areasOn(f.date));
      const counts = f.measure === 'areas_covered' ? exactCoverage(f.value, of) : fromPercentage(f.value, of);
      const { date, precision, qualifier, source_title, source_url, source_quote, publication } = f;
      return {
        ...counts,
        date,
        precision,
        qualifier,
        source: 'milestone',
        source_title,
        source_url,
        source_quote,
        publication,
      };
    })
    .filter((p) => !fromLists.some((s) => s.date === p.date && s.covered === p.covered && s.of === p.of));
  return [...published, ...fromLists].sort((a, b) => a.date.localeCompare(b.date));
}

function exactCoverage(covered: number, of: number) {
  const pct = of > 0 ? round((covered / of) * 100, 1) : 0;
  return { covered, covered_min: covered, covered_max: covered, of, pct, pct_decimals: 1 };
}

/** A published percentage of `of` areas: the counts that round to it at its printed precision. */
export function fromPercentage(pct: number, of: number) {
  const decimals = (String(pct).split('.')[1] ?? '').length;
  const half = 0.5 / 10 ** decimals;
  const min = Math.ceil(((pct - half) * of) / 100 - 1e-9);
  const max = Math.ceil(((pct + half) * of) / 100 - 1e-9) - 1;
  return {
    covered: min === max ? min : null,
    covered_min: min,
    covered_max: max,
    of,
    pct,
    pct_decimals: decimals,
  };
}

function otherFigures(
  figures: PublishedFigure[],
  snapshots: SnapshotStats[],
  hasGroups: boolean,
): MetricSeries[] {
  const series = new Map<string, MetricSeries>();
  for (const f of figures) {
    if (f.measure !== 'groups' && f.measure !== 'other' && !f.related) continue;
    const entry = series.get(f.metric) ?? {
      metric: f.metric,
      label: f.label,
      measure: f.measure,
      related: f.related,
      points: [],
    };
    const { period_start: _s, round: _r, metric: _m, label: _l, measure: _e, related: _d, ...point } = f;
    entry.points.push({ ...point, source: 'milestone' });
    series.set(f.metric, entry);
  }
  const groups = [...series.values()].find((s) => s.measure === 'groups');
  if (groups && hasGroups) {
    for (const s of snapshots) {
      const { total, period_start: _start, ...point } = listPoint(s, s.groups);
      if (groups.points.some((p) => p.period_end === point.period_end && p.value === total)) continue;
      groups.points.push({ ...point, value: total });
    }
    groups.points.sort((a, b) => a.period_end.localeCompare(b.period_end));
  }
  return [...series.values()];
}

/** How a network grew: published figures and imported lists, recruitment rounds, and its targets judged. */
export function progress(db: Db, params: ProgressParams): Progress {
  const asAt = params.as_at ?? params.today;
  const known = publishedFigures(db, params.network).filter(
    (f) => f.period_start <= asAt && knownBy(f.publication, asAt, params.today),
  );
  const snapshots = snapshotStats(db, params.network).filter((s) => s.as_at <= asAt);
  const series = countSeries(known, snapshots);
  const steps = roundSteps(known);
  const targets = publishedTargets(db, params.network).map((m) => {
    const target = {
      metric: m.metric,
      value: m.value,
      deadline: m.date,
      deadline_precision: m.date_precision,
      source_title: m.source_title,
      source_url: m.source_url,
      source_quote: m.source_quote,
      publication: publicationOf(db, m.source_title),
    };
    // A target is judged only as at a date its source was out by; one from an undated source, only as at today.
    if (!knownBy(target.publication, asAt, params.today)) return notJudged(target, asAt);
    return evaluateTarget(target, series, steps, asAt);
  });
  const hasGroups = snapshots.some((s) => s.groups > 0) || known.some((f) => f.measure === 'groups');
  return {
    network: params.network,
    as_at: asAt,
    period: networkPeriod(db, params.network),
    series,
    rounds: rounds(known, series),
    targets,
    coverage_series: coverageSeries(known, snapshots, (date) => councilAreaCount(db, date)),
    figures: otherFigures(known, snapshots, hasGroups),
    undated: undatedFigures(db, params.network),
    extract_change: extractChange(db),
  };
}
