// The reach list under the gap finder: the schools of an area, a region or England farther than the radius from
// every member (GET /api/v1/schools-beyond), farthest first, each with its nearest member. GIAS data here has no
// school names, so a school is named only when it is itself on a member list; its URN links to its GIAS record.
import { ApiError, api, type GapRow, type SchoolBeyond, type SchoolsBeyond } from '../../api.js';
import { capitalise, link, membersLabel, type ViewContext } from '../../context.js';
import { establishmentColumns } from './establishment-columns.js';
import { unservedSection } from './unserved.js';
import { radiusOf } from '../../columns.js';
import { option, selectField } from '../../controls.js';
import { h, uid } from '../../dom.js';
import { focusAfterRender } from '../../focus.js';
import { downloadButtons, fileSlug } from '../../download.js';
import { formatDate, formatDecimal, formatInt, listJoin } from '../../format.js';
import { insetText } from '../../messages.js';
import { pagination } from '../../pagination.js';
import { dataTable, toCsv, type Column } from '../../table.js';

const PAGE_SIZE = 50;
const REACH_HEADING = '#reach-heading';
const REACH_COUNT = '[data-testid="reach-count"]';
/** The most rows a download fetches (a 1 km radius over England lists most schools). */
const DOWNLOAD_MAX = 30_000;

type Answer = SchoolsBeyond;

/** What the list shows: its page of rows, the counts, and every row (for the download). */
interface Listed {
  total: number;
  schools_located: number;
  rows: SchoolBeyond[];
  all: () => Promise<SchoolBeyond[]>;
}

