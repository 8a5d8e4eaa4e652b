// A target card: the target, its status in words, when it was reached (the period the evidence allows) and how early,
// whether it later fell below, the evidence, and its source, with a caution when that is secondary or undated.
import type { Target } from '../../api.js';
import { statusWords } from '../../charts/marks/markers.js';
import { statusKey } from '../../charts/marks/targets.js';
import { capitalise } from '../../context.js';
import { h } from '../../dom.js';
import { formatDate, formatInt } from '../../format.js';
import { publicationWords, sourceCaution } from '../../published.js';
import { daysEarlyWords, fellBelowWords } from '../progress/targets-table.js';

const TAG: Record<string, string> = {
  met: 'govuk-tag--green',
  missed: 'govuk-tag--red',
  on_track: 'govuk-tag--blue',
  at_risk: 'govuk-tag--orange',
  undetermined: 'govuk-tag--grey',
  // Met, then fell below: in words and in a colour of its own, never met's green alone.
  met_fell_below: 'govuk-tag--yellow',
  not_yet_published: 'govuk-tag--grey',
  undated_source: 'govuk-tag--yellow',
};

const range = (r: Target['actual_per_month']) =>
  r === null ? null : r.min === r.max ? `${r.min ?? '?'}` : `${r.min ?? '?'} to ${r.max ?? '?'}`;

function rows(t: Target): [string, string | null][] {
  return [
    ['Deadline', formatDate(t.deadline, 'month')],
    ['Reached', t.reached ? t.reached.words : null],
    ['Early or late', daysEarlyWords(t.days_early) || null],
    ['Later', fellBelowWords(t) || null],
    ['Evidence', t.evidence],
    ['Needed per month', range(t.required_per_month)],
    ['Seen per month', range(t.actual_per_month)],
    ['Forecast to reach it', t.forecast ? t.forecast.words : null],
    ['Source', `${t.source_title} (${publicationWords(t.publication)})`],
  ];
}

export function targetCard(t: Target, memberLabel: string): HTMLElement {
  const caution = sourceCaution(t);
  const status =
    t.status === 'met' && t.fell_below ? 'Met, later fell below' : capitalise(statusWords(t.status));
  return h(
    'div',
    { class: 'app-card', 'data-testid': 'target-card' },
    h(
      'h3',
      { class: 'govuk-heading-s govuk-!-margin-bottom-2' },
      `${formatInt(t.value)} ${memberLabel} by ${formatDate(t.deadline, 'month')}`,
    ),
    h(
      'strong',
      { class: `govuk-tag ${TAG[statusKey(t)] ?? 'govuk-tag--grey'}`, 'data-testid': 'target-status' },
      status,
    ),
    h(
      'dl',
      {
        class:
          'govuk-summary-list govuk-summary-list--no-border govuk-!-margin-top-3 govuk-!-margin-bottom-0',
      },
      ...rows(t)
        .filter((r): r is [string, string] => r[1] !== null)
        .map(([k, v]) =>
          h(
            'div',
            { class: 'govuk-summary-list__row' },
            h('dt', { class: 'govuk-summary-list__key' }, k),
            h('dd', { class: 'govuk-summary-list__value' }, v),
          ),
        ),
    ),
    caution ? h('p', { class: 'govuk-body-s app-caution', 'data-testid': 'target-caution' }, caution) : null,
  );
}
