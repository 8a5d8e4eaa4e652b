// The overview's headline cards: each figure with what it counts, the list it comes from and how old that list is,
// the nearest published total beside it, and, after the network's end, that it had ended.
import type { Progress, Summary } from '../../api.js';
import { capitalise, hasEnded, membersLabel, plural, type ViewContext } from '../../context.js';
import { h } from '../../dom.js';
import { isoDay } from '../../../../common/dates.js';
import { endOfPeriod, formatDate, formatInt, formatPct } from '../../format.js';
import { noListText } from '../../messages.js';
import { figureWords } from '../../published.js';

export function card(
  figure: string,
  label: string,
  note: string | null,
  testid: string,
  noData = false,
): HTMLElement {
  return h(
    'div',
    { class: `app-card${noData ? ' app-card--no-data' : ''}`, 'data-testid': testid },
    h('p', { class: 'app-card__figure' }, figure),
    h('p', { class: 'app-card__label' }, label),
    note ? h('p', { class: 'app-card__note' }, note) : null,
  );
}

type Published = NonNullable<Summary['published_total']> | Progress['series'][number];

/** The latest published figure dated on or before the chosen date (a month counts at its end), from progress. */
export function publishedOn(progress: Progress | null, asAt: string): Progress['series'][number] | null {
  const published = (progress?.series ?? []).filter((p) => p.source !== 'snapshot');
  let best: Progress['series'][number] | null = null;
  for (const p of published) {
    const end = endOfPeriod(p.date);
    if (end && isoDay(end) <= asAt && (!best || p.date >= best.date)) best = p;
  }
  return best;
}

function publishedCard(ctx: ViewContext, p: Published): HTMLElement {
  const precision = p.precision === 'month' || p.precision === 'year' ? p.precision : 'day';
  return card(
    figureWords(p.total, p.qualifier),
    `${membersLabel(ctx.network)}: nearest published total (${formatDate(p.date, precision)})`,
    `A published national figure. Source: ${p.source_title}`,
    'headline-published',
  );
}

function summaryCards(ctx: ViewContext, s: Summary): HTMLElement[] {
  const label = membersLabel(ctx.network);
  const cards = [card(formatInt(s.members), label, capitalise(s.list_note), 'headline-members')];
  if (s.groups !== null && ctx.network.group_label) {
    cards.push(card(formatInt(s.groups), plural(ctx.network.group_label), null, 'headline-groups'));
  }
  cards.push(
    card(
      `${formatInt(s.council_areas_covered)} of ${formatInt(s.council_areas_total)}`,
      `council areas with a ${ctx.network.member_label}`,
      `${formatPct(s.coverage_pct)} of council areas`,
      'headline-coverage',
    ),
  );
  if (s.pupils_in_member_schools === null && ctx.network.members_are_schools) {
    cards.push(
      card(
        'Not known',
        `pupils on roll in the ${formatInt(s.members)} ${label}`,
        `The extract nearer ${formatDate(s.as_at)}, the ${s.establishments_extract?.name ?? 'GIAS register'}, ` +
          'gives no pupils; those of 2018 are not this date\u2019s.',
        'headline-pupils',
      ),
    );
  } else if (s.pupils_in_member_schools !== null) {
    cards.push(
      card(
        formatInt(s.pupils_in_member_schools),
        `pupils on roll in ${formatInt(s.member_schools_with_pupils)} of ${formatInt(s.members)} ${label}`,
        `A lower bound: ${formatInt(s.members - s.member_schools_with_pupils)} have no pupil count in the ` +
          `establishments list. Pupils of the ${label} themselves, not of their groups\u2019 other schools.`,
        'headline-pupils',
      ),
    );
  }
  cards.push(
    card(
      formatInt(s.schools_total),
      `establishments in the ${formatInt(s.council_areas_total)} council areas of ${formatDate(s.as_at)}`,
      establishmentsText(s),
      'headline-establishments',
    ),
  );
  return cards;
}

/** Which GIAS extract the establishments come from and how old it is; the June 2024 register's count beside it. */
function establishmentsText(s: Summary): string {
  const extract = s.establishments_extract;
  const from = extract
    ? `Establishments: ${extract.name}, the extract nearer this date: those open on ${formatDate(extract.as_at)}, ` +
      'whatever their phase (not all are schools; see Data and sources).'
    : 'Every open establishment in GIAS, whatever its phase: not all are schools (see Data and sources).';
  const unplaced =
    s.establishments_not_placed > 0
      ? ` ${formatInt(s.establishments_not_placed)} in areas since replaced could not be placed in an area of this date.`
      : '';
  const register =
    s.register_open && extract?.kind !== 'register'
      ? ` The GIAS register of ${formatDate(s.register_open.as_at)} lists ${formatInt(s.register_open.open)} open ` +
        'in these areas.'
      : '';
  return from + unplaced + register;
}

export function headlineCards(
  ctx: ViewContext,
  summary: Summary | null,
  progress: Progress | null,
): HTMLElement[] {
  const cards: HTMLElement[] = [];
  const published = summary?.published_total ?? publishedOn(progress, ctx.asAt);
  if (summary) cards.push(...summaryCards(ctx, summary));
  else if (hasEnded(ctx))
    cards.push(card('Ended', `${ctx.network.name} had ended`, noListText(ctx), 'headline-members', true));
  else if (!published) {
    cards.push(
      card(
        'No data',
        `No member list of ${membersLabel(ctx.network)} is held on or before ${formatDate(ctx.asAt)}`,
        'Council-area figures need a member list; published national figures are shown instead.',
        'headline-members',
        true,
      ),
    );
  }
  if (published) cards.push(publishedCard(ctx, published));
  return cards;
}

/**
 * Without a member list but with a published figure, the page opens on that figure, and one line says what is not
 * known (a large hatched "No data" card first said it louder than the figure: the NLEs have no list at all).
 */
export function noListNote(
  ctx: ViewContext,
  summary: Summary | null,
  progress: Progress | null,
): HTMLElement | null {
  if (summary || hasEnded(ctx) || !publishedOn(progress, ctx.asAt)) return null;
  const label = membersLabel(ctx.network);
  const held =
    ctx.network.snapshot_dates.length === 0
      ? `no list of the ${label} themselves is held, only published totals`
      : `no member list of ${label} is held on or before ${formatDate(ctx.asAt)}`;
  return h(
    'p',
    { class: 'govuk-body', 'data-testid': 'headline-members' },
    `No data by council area: ${held}. The figure above is the published national total.`,
  );
}