function reachColumns(ctx: ViewContext, areaName: (code: string) => string): Column<SchoolBeyond>[] {
  // 'teaching school of phase Secondary': the nearest is of the phase asked for, as the distance is.
  const member = `${ctx.network.member_label}${ctx.state.phase ? ` of phase ${ctx.state.phase}` : ''}`;
  return [
    ...establishmentColumns<SchoolBeyond>('School'),
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

function query(ctx: ViewContext, limit: number, offset: number, laCode = ctx.state.area) {
  const { state } = ctx;
  return {
    network: ctx.network.id,
    as_at: ctx.asAt,
    phase: state.phase,
    region: laCode ? null : state.region,
    la_code: laCode,
    radius_km: radiusOf(ctx),
    limit,
    offset,
  };
}

/** Every row of the list, page by page, for the download. */
async function allRows(ctx: ViewContext, total: number, laCode = ctx.state.area): Promise<SchoolBeyond[]> {
  const pages = Math.ceil(Math.min(total, DOWNLOAD_MAX) / 1000);
  const answers = await Promise.all(
    Array.from({ length: pages }, (_, i) => api.schoolsBeyond(query(ctx, 1000, i * 1000, laCode))),
  );
  return answers.flatMap((a) => a.rows);
}

/** Several areas in one list: each area's whole list, merged farthest first, paged here. */
async function severalAreas(ctx: ViewContext, codes: string[]): Promise<Listed> {
  const lists = await Promise.all(
    codes.map(async (code) => {
      const first = await api.schoolsBeyond(query(ctx, 1000, 0, code));
      const rest = first.total > 1000 ? (await allRows(ctx, first.total, code)).slice(1000) : [];
      return { located: first.schools_located, rows: [...first.rows, ...rest] };
    }),
  );
  const rows = lists.flatMap((l) => l.rows).sort((a, b) => b.km - a.km || a.urn - b.urn);
  const offset = (ctx.state.page - 1) * PAGE_SIZE;
  return {
    total: rows.length,
    schools_located: lists.reduce((sum, l) => sum + l.located, 0),
    rows: rows.slice(offset, offset + PAGE_SIZE),
    all: () => Promise.resolve(rows),
  };
}

/** Checkboxes of the areas listed above, to list several together (Norfolk and Suffolk), and their button. */
function severalControl(ctx: ViewContext, areas: GapRow[], chosen: string[]): HTMLElement {
  const sorted = [...areas].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const boxes = sorted.map((a) => {
    const id = uid(`reach-${a.la_code}`);
    const input = h('input', {
      class: 'govuk-checkboxes__input',
      id,
      type: 'checkbox',
      value: a.la_code,
      'data-testid': `reach-choose-${a.la_code}`,
    });
    input.checked = chosen.includes(a.la_code);
    return h(
      'div',
      { class: 'govuk-checkboxes__item' },
      input,
      h('label', { class: 'govuk-label govuk-checkboxes__label', for: id }, a.name),
    );
  });
  const form = h(
    'form',
    { class: 'app-reach-several', 'data-testid': 'reach-several' },
    h('div', { class: 'govuk-checkboxes govuk-checkboxes--small' }, ...boxes),
    h(
      'button',
      { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-testid': 'reach-several-apply' },
      'List these areas together',
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const codes = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    // As Apply does: the old button is gone once the view is drawn again, so focus goes to the list's heading
    // and its count is said.
    focusAfterRender(REACH_HEADING, REACH_COUNT);
    ctx.nav.go({ areas: codes, area: null });
  });
  // Closed once a list is made: its 150-odd boxes would push the list a few screens down. The summary says
  // which areas are chosen, so the reader knows what opening it changes.
  const summary =
    chosen.length > 0
      ? `List several areas together (${formatInt(chosen.length)} chosen)`
      : 'List several areas together';
  return h(
    'details',
    { class: 'govuk-details', 'data-testid': 'reach-several-details' },
    h(
      'summary',
      { class: 'govuk-details__summary' },
      h('span', { class: 'govuk-details__summary-text' }, summary),
    ),
    h('div', { class: 'govuk-details__text' }, form),
  );
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
    (v) => ctx.nav.go({ area: v === '' ? null : v, areas: [] }),
  );
}

function listBody(
  ctx: ViewContext,
  answer: Listed,
  scope: string,
  source: string,
  areaName: (code: string) => string,
): (HTMLElement | null)[] {
  const { network, state } = ctx;
  const radius = radiusOf(ctx);
  const columns = reachColumns(ctx, areaName);
  const phase = state.phase ? ` of phase ${state.phase}` : '';
  // A phase narrows both sides: the schools listed, and the members measured from (the nearest of that phase).
  const title = `Schools${phase} more than ${radius} km from every ${network.member_label}${phase}, ${scope}`;
  return [
    h(
      'p',
      { class: 'govuk-body', 'data-testid': 'reach-count' },
      `${formatInt(answer.total)} of ${formatInt(answer.schools_located)} located schools${phase} in ${scope} are ` +
        `more than ${radius} km from every ${network.member_label}${phase}.` +
        (state.phase
          ? ` The phase applies to the schools listed and to the ${membersLabel(network)} measured from: a ` +
            `${network.member_label} of another phase does not count as near.`
          : ''),
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
          await answer.all(),
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
  // Hubs reach the areas they serve: no distance to list, but the establishments no hub serves.
  if (!ctx.network.members_are_schools) return unservedSection(ctx, areas, source);
  const where = state.region ?? 'England';
  const chosen = state.areas.filter((code) => areas.some((a) => a.la_code === code));
  const named = (code: string) => areas.find((a) => a.la_code === code)?.name ?? code;
  const scope =
    chosen.length > 0
      ? listJoin(chosen.map(named))
      : ((state.area && areas.find((a) => a.la_code === state.area)?.name) ?? where);
  const offset = (state.page - 1) * PAGE_SIZE;
  const one = (): Promise<Listed> =>
    api.schoolsBeyond(query(ctx, PAGE_SIZE, offset)).then((a: Answer) => ({
      total: a.total,
      schools_located: a.schools_located,
      rows: a.rows,
      all: () => allRows(ctx, a.total),
    }));
  const answer = await (chosen.length > 0 ? severalAreas(ctx, chosen) : one()).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return error;
    throw error;
  });
  return h(
    'section',
    { 'data-testid': 'reach', 'aria-labelledby': 'reach-heading' },
    h(
      'h2',
      { class: 'govuk-heading-l', id: 'reach-heading', tabindex: -1 },
      `Schools more than ${radiusOf(ctx)} km from a ${ctx.network.member_label}`,
    ),
    h('div', { class: 'app-controls' }, scopeControl(ctx, areas, where)),
    severalControl(ctx, areas, chosen),
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
