// The one-sentence text summary above each map: the map's message in words, honest about "no data".
import type { CoverageRow } from '../api.js';
import { formatInt, listJoin } from '../format.js';
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
  if (metric === 'schools_beyond_km') {
    const far = known.filter((r) => (r.schools_beyond_km ?? 0) > 0);
    const schools = far.reduce((sum, r) => sum + (r.schools_beyond_km ?? 0), 0);
    if (far.length === 0) {
      return `Every school in the ${formatInt(known.length)} council areas with data is within ${words.radiusKm} km of a ${words.member}.${tail}`;
    }
    return (
      `${formatInt(far.length)} of ${formatInt(total)} council areas have schools more than ${words.radiusKm} km ` +
      `from the nearest ${words.member} (${formatInt(schools)} schools in all).${tail}`
    );
  }
  const none = known
    .filter((r) => (r.members ?? 0) === 0 && r.covered !== true)
    .sort((a, b) => a.la_code.localeCompare(b.la_code));
  if (none.length === 0) {
    return `Every one of the ${formatInt(known.length)} council areas${noData > 0 ? ' with data' : ''} has at least one ${words.member}.${tail}`;
  }
  return (
    `${formatInt(none.length)} of ${formatInt(total)} council areas ${none.length === 1 ? 'has' : 'have'} ` +
    `no ${words.member}: ${names(none)}.${tail}`
  );
}
