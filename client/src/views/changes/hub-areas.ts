// The classification of hub areas between two lists, as the Changes view and the Admin preview show it: the counts
// in a sentence, every area with both lists' hubs and the evidence, and the matches that rest on weak evidence.
import type { SnapshotDiff } from '../../api.js';
import { h } from '../../dom.js';
import { counted, formatDate, formatInt } from '../../format.js';
import { option, selectField } from '../../controls.js';
import { dataTable, type Column } from '../../table.js';

export type HubChanges = NonNullable<SnapshotDiff['hubs']>;
type Change = HubChanges['changes'][number];
type Hub = Change['from'][number];

const CLASS_WORDS: Record<Change['class'], string> = {
  continuing: 'Continuing',
  successor: 'Successor by areas',
  'another-hub': 'Led by another hub',
  new: 'New',
  ended: 'Ended',
  redrawn: 'Redrawn',
};

/** The class as a reader says it: 'Continuing, renamed', 'Continuing, another organisation'. */
export function classWords(change: Change): string {
  if (change.organisation_changed) return 'Continuing, another organisation';
  return change.renamed ? 'Continuing, renamed' : CLASS_WORDS[change.class];
}

const hubWords = (hub: Hub): string =>
  `${hub.key}: ${hub.name} (${hub.places.join(', ')})` +
  hub.unplaced.map((place) => `; '${place}' is no known place: placed nowhere`).join('');

/** What decided a change, then who leads it or which districts moved. */
export function evidenceWords(change: Change): string {
  const parts: string[] = [`decided by ${change.decided_by}`];
  if (change.led_by) parts.push(`led by ${change.led_by}`);
  for (const m of change.moved)
    parts.push(`${m.district}: ${m.from.join(', ') || 'none'} to ${m.to.join(', ') || 'none'}`);
  return parts.join('; ');
}

/** The counts in a sentence. */
export function hubSummary(hubs: HubChanges, from: string, to: string): string {
  const c = hubs.counts;
  return (
    `Between the lists of ${formatDate(from)} and ${formatDate(to)}: ` +
    `${counted(c.continuing, 'area continues', 'areas continue')} under the same hub ` +
    `(${formatInt(c.renamed)} renamed, ${formatInt(c.organisation_changed)} run by another organisation), ` +
    `${formatInt(c.successor)} to a successor by areas (nothing on the lists says the same hub or another), ` +
    `${formatInt(c['another-hub'])} led by another hub, ` +
    `${formatInt(c.new)} new, ${formatInt(c.ended)} ended and ${formatInt(c.redrawn)} redrawn. ` +
    `${counted(c.weak, 'match rests', 'matches rest')} on weak evidence, listed with it.`
  );
}

function areaColumns(from: string, to: string): Column<Change>[] {
  const hubsCell = (hubs: Hub[]) => (hubs.length === 0 ? 'none' : hubs.map(hubWords).join('; '));
  return [
    { key: 'class', label: 'Change', value: classWords },
    { key: 'from', label: `Hub, ${formatDate(from)}`, value: (c) => hubsCell(c.from) },
    { key: 'to', label: `Hub, ${formatDate(to)}`, value: (c) => hubsCell(c.to) },
    { key: 'evidence', label: 'Evidence', value: evidenceWords },
    { key: 'weak', label: 'Weak evidence', value: (c) => c.weak.join(' ') },
  ];
}

/** The ways to narrow the table of areas: a class, renamed or weak; null is every area. */
const FILTERS = [
  'continuing',
  'renamed',
  'successor',
  'another-hub',
  'new',
  'ended',
  'redrawn',
  'weak',
] as const;
type Filter = (typeof FILTERS)[number];

const FILTER_WORDS: Record<Filter, string> = {
  ...CLASS_WORDS,
  renamed: 'Renamed',
  weak: 'Resting on weak evidence',
};

function keeps(filter: Filter | null, change: Change): boolean {
  if (filter === null) return true;
  if (filter === 'renamed') return change.renamed;
  if (filter === 'weak') return change.weak.length > 0;
  return change.class === filter;
}

export const isHubFilter = (value: string | null): value is Filter =>
  value !== null && (FILTERS as readonly string[]).includes(value);

