// The reach list for hubs under the gap finder: hubs reach the council areas they serve, so what is listed is every
// establishment no hub serves (each area's `unserved` in GET /api/v1/gaps), never a distance; and, for an area
// served in part where the data cannot say which establishments lie in the part, that it cannot.
import { giasUrl } from '../../../../common/gias.js';
import type { GapRow } from '../../api.js';
import { capitalise, link, membersLabel, type ViewContext } from '../../context.js';
import { establishmentColumns } from './establishment-columns.js';
import { h } from '../../dom.js';
import { downloadButtons, fileSlug } from '../../download.js';
import { formatDate, formatInt } from '../../format.js';
import { insetText } from '../../messages.js';
import { pagination } from '../../pagination.js';
import { dataTable, toCsv, type Column } from '../../table.js';

const PAGE_SIZE = 50;

interface UnservedRow {
  urn: number;
  name: string | null;
  phase: string | null;
  la_code: string;
  area: string;
  part: string;
}

function columns(ctx: ViewContext): Column<UnservedRow>[] {
  return [
    ...establishmentColumns<UnservedRow>('Establishment'),
    {
      key: 'area',
      label: 'Council area',
      value: (s) => s.area,
      cell: (s) => link(ctx.nav, { view: 'area', area: s.la_code }, s.area),
    },
    { key: 'part', label: 'Part no hub serves', value: (s) => s.part },
  ];
}

/** The establishments no hub serves in the areas listed above, and the areas where which cannot be said. */
export function unservedSection(ctx: ViewContext, areas: GapRow[], source: string): HTMLElement {
  const { state } = ctx;
  const rows: UnservedRow[] = areas.flatMap((a) =>
    (a.unserved?.establishments ?? []).map((e) => ({
      ...e,
      area: a.name,
      part: a.unserved?.part ?? `All of ${a.name}`,
    })),
  );
  const unknown = areas.filter((a) => a.unserved && a.unserved.establishments === null);
  const phase = state.phase ? ` of phase ${state.phase}` : '';
  const where = state.region ?? 'England';
  const title = `Establishments${phase} no hub serves, ${where}`;
  const offset = (state.page - 1) * PAGE_SIZE;
  const hubs = capitalise(membersLabel(ctx.network));
  return h(
    'section',
    { 'data-testid': 'reach', 'aria-labelledby': 'reach-heading' },
    h('h2', { class: 'govuk-heading-l', id: 'reach-heading' }, `Establishments${phase} no hub serves`),
    insetText(
      `${hubs} reach the council areas they serve, not a distance from a school: an establishment in a served ` +
        'area is served. Listed: every establishment of an area no hub serves, and those of the part of an area ' +
        'no hub names where that part is made of whole council areas of later years (establishments are placed ' +
        'no finer than council areas). Names are as the GIAS register of 17 June 2024 gives them.',
      'reach-unmeasured',
    ),
    h(
      'p',
      { class: 'govuk-body', 'data-testid': 'reach-count' },
      `${formatInt(rows.length)} establishment${rows.length === 1 ? '' : 's'}${phase} in ${where} ` +
        `${rows.length === 1 ? 'is' : 'are'} in no hub\u2019s areas on the list answering ${formatDate(ctx.asAt)}.` +
        (unknown.length === 0
          ? ''
          : ` ${formatInt(unknown.length)} ${unknown.length === 1 ? 'area is' : 'areas are'} served in part, ` +
            'and which of their establishments lie in the part no hub names cannot be said:'),
    ),
    ...unknown.map((a) =>
      insetText(
        `${a.name}: no hub names ${a.unserved?.part ?? 'part of it'} as a whole; ${a.unserved?.note ?? ''}.`,
        `reach-unknown-${a.la_code}`,
      ),
    ),
    downloadButtons({
      name: fileSlug(ctx.network.id, 'unserved', where, state.phase, ctx.asAt),
      what: 'the list of establishments no hub serves',
      about: { title, date: `As at ${formatDate(ctx.asAt)}`, dataVersion: ctx.meta.dataVersion, source },
      csv: () =>
        Promise.resolve(
          toCsv(
            [
              ...columns(ctx),
              { key: 'gias', label: 'GIAS record', value: (s: UnservedRow) => giasUrl(s.urn) },
            ],
            rows,
          ),
        ),
    }),
    dataTable({
      caption: title,
      columns: columns(ctx),
      rows: rows.slice(offset, offset + PAGE_SIZE),
      testid: 'reach-table',
      empty:
        unknown.length === 0
          ? `Every establishment${phase} in ${where} is in an area a hub serves.`
          : `No establishment${phase} in ${where} is known to be unserved (see the areas above).`,
      cards: true,
    }),
    pagination(ctx, rows.length, PAGE_SIZE, 'Pages of establishments'),
  );
}
