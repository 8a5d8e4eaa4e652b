// Overview: headline figures for the chosen network and date, the target cards, and members by region.
import { ApiError, api, type CoverageRow, type Progress, type Summary, type Target } from '../api.js';
import { barChart } from '../charts/bar-chart.js';
import { statusWords } from '../charts/progress-chart.js';
import {
  capitalise,
  hasMemberList,
  link,
  membersLabel,
  plural,
  type View,
  type ViewContext,
} from '../context.js';
import { membersColumn } from '../columns.js';
import { h } from '../dom.js';
import { fileSlug } from '../download.js';
import { sourcesOf } from '../download/sources.js';
import { chartFigure, embedFigure } from '../figure.js';
import { endOfPeriod, formatDate, formatDecimal, formatInt, formatPct, isoDate } from '../format.js';
import { errorPanel, insetText, noListText } from '../messages.js';
import { dataTable, toCsv, type Column } from '../table.js';

function card(
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

/** The summary on a date, or null when no member list is held on or before it (the API answers 404). */
async function summaryOrNull(ctx: ViewContext): Promise<Summary | null> {
  if (!hasMemberList(ctx)) return null;
  try {
    const s = await api.summary({ network: ctx.network.id, as_at: ctx.asAt });
    return s.members === null ? null : s;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The latest published figure dated on or before the chosen date (a month counts at its end). */
export function publishedOn(progress: Progress | null, asAt: string): Progress['series'][number] | null {
  const published = (progress?.series ?? []).filter((p) => p.source !== 'snapshot');
  let best: Progress['series'][number] | null = null;
  for (const p of published) {
    const end = endOfPeriod(p.date);
    if (end && isoDate(end) <= asAt && (!best || p.date >= best.date)) best = p;
  }
  return best;
}

function targetCard(t: Target, memberLabel: string): HTMLElement {
  const tagClass: Record<string, string> = {
    met: 'govuk-tag--green',
    missed: 'govuk-tag--red',
    on_track: 'govuk-tag--blue',
    at_risk: 'govuk-tag--orange',
    undetermined: 'govuk-tag--grey',
  };
  const rows: [string, string | null][] = [
    ['Deadline', formatDate(t.deadline, 'month')],
    ['Met on', t.met_on ? formatDate(t.met_on) : null],
    [
      'Early or late',
      t.days_early === null
        ? null
        : t.days_early >= 0
          ? `${formatInt(t.days_early)} days early`
          : `${formatInt(-t.days_early)} days late`,
    ],
    ['Evidence', t.evidence],
    ['Needed per month', t.required_per_month === null ? null : formatDecimal(t.required_per_month)],
    ['Achieved per month', t.actual_per_month === null ? null : formatDecimal(t.actual_per_month)],
    ['Forecast to reach it', t.forecast_date ? formatDate(t.forecast_date) : null],
  ];
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
      { class: `govuk-tag ${tagClass[t.status] ?? 'govuk-tag--grey'}`, 'data-testid': 'target-status' },
      capitalise(statusWords(t.status)),
    ),
    h(
      'dl',
      {
        class:
          'govuk-summary-list govuk-summary-list--no-border govuk-!-margin-top-3 govuk-!-margin-bottom-0',
      },
      ...rows
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
  );
}

interface RegionRow {
  region: string;
  members: number | null;
  covered: number;
  areas: number;
}

export function byRegion(rows: CoverageRow[]): RegionRow[] {
  const regions = new Map<string, RegionRow>();
  for (const r of rows) {
    const key = r.region ?? 'Unknown region';
    const entry = regions.get(key) ?? { region: key, members: null, covered: 0, areas: 0 };
    entry.areas += 1;
    if (r.members !== null) entry.members = (entry.members ?? 0) + r.members;
    if (r.covered) entry.covered += 1;
    regions.set(key, entry);
  }
  return [...regions.values()].sort(
    (a, b) => (b.members ?? -1) - (a.members ?? -1) || a.region.localeCompare(b.region),
  );
}

function regionFigure(ctx: ViewContext, coverage: CoverageRow[], source: string): HTMLElement {
  const label = membersLabel(ctx.network);
  const rows = byRegion(coverage);
  const title = `${capitalise(label)} by region, ${formatDate(ctx.asAt)}`;
  // Drawn for the width it is shown at, so its text stays at full size on a phone.
  const chart = (width = 640): SVGSVGElement =>
    barChart({
      title,
      valueLabel: label,
      width,
      rows: rows.map((r) => ({
        label: r.region,
        value: r.members,
        note: `(${r.covered} of ${r.areas} areas)`,
      })),
    });
  if (ctx.state.embed) return embedFigure(title, `As at ${formatDate(ctx.asAt)}`, chart);
  const columns: Column<RegionRow>[] = [
    { key: 'region', label: 'Region', value: (r) => r.region },
    membersColumn<RegionRow>(label),
    { key: 'covered', label: 'Council areas covered', numeric: true, value: (r) => r.covered },
    { key: 'areas', label: 'Council areas', numeric: true, value: (r) => r.areas },
  ];
  return chartFigure({
    heading: `${capitalise(label)} by region`,
    chart,
    testid: 'region-figure',
    downloads: {
      name: fileSlug(ctx.network.id, 'by-region', ctx.asAt),
      what: 'the chart of members by region',
      about: {
        title,
        date: `As at ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source,
      },
      image: () => chart(),
      csv: () => toCsv(columns, rows),
    },
    table: dataTable({ caption: `${capitalise(label)} and council areas covered, by region`, columns, rows }),
  });
}

export const view: View = async (ctx) => {
  const { network } = ctx;
  const label = membersLabel(network);
  const [summary, progress, coverage, source] = await Promise.all([
    summaryOrNull(ctx),
    api.progress(network.id).catch(() => null),
    hasMemberList(ctx)
      ? api.coverage({ network: network.id, as_at: ctx.asAt }).then(
          (c) => c.rows,
          (error: unknown) => error,
        )
      : null,
    sourcesOf(network, ctx.asAt, ['list', 'council-areas']),
  ]);

  if (ctx.state.embed) {
    return {
      node: Array.isArray(coverage)
        ? regionFigure(ctx, coverage, source)
        : coverage === null
          ? insetText(noListText(ctx))
          : errorPanel(coverage),
    };
  }

  const published = publishedOn(progress, ctx.asAt);
  const cards: HTMLElement[] = [];
  if (summary) {
    cards.push(
      card(
        formatInt(summary.members),
        label,
        `Member list as at ${formatDate(summary.snapshot_as_at)}`,
        'headline-members',
      ),
    );
    if (network.group_label && summary.groups !== null) {
      cards.push(card(formatInt(summary.groups), plural(network.group_label), null, 'headline-groups'));
    }
    cards.push(
      card(
        `${formatInt(summary.council_areas_covered)} of ${formatInt(summary.council_areas_total)}`,
        `council areas with a ${network.member_label}`,
        `${formatPct(summary.coverage_pct)} of council areas`,
        'headline-coverage',
      ),
    );
    if (summary.pupils_in_member_schools !== null) {
      cards.push(
        card(
          formatInt(summary.pupils_in_member_schools),
          `pupils in ${label}`,
          summary.schools_total === null
            ? null
            : `${formatInt(summary.schools_total)} open schools in England`,
          'headline-pupils',
        ),
      );
    }
  } else {
    cards.push(
      card(
        'No data',
        `No member list of ${label} is held on or before ${formatDate(ctx.asAt)}`,
        'Council-area figures need a member list; published national figures are shown instead.',
        'headline-members',
        true,
      ),
    );
  }
  if (published) {
    cards.push(
      card(
        `${published.qualifier === 'exact' ? '' : `${published.qualifier} `}${formatInt(published.total)}`,
        `${label}: latest published figure (${formatDate(published.date, published.precision)})`,
        published.source_title ? `Source: ${published.source_title}` : null,
        'headline-published',
      ),
    );
  }

  const uncovered =
    summary && summary.uncovered.length > 0
      ? h(
          'p',
          { class: 'govuk-body', 'data-testid': 'uncovered' },
          `No ${network.member_label} in ${summary.uncovered.length === 1 ? 'this council area' : `these ${summary.uncovered.length} council areas`}: `,
          ...summary.uncovered.flatMap((a, i) => [
            i === 0 ? '' : i === summary.uncovered.length - 1 ? ' and ' : ', ',
            link(ctx.nav, { view: 'area', area: a.la_code }, a.name),
          ]),
          '.',
        )
      : null;

  const targets = progress?.targets ?? [];
  const node = h(
    'div',
    {},
    h('span', { class: 'govuk-caption-l' }, `As at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, network.name),
    network.description ? h('p', { class: 'govuk-body-l' }, network.description) : null,
    h('div', { class: 'app-headlines', 'data-testid': 'headlines' }, ...cards),
    uncovered,
    h('h2', { class: 'govuk-heading-m' }, 'Targets'),
    targets.length === 0
      ? h('p', { class: 'govuk-body' }, `No published targets for ${label}.`)
      : h(
          'div',
          { class: 'app-headlines', 'data-testid': 'targets' },
          ...targets.map((t) => targetCard(t, label)),
        ),
    targets.length > 0
      ? h(
          'p',
          { class: 'govuk-body' },
          link(ctx.nav, { view: 'progress' }, 'See progress against the targets over time'),
        )
      : null,
    Array.isArray(coverage)
      ? regionFigure(ctx, coverage, source)
      : coverage === null
        ? null
        : errorPanel(coverage),
  );
  return { node };
};
