// Progress: the network's size over time against its targets, then every other published figure, each as its
// source gave it. A view made of sections, one file each in progress/.
import { api } from '../api.js';
import type { View } from '../context.js';
import { h } from '../dom.js';
import { coverageFigure } from './progress/coverage-figure.js';
import { membersFigure } from './progress/members-figure.js';
import { otherFigures } from './progress/other-figures.js';
import { periodNote } from './progress/period-note.js';
import { roundsTable } from './progress/rounds-table.js';
import { targetsTable } from './progress/targets-table.js';
import { undatedList } from './progress/undated-list.js';

export const view: View = async (ctx) => {
  const progress = await api.progress(ctx.network.id);
  if (ctx.state.embed) return { node: membersFigure(ctx, progress) };
  const node = h(
    'div',
    {},
    h('span', { class: 'govuk-caption-l' }, ctx.network.name),
    h('h1', { class: 'govuk-heading-l' }, 'Progress against targets'),
    periodNote(ctx.network),
    membersFigure(ctx, progress),
    targetsTable(progress.targets),
    roundsTable(progress.rounds),
    coverageFigure(ctx, progress),
    progress.extract_change &&
      h('p', { class: 'govuk-body-s', 'data-testid': 'extract-change' }, progress.extract_change.note),
    otherFigures(ctx, progress),
    undatedList(progress.undated),
  );
  return { node };
};
