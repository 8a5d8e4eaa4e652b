// The one-sentence text summary above each map: the map's message in words, for the measure it shows, honest
// about "no data".
import type { CoverageRow } from '../api.js';
import { formatDecimal, formatInt, listJoin } from '../format.js';
import type { Metric } from '../state.js';
import { metricValue, type MetricWords } from './scale.js';

export interface SummaryWords extends MetricWords {
  network: string;
}

function names(rows: CoverageRow[], most = 5): string {
  const shown = rows.slice(0, most).map((r) => r.name);
  const more = rows.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${formatInt(more)} more` : listJoin(shown);
}

const byCode = (a: CoverageRow, b: CoverageRow): number => a.la_code.localeCompare(b.la_code);

/** Areas with none of the network's members: '3 of 152 council areas have no teaching school: A, B and C.' */
function noneSentence(known: CoverageRow[], total: number, words: SummaryWords, withData: boolean): string {
  const none = known.filter((r) => (r.members ?? 0) === 0 && r.covered !== true).sort(byCode);
  if (none.length === 0) {
    return `Every one of the ${formatInt(known.length)} council areas${withData ? ' with data' : ''} has at least one ${words.member}.`;
  }
  return (
    `${formatInt(none.length)} of ${formatInt(total)} council areas ${none.length === 1 ? 'has' : 'have'} ` +
    `no ${words.member}: ${names(none)}.`
  );
}

function membersSentence(
  known: CoverageRow[],
  total: number,
  words: SummaryWords,
  withData: boolean,
): string {
  const most = [...known].sort((a, b) => (b.members ?? 0) - (a.members ?? 0) || byCode(a, b))[0];
  const top =
    most && (most.members ?? 0) > 0 ? ` The most are in ${most.name} (${formatInt(most.members)}).` : '';
  return `${noneSentence(known, total, words, withData)}${top}`;
}

function per100Sentence(known: CoverageRow[], words: SummaryWords): string {
  const rated = known.filter((r) => r.members_per_100_schools !== null && (r.members ?? 0) > 0);
  const none = known.length - rated.length;
  if (rated.length === 0) return `No council area has a ${words.member}.`;
  const sorted = [...rated].sort(
    (a, b) => a.members_per_100_schools! - b.members_per_100_schools! || byCode(a, b),
  );
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  return (
    `${words.members.charAt(0).toUpperCase()}${words.members.slice(1)} per 100 schools range from ` +
    `${formatDecimal(low.members_per_100_schools)} in ${low.name} to ${formatDecimal(high.members_per_100_schools)} ` +
    `in ${high.name}${none > 0 ? `; ${formatInt(none)} council area${none === 1 ? ' has' : 's have'} none` : ''}.`
  );
}

function beyondSentence(known: CoverageRow[], total: number, words: SummaryWords): string {
  const far = known.filter((r) => (r.schools_beyond_km ?? 0) > 0);
  const schools = far.reduce((sum, r) => sum + (r.schools_beyond_km ?? 0), 0);
  if (far.length === 0) {
    return `Every school in the ${formatInt(known.length)} council areas with data is within ${words.radiusKm} km of a ${words.member}.`;
  }
  return (
    `${formatInt(far.length)} of ${formatInt(total)} council areas have schools more than ${words.radiusKm} km ` +
    `from the nearest ${words.member} (${formatInt(schools)} schools in all).`
  );
}

export function mapSummary(rows: CoverageRow[], metric: Metric, words: SummaryWords): string {
  const total = rows.length;
  const known = rows.filter((r) => metricValue(r, metric) !== null);
  if (known.length === 0) {
    return (
      `No member list is held for ${words.network} on this date, so all ${formatInt(total)} council areas ` +
      `show "no data" (which is not the same as none).`
    );
  }
  const noData = total - known.length;
  const tail = noData > 0 ? ` ${formatInt(noData)} show no data.` : '';
  switch (metric) {
    case 'schools_beyond_km':
      return `${beyondSentence(known, total, words)}${tail}`;
    case 'members_per_100_schools':
      return `${per100Sentence(known, words)}${tail}`;
    case 'members':
      return `${membersSentence(known, total, words, noData > 0)}${tail}`;
    case 'covered':
      return `${noneSentence(known, total, words, noData > 0)}${tail}`;
  }
}
