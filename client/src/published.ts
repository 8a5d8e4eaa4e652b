// Published figures in words on the page and in downloads: the figure with its qualifier, the period a date stands
// for, the publication it comes from, and the sources a chart's figures were taken from.
import { differenceInMonths } from 'date-fns';
import { daysBetween, utcDay } from '../../common/dates.js';
import type { Progress, Target } from './api.js';
import { formatDate, formatInt } from './format.js';
import { qualified } from '../../common/qualified.js';

export { qualified };

type Publication = NonNullable<Progress['series'][number]['publication']>;

/** '548', 'just over 360', '991 (derived)': a figure as published, with its qualifier. */
export function figureWords(
  value: number,
  qualifier: string,
  format: (n: number) => string = formatInt,
): string {
  return `${qualified(value, qualifier, format)}${qualifier === 'derived' ? ' (derived)' : ''}`;
}

/** What a figure's qualifier lets us conclude: '360 to 396', 'at least 1,000', 'no bound'. */
export function boundsWords(
  low: number | null,
  high: number | null,
  format: (n: number) => string = formatInt,
): string {
  if (low !== null && high !== null) return low === high ? format(low) : `${format(low)} to ${format(high)}`;
  if (low !== null) return `at least ${format(low)}`;
  if (high !== null) return `at most ${format(high)}`;
  return 'no bound either way';
}

/** 'Department for Education, 26 May 2014'; 'Beyth teaching school, undated'; 'not on record'. */
export function publicationWords(p: Publication | null): string {
  if (!p || p.publisher === null) return 'publisher not on record';
  const when =
    p.published !== null
      ? formatDate(p.published, p.published_precision === 'unknown' ? 'day' : p.published_precision)
      : p.seen_by
        ? `undated (seen by ${formatDate(p.seen_by)})`
        : 'undated';
  return `${p.publisher}, ${when}`;
}

/** Why a target's source deserves a caution: secondary, undated, or both; null when it is a dated primary one. */
export function sourceCaution(t: Pick<Target, 'publication'>): string | null {
  const p = t.publication;
  const secondary = p.kind === 'secondary';
  const undated = p.published === null;
  if (!secondary && !undated) return null;
  const what = secondary && undated ? 'a secondary, undated' : secondary ? 'a secondary' : 'an undated';
  return `This target rests on ${what} page (${p.publisher ?? 'publisher not on record'}): no dated publication of the body that set it is held here.`;
}

/**
 * The sources a chart's figures come from, for the caption inside a downloaded image: each publication once, by
 * title, then each imported list the chart counts, by the file it came from ("The project's count of the imported
 * list of 12 March 2018 (teaching-schools/nctl_teaching_schools_2018-03-12_raw.csv, import 9)").
 */
export function sourceCaption(points: readonly { source: string; source_title: string | null }[]): string {
  const titles = (lists: boolean): string[] =>
    points
      .filter((p) => (p.source === 'snapshot') === lists)
      .map((p) => p.source_title ?? (lists ? 'an imported member list' : null))
      .filter((t): t is string => t !== null);
  const all = [...new Set([...titles(false), ...titles(true)])];
  return all.length === 0 ? 'no figures' : all.join('; ');
}

/** How long before a date a list is: '3 years earlier', '5 months earlier', '44 days earlier', '' the same day. */
export function ageWords(listDate: string, asAt: string): string {
  const [from, to] = [utcDay(listDate), utcDay(asAt)];
  if (from === null || to === null) return '';
  const months = differenceInMonths(to, from);
  if (months >= 12) return `${Math.floor(months / 12)} year${months >= 24 ? 's' : ''} earlier`;
  // Under two months, days: 'list of 16 October 2024, 44 days earlier' says more than '1 month earlier'.
  if (months >= 2) return `${months} months earlier`;
  const days = daysBetween(listDate, asAt);
  return days <= 0 ? '' : `${days} day${days > 1 ? 's' : ''} earlier`;
}
