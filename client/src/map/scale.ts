// Colour scales for the coverage map. Colour-blind-safe (ColorBrewer sequential blues/oranges, with zero or
// "uncovered" on the opposite orange side), and "no data" is a hatch, never a colour a value could have.
import { quantileSorted } from 'd3';
import type { CoverageRow } from '../api.js';
import { formatDecimal, formatInt } from '../format.js';
import type { Metric } from '../state.js';

export const NO_DATA_PATTERN_ID = 'app-no-data';
export const NO_DATA_FILL = `url(#${NO_DATA_PATTERN_ID})`;

export const BLUES = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'];
export const ORANGES = ['#fdd0a2', '#fdae6b', '#e6550d', '#a63603'];
/** An area with no member, and one with at least one: the same two colours wherever coverage is shown. */
export const GAP = '#e66101';
export const COVERED = '#2171b5';
const NONE_BEYOND = '#f7f7f7';

export interface LegendEntry {
  kind: 'no-data' | 'zero' | 'range';
  label: string;
  /** A colour, or NO_DATA_FILL. */
  fill: string;
}

export interface ColourScale {
  metric: Metric;
  /** What the metric measures, for the legend title. */
  title: string;
  fill(value: number | null): string;
  /** The value in words for tooltips and tables: 'no data' is never written as 0. */
  describe(value: number | null): string;
  entries: LegendEntry[];
}

export interface MetricWords {
  member: string;
  members: string;
  radiusKm: number;
}

/** The figure a metric maps for one area; null = no data (e.g. a network with no member list). */
export function metricValue(row: CoverageRow, metric: Metric): number | null {
  switch (metric) {
    case 'members':
      return row.members;
    case 'members_per_100_schools':
      return row.members_per_100_schools;
    case 'schools_beyond_km':
      return row.schools_beyond_km;
    case 'covered':
      return row.covered === null
        ? row.members === null
          ? null
          : row.members > 0
            ? 1
            : 0
        : row.covered
          ? 1
          : 0;
  }
}

export function metricTitle(metric: Metric, words: MetricWords): string {
  switch (metric) {
    case 'members':
      return `Number of ${words.members}`;
    case 'members_per_100_schools':
      return `${cap(words.members)} per 100 schools`;
    case 'schools_beyond_km':
      return `Schools more than ${words.radiusKm} km from the nearest ${words.member}`;
    case 'covered':
      return `Council areas with at least one ${words.member}`;
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Upper bounds of up to `classes` bins over the positive values (quantiles, distinct). Bounds are rounded up (to
 * whole numbers, or to one decimal), so every value is at most its class's stated upper bound.
 */
export function classBreaks(values: number[], classes: number, integer: boolean): number[] {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const up = (v: number): number => (integer ? Math.ceil(v) : Math.ceil(Math.round(v * 1000) / 100) / 10);
  const top = up(positive[positive.length - 1]!);
  const bins = Math.min(classes, new Set(positive).size);
  const bounds: number[] = [];
  for (let i = 1; i < bins; i += 1) {
    const q = up(quantileSorted(positive, i / bins) ?? top);
    if (q < top && (bounds.length === 0 || q > bounds[bounds.length - 1]!)) bounds.push(q);
  }
  bounds.push(top);
  return bounds;
}

const NO_DATA: LegendEntry = { kind: 'no-data', label: 'No data (not the same as none)', fill: NO_DATA_FILL };

/**
 * The label of a class from its bounds: whole numbers as '4–7' (or '3' alone); decimals as 'over 0.5 to 1.2',
 * so that no value could be read into two classes.
 */
export function classLabel(lower: number | null, upper: number, integer: boolean): string {
  if (integer) {
    const from = lower === null ? 1 : lower + 1;
    return from >= upper ? formatInt(upper) : `${formatInt(from)}–${formatInt(upper)}`;
  }
  return `Over ${formatDecimal(lower ?? 0)} to ${formatDecimal(upper)}`;
}

function coveredScale(metric: Metric, title: string, words: MetricWords, hasNoData: boolean): ColourScale {
  const entries: LegendEntry[] = [
    { kind: 'range', label: `At least one ${words.member}`, fill: COVERED },
    { kind: 'zero', label: `No ${words.member}`, fill: GAP },
  ];
  if (hasNoData) entries.push(NO_DATA);
  return {
    metric,
    title,
    entries,
    fill: (v) => (v === null ? NO_DATA_FILL : v > 0 ? COVERED : GAP),
    describe: (v) => (v === null ? 'no data' : v > 0 ? 'covered' : `no ${words.member}`),
  };
}

/** The unit a value of the metric counts, for tooltips: '3 teaching schools', '2 schools beyond 15 km'. */
function unitOf(metric: Metric, words: MetricWords): (v: number) => string {
  switch (metric) {
    case 'members':
      return (v) => (v === 1 ? words.member : words.members);
    case 'members_per_100_schools':
      return () => `${words.members} per 100 schools`;
    default:
      return (v) => `school${v === 1 ? '' : 's'} beyond ${words.radiusKm} km`;
  }
}

function rangeScale(
  metric: Metric,
  title: string,
  words: MetricWords,
  present: number[],
  hasNoData: boolean,
) {
  const integer = metric !== 'members_per_100_schools';
  const fmt = integer ? formatInt : formatDecimal;
  const bounds = classBreaks(present, 4, integer);
  const ramp = metric === 'schools_beyond_km' ? ORANGES : BLUES;
  const zero: LegendEntry =
    metric === 'schools_beyond_km'
      ? { kind: 'zero', label: 'None', fill: NONE_BEYOND }
      : { kind: 'zero', label: `None (no ${words.member})`, fill: GAP };
  const ranges: LegendEntry[] = bounds.map((upper, i) => ({
    kind: 'range',
    label: classLabel(i === 0 ? null : bounds[i - 1]!, upper, integer),
    fill: ramp[Math.min(ramp.length - 1, i + (4 - bounds.length))]!,
  }));
  const unit = unitOf(metric, words);
  const scale: ColourScale = {
    metric,
    title,
    entries: [zero, ...ranges, ...(hasNoData ? [NO_DATA] : [])],
    fill(v) {
      if (v === null) return NO_DATA_FILL;
      if (v <= 0) return zero.fill;
      const i = bounds.findIndex((b) => v <= b);
      return (i === -1 ? ranges[ranges.length - 1] : ranges[i])?.fill ?? zero.fill;
    },
    describe: (v) => (v === null ? 'no data' : v <= 0 ? `none (0 ${unit(0)})` : `${fmt(v)} ${unit(v)}`),
  };
  return scale;
}

export function colourScale(rows: CoverageRow[], metric: Metric, words: MetricWords): ColourScale {
  const values = rows.map((r) => metricValue(r, metric));
  const present = values.filter((v): v is number => v !== null);
  const hasNoData = present.length < values.length;
  const title = metricTitle(metric, words);
  if (present.length === 0) {
    // Nothing is known: the legend offers only "no data", so no colour suggests a value.
    return { metric, title, entries: [NO_DATA], fill: () => NO_DATA_FILL, describe: () => 'no data' };
  }
  if (metric === 'covered') return coveredScale(metric, title, words, hasNoData);
  return rangeScale(metric, title, words, present, hasNoData);
}
