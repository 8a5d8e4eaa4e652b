// The published targets, judged on the evidence, with the period each was reached in and its source's standing.
import type { Target } from '../../api.js';
import { statusWords } from '../../charts/marks/markers.js';
import { h } from '../../dom.js';
import { formatDate, formatInt } from '../../format.js';
import { figureWords, publicationWords, sourceCaution } from '../../published.js';
import { dataTable, type Column } from '../../table.js';
import { sourceCell } from './columns.js';

/** '335 to 364 days early', 'at least 309 days early', '497 days late to 888 days early'. */
export function daysEarlyWords(range: Target['days_early']): string {
  if (!range) return '';
  const side = (n: number) => (n >= 0 ? `${formatInt(n)} days early` : `${formatInt(-n)} days late`);
  const { min, max } = range;
  if (min !== null && max !== null) {
    if (min === max) return side(min);
    return min >= 0 ? `${formatInt(min)} to ${formatInt(max)} days early` : `${side(min)} to ${side(max)}`;
  }
  if (min !== null) return min >= 0 ? `at least ${formatInt(min)} days early` : `${side(min)} or earlier`;
  return max === null ? '' : `at most ${side(max)}`;
}

export function fellBelowWords(t: Target): string {
  const f = t.fell_below;
  return f
    ? `Later below ${formatInt(t.value)}: ${figureWords(f.total, f.qualifier)} on ${formatDate(f.date, f.precision)}`
    : '';
}

export function targetColumns(): Column<Target>[] {
  return [
    { key: 'value', label: 'Target', numeric: true, value: (t) => t.value, cell: (t) => formatInt(t.value) },
    {
      key: 'deadline',
      label: 'Deadline',
      value: (t) => t.deadline,
      cell: (t) => formatDate(t.deadline, 'month'),
    },
    { key: 'status', label: 'Status', value: (t) => t.status, cell: (t) => statusWords(t.status) },
    { key: 'reached', label: 'Reached', value: (t) => t.reached?.words ?? null },
    { key: 'days_early', label: 'Days early', value: (t) => daysEarlyWords(t.days_early) },
    { key: 'fell_below', label: 'Later', value: fellBelowWords },
    { key: 'evidence', label: 'Evidence', value: (t) => t.evidence },
    {
      key: 'source',
      label: 'Source',
      value: (t) => `${t.source_title} (${publicationWords(t.publication)})`,
      cell: (t) =>
        h(
          'span',
          {},
          sourceCell({ ...t, source: 'milestone' }),
          ` (${publicationWords(t.publication)})`,
          sourceCaution(t) ? h('strong', { class: 'app-caution' }, ` ${sourceCaution(t)}`) : null,
        ),
    },
  ];
}

export function targetsTable(targets: Target[]): HTMLElement {
  return h(
    'section',
    {},
    h('h2', { class: 'govuk-heading-m' }, 'Targets'),
    h(
      'p',
      { class: 'govuk-body' },
      'Each target is judged on every figure published so far: it was reached after the last figure below it and ' +
        'by the first at or above it, narrowed by a recruitment round between the two.',
    ),
    dataTable({
      caption: 'Published targets and whether they were met',
      columns: targetColumns(),
      rows: targets,
      testid: 'targets-table',
      empty: 'No published targets.',
    }),
  );
}
