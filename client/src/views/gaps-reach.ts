// The reach list under the gap finder: the schools of an area, a region or England farther than the radius from
// every member (GET /api/v1/schools-beyond), farthest first, each with its nearest member. GIAS data here has no
// school names, so a school is named only when it is itself on a member list; its URN links to its GIAS record.
import {
  ApiError,
  api,
  type GapRow,
  type SchoolBeyond,
  type SchoolsBeyond,
  type ListAnswer,
} from '../api.js';
import { capitalise, link, membersLabel, type ViewContext } from '../context.js';
import { radiusOf } from '../columns.js';
import { option, selectField } from '../controls.js';
import { h } from '../dom.js';
import { downloadButtons, fileSlug } from '../download.js';
import { formatDate, formatDecimal, formatInt } from '../format.js';
import { insetText } from '../messages.js';
import { pagination } from '../pagination.js';
import { dataTable, toCsv, type Column } from '../table.js';

const PAGE_SIZE = 50;
/** The most rows a download fetches (a 1 km radius over England lists most schools). */
const DOWNLOAD_MAX = 30_000;

type Answer = SchoolsBeyond & ListAnswer<SchoolBeyond>;

function reachColumns(ctx: ViewContext, areaName: (code: string) => string): Column<SchoolBeyond>[] {
  const member = ctx.network.member_label;
  return [
    {
      key: 'name',
      label: 'School',
      value: (s) => s.name,
      // Heads the row (and the card on a phone): its name where known, else its URN; either way a link to GIAS.
      cell: (s) =>
        h(
          'a',
          { class: 'govuk-link', href: s.gias_url, rel: 'external' },
          s.name ?? `URN ${s.urn}`,
          h(
            'span',
            { class: 'govuk-visually-hidden' },
            `${s.name ? '' : ', name not held'} (its GIAS record)`,
          ),
        ),
    },
    { key: 'urn', label: 'URN', value: (s) => s.urn },
    { key: 'phase', label: 'Phase', value: (s) => s.phase },
    {
      key: 'la_name',
      label: 'Council area',
      value: (s) => s.la_name ?? s.la_code,
      cell: (s) => link(ctx.nav, { view: 'area', area: s.la_code }, s.la_name ?? s.la_code),
    },
    {
      key: 'km',
      label: `Distance to nearest ${member} (km)`,
      numeric: true,
      value: (s) => s.km,
      cell: (s) => formatDecimal(s.km),
    },
    {
      key: 'nearest',
      label: `Nearest ${member}`,
      value: (s) =>
        `${s.nearest_member_name}${s.nearest_member_la_code ? ` (${areaName(s.nearest_member_la_code)})` : ''}`,
    },
  ];
}

function query(ctx: ViewContext, limit: number, offset: number) {
  const { state } = ctx;
  return {
    network: ctx.network.id,
    as_at: ctx.asAt,
    phase: state.phase,
    region: state.area ? null : state.region,
    la_code: state.area,
    radius_km: radiusOf(ctx),
    limit,
    offset,
  };
}

/** Every row of the list, page by page, for the download. */
async function allRows(ctx: ViewContext, total: number): Promise<SchoolBeyond[]> {
  const pages = Math.ceil(Math.min(total, DOWNLOAD_MAX) / 1000);
  const answers = await Promise.all(
    Array.from({ length: pages }, (_, i) => api.schoolsBeyond(query(ctx, 1000, i * 1000))),
  );
  return answers.flatMap((a) => a.rows);
}

function scopeControl(ctx: ViewContext, areas: GapRow[], where: string): HTMLElement {
  const sorted = [...areas].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return selectField(
    'List the schools of',
    'reach-area',
    [
      option('', `All of ${where}`, ctx.state.area === null),
      ...sorted.map((a) => option(a.la_code, a.name, a.la_code === ctx.state.area)),
    ],
    (v) => ctx.nav.go({ area: v === '' ? null : v }),
  );
}

function listBody(
  ctx: ViewContext,
  answer: Answer,
  scope: string,
  source: string,
  areaName: (code: string) => string,
): (HTMLElement | null)[] {
  const { network, state } = ctx;
  const radius = radiusOf(ctx);
  const columns = reachColumns(ctx, areaName);
  const phase = state.phase ? ` of phase ${state.phase}` : '';
  const title = `Schools${phase} more than ${radius} km from every ${network.member_label}, ${scope}`;
  return [
    h(
      'p',
      { class: 'govuk-body', 'data-testid': 'reach-count' },
      `${formatInt(answer.total)} of ${formatInt(answer.schools_located)} located schools${phase} in ${scope} are ` +
        `more than ${radius} km from every ${network.member_label}.`,
    ),
    insetText(
      'Names are as the GIAS register of 17 June 2024 gives them (the 2018 extract, which places establishments, has none); one not in that register is named only where it is itself on a member list. Each URN links to the school\u2019s record on Get Information about Schools.',
    ),
    downloadButtons({
      name: fileSlug(network.id, 'schools-beyond', `${radius}km`, scope, state.phase, ctx.asAt),
      what: 'the list of schools beyond reach',
      about: { title, date: `As at ${formatDate(ctx.asAt)}`, dataVersion: ctx.meta.dataVersion, source },
      csv: async () =>
        toCsv(
          [...columns, { key: 'gias', label: 'GIAS record', value: (s: SchoolBeyond) => s.gias_url }],
          await allRows(ctx, answer.total),
        ),
    }),
    dataTable({
      caption: title,
      columns,
      rows: answer.rows,
      testid: 'reach-table',
      empty: `No school${phase} in ${scope} is that far from a ${network.member_label}.`,
      cards: true,
    }),
    pagination(ctx, answer.total, PAGE_SIZE, 'Pages of schools'),
  ];
}

export async function reachSection(
  ctx: ViewContext,
  areas: GapRow[],
  source: string,
  areaName: (code: string) => string,
): Promise<HTMLElement> {
  const { state } = ctx;
  // Hubs reach the areas they serve: there is no distance to list (the API would say so with a 404).
  if (!ctx.network.members_are_schools) {
    return h(
      'section',
      { 'data-testid': 'reach' },
      insetText(
        `${capitalise(membersLabel(ctx.network))} reach the council areas they serve, not a distance from a ` +
          'school: an establishment in a served area is served. Each area above says which of them serve it, ' +
          'and which part where only a part is served.',
        'reach-unmeasured',
      ),
    );
  }
  const where = state.region ?? 'England';
  const scope = (state.area && areas.find((a) => a.la_code === state.area)?.name) ?? where;
  const offset = (state.page - 1) * PAGE_SIZE;
  const answer = await api.schoolsBeyond(query(ctx, PAGE_SIZE, offset)).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return error;
    throw error;
  });
  return h(
    'section',
    { 'data-testid': 'reach', 'aria-labelledby': 'reach-heading' },
    h(
      'h2',
      { class: 'govuk-heading-l', id: 'reach-heading' },
      `Schools more than ${radiusOf(ctx)} km from a ${ctx.network.member_label}`,
    ),
    h('div', { class: 'app-controls' }, scopeControl(ctx, areas, where)),
    ...(answer instanceof ApiError
      ? [
          insetText(
            `${capitalise(membersLabel(ctx.network))}: ${answer.message.replace(/^Could not load [^:]+: /, '')}.`,
            'reach-unmeasured',
          ),
        ]
      : listBody(ctx, answer, scope, source, areaName)),
  );
}
