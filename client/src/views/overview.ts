// Overview: headline figures for the chosen network and date, the target cards, and members by region. A view made
// of sections, one file each in overview/.
import type { Summary } from '../api.js';
import { link, membersLabel, type View, type ViewContext } from '../context.js';
import { h } from '../dom.js';
import { formatDate } from '../format.js';
import { insetText, noListText } from '../messages.js';
import { periodNote } from './progress/period-note.js';
import { overviewAnswers } from './overview/answers.js';
import { headlineCards, noListNote } from './overview/cards.js';
import { regionFigure } from './overview/region-figure.js';
import { targetCard } from './overview/target-card.js';

function uncoveredLine(ctx: ViewContext, summary: Summary | null): HTMLElement | null {
  if (!summary || summary.uncovered.length === 0) return null;
  const n = summary.uncovered.length;
  return h(
    'p',
    { class: 'govuk-body', 'data-testid': 'uncovered' },
    `No ${ctx.network.member_label} in ${n === 1 ? 'this council area' : `these ${n} council areas`}: `,
    ...summary.uncovered.flatMap((a, i) => [
      i === 0 ? '' : i === n - 1 ? ' and ' : ', ',
      link(ctx.nav, { view: 'area', area: a.la_code }, a.name),
    ]),
    '.',
  );
}

function targetsSection(ctx: ViewContext, targets: Parameters<typeof targetCard>[0][]): HTMLElement[] {
  const label = membersLabel(ctx.network);
  if (targets.length === 0)
    return [
      h('h2', { class: 'govuk-heading-m' }, 'Targets'),
      h('p', { class: 'govuk-body' }, `No published targets for ${label}.`),
    ];
  return [
    h('h2', { class: 'govuk-heading-m' }, 'Targets'),
    h('p', { class: 'govuk-body' }, 'Judged on every figure published so far, whatever the chosen date.'),
    h(
      'div',
      { class: 'app-headlines', 'data-testid': 'targets' },
      ...targets.map((t) => targetCard(t, label)),
    ),
    h(
      'p',
      { class: 'govuk-body' },
      link(ctx.nav, { view: 'progress' }, 'See progress against the targets over time'),
    ),
  ];
}

export const view: View = async (ctx) => {
  const { summary, progress, source } = await overviewAnswers(ctx);
  if (ctx.state.embed) {
    return { node: summary ? regionFigure(ctx, summary, source) : insetText(noListText(ctx)) };
  }
  const node = h(
    'div',
    {},
    h('span', { class: 'govuk-caption-l' }, `As at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, ctx.network.name),
    ctx.network.description ? h('p', { class: 'govuk-body-l' }, ctx.network.description) : null,
    periodNote(ctx.network),
    h(
      'div',
      { class: 'app-headlines', 'data-testid': 'headlines' },
      ...headlineCards(ctx, summary, progress),
    ),
    noListNote(ctx, summary, progress),
    uncoveredLine(ctx, summary),
    ...targetsSection(ctx, progress?.targets ?? []),
    summary ? regionFigure(ctx, summary, source) : null,
  );
  return { node };
};
