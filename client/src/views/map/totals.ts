// The map on a date with published national figures but no member list: the figures, not an all-hatched map.
// Council-area figures need a member list; what was published on the date is what can be said.
import { api, type CoveragePoint, type ProgressPoint } from '../../api.js';
import { link, membersLabel, type ViewContext } from '../../context.js';
import { h } from '../../dom.js';
import { asAtOf, formatDate, formatInt, formatPct } from '../../format.js';
import { insetText, noListText } from '../../messages.js';

function sourceLink(title: string | null, url: string | null): Node | string {
  if (!title) return 'source not recorded';
  return url ? h('a', { class: 'govuk-link', href: url, rel: 'external' }, title) : title;
}

function countItem(p: ProgressPoint, label: string): HTMLElement {
  const qualifier = p.qualifier === 'exact' ? '' : `${p.qualifier} `;
  return h(
    'li',
    {},
    h('strong', {}, `${qualifier}${formatInt(p.total)} ${label}`),
    ` (${formatDate(p.date, p.precision)}; `,
    sourceLink(p.source_title, p.source_url),
    ')',
  );
}

function coverageItem(p: CoveragePoint): HTMLElement {
  const share =
    p.covered !== null && p.of !== null
      ? `${formatInt(p.covered)} of ${formatInt(p.of)} council areas covered`
      : `${formatPct(p.pct)} of council areas covered`;
  return h(
    'li',
    {},
    h('strong', {}, share),
    ` (${formatDate(p.date, p.precision)}; `,
    sourceLink(p.source_title, p.source_url),
    ')',
  );
}

export async function publishedTotals(ctx: ViewContext): Promise<HTMLElement> {
  const progress = await api.progress(ctx.network.id).catch(() => null);
  const onDate = <T extends { date: string; source: string }>(points: T[]): T[] =>
    points.filter((p) => p.source !== 'snapshot' && asAtOf(p.date) === ctx.asAt);
  const counts = onDate(progress?.series ?? []);
  const covered = onDate(progress?.coverage_series ?? []);
  const latest = ctx.network.snapshot_dates.at(-1);
  const items = [...counts.map((p) => countItem(p, membersLabel(ctx.network))), ...covered.map(coverageItem)];
  return h(
    'div',
    { 'data-testid': 'published-totals' },
    h('span', { class: 'govuk-caption-l' }, `${ctx.network.name}, as at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, 'Coverage map'),
    insetText(noListText(ctx), 'no-list'),
    items.length > 0
      ? h('h2', { class: 'govuk-heading-m' }, `Published figures for ${formatDate(ctx.asAt)}`)
      : null,
    items.length > 0
      ? h('ul', { class: 'govuk-list govuk-list--bullet', 'data-testid': 'published-list' }, ...items)
      : null,
    h(
      'p',
      { class: 'govuk-body' },
      link(ctx.nav, { view: 'progress' }, 'See every published figure over time'),
      latest
        ? h(
            'span',
            {},
            ' or ',
            link(ctx.nav, { asAt: latest }, `map the latest member list (${formatDate(latest)})`),
          )
        : null,
      '.',
    ),
  );
}