/** A select of the filters, each with its count. */
function filterControl(
  hubs: HubChanges,
  current: Filter | null,
  go: (value: string | null) => void,
): HTMLElement {
  const count = (f: Filter | null) => formatInt(hubs.changes.filter((c) => keeps(f, c)).length);
  return selectField(
    'Show',
    'hub-filter',
    [
      option('', `All areas (${count(null)})`, current === null),
      ...FILTERS.map((f) => option(f, `${FILTER_WORDS[f]} (${count(f)})`, f === current)),
    ],
    (value) => go(value === '' ? null : value),
  );
}

/** Every area between the two lists (or those the filter keeps), one row each, with the filter above. */
export function hubAreasTable(
  hubs: HubChanges,
  lists: { from: string; to: string },
  filter: { current: string | null; go: (value: string | null) => void } | null,
  testid: string,
): HTMLElement {
  const current = filter && isHubFilter(filter.current) ? filter.current : null;
  const rows = hubs.changes.filter((c) => keeps(current, c));
  const what = current === null ? 'Every hub area' : `Hub areas: ${FILTER_WORDS[current].toLowerCase()}`;
  return h(
    'div',
    {},
    filter ? h('div', { class: 'app-controls' }, filterControl(hubs, current, filter.go)) : null,
    dataTable({
      caption: `${what}, between the two lists (${formatInt(rows.length)})`,
      columns: areaColumns(lists.from, lists.to),
      rows,
      testid,
      empty: 'None.',
    }),
  );
}

/** The matches resting on weak evidence, with it. */
export function weakMatchesTable(hubs: HubChanges, testid: string): HTMLElement {
  const weak = hubs.changes.filter((c) => c.weak.length > 0);
  const columns: Column<Change>[] = [
    {
      key: 'from',
      label: 'Earlier',
      value: (c) => c.from.map((hub) => `${hub.key}: ${hub.name}`).join('; '),
    },
    { key: 'to', label: 'Later', value: (c) => c.to.map((hub) => `${hub.key}: ${hub.name}`).join('; ') },
    { key: 'class', label: 'Change', value: classWords },
    { key: 'why', label: 'Why the match is weak', value: (c) => c.weak.join(' ') },
  ];
  return dataTable({
    caption: `Matches resting on weak evidence (${formatInt(weak.length)})`,
    columns,
    rows: weak,
    testid,
    empty: 'None.',
  });
}

/** The sentence of a hub classification. */
export function hubSummaryNode(hubs: HubChanges, lists: { from: string; to: string }, testid: string) {
  return h('p', { class: 'govuk-body-l', 'data-testid': testid }, hubSummary(hubs, lists.from, lists.to));
}

type Step = HubChanges['steps'][number];

/**
 * Each list to the next between the two compared: how a hub of the last list is carried back to the first. With
 * `open`, each step links to its own comparison, where every pair is shown with the evidence that decided it.
 */
export function hubStepsTable(
  hubs: HubChanges,
  testid: string,
  open?: (step: Step) => HTMLElement,
): HTMLElement | null {
  if (hubs.steps.length < 2) return null;
  const n = (pick: (s: Step) => number) => pick;
  return dataTable({
    caption: `Step by step: each list to the next (${formatInt(hubs.steps.length)} steps)`,
    columns: [
      { key: 'from', label: 'From', value: (s: Step) => formatDate(s.from) },
      { key: 'to', label: 'To', value: (s: Step) => formatDate(s.to) },
      { key: 'continuing', label: 'Continuing', numeric: true, value: n((s) => s.counts.continuing) },
      { key: 'renamed', label: 'Renamed', numeric: true, value: n((s) => s.counts.renamed) },
      {
        key: 'organisation',
        label: 'Another organisation',
        numeric: true,
        value: n((s) => s.counts.organisation_changed),
      },
      { key: 'successor', label: 'Successor by areas', numeric: true, value: n((s) => s.counts.successor) },
      {
        key: 'another',
        label: 'Led by another hub',
        numeric: true,
        value: n((s) => s.counts['another-hub']),
      },
      { key: 'new', label: 'New', numeric: true, value: n((s) => s.counts.new) },
      { key: 'ended', label: 'Ended', numeric: true, value: n((s) => s.counts.ended) },
      { key: 'redrawn', label: 'Redrawn', numeric: true, value: n((s) => s.counts.redrawn) },
      ...(open ? [{ key: 'open', label: 'Each pair and its evidence', value: () => null, cell: open }] : []),
    ],
    rows: hubs.steps,
    testid,
    empty: 'None.',
  });
}
