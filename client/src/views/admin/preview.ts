// The Admin view's preview of what a network list changes: the counts in a sentence, a map of the council areas
// gaining or losing coverage (drawn by the coverage map's own Leaflet module), and tables of the same.
import type { ImportPreview } from '../../api.js';
import { capitalise, type Rendered } from '../../context.js';
import { h } from '../../dom.js';
import { counted, formatDate, formatInt } from '../../format.js';
import { loadBoundaries } from '../../map/boundaries.js';
import {
  changeKind,
  changeLegend,
  CHANGE_FILLS,
  describeChange,
  type AreaChange,
  type ChangeWords,
} from '../../map/change-scale.js';
import { legendList } from '../../map/legend.js';
import { errorPanel, insetText } from '../../messages.js';
import { dataTable, type Column } from '../../table.js';
import { hubAreasTable, hubSummaryNode, weakMatchesTable } from '../changes/hub-areas.js';

type Member = ImportPreview['joiners'][number];
type Move = ImportPreview['group_moves'][number];

function memberColumns(words: ChangeWords): Column<Member>[] {
  return [
    { key: 'name', label: capitalise(words.member), value: (m) => m.name },
    { key: 'member_key', label: 'URN or key', value: (m) => m.member_key },
    { key: 'group_name', label: 'Group', value: (m) => m.group_name },
    { key: 'serves', label: 'Council areas served', value: (m) => m.serves.join(', ') },
  ];
}

const moveColumns = (words: ChangeWords): Column<Move>[] => [
  { key: 'name', label: capitalise(words.member), value: (m) => m.name },
  { key: 'member_key', label: 'URN or key', value: (m) => m.member_key },
  { key: 'from_group', label: 'From', value: (m) => m.from_group },
  { key: 'to_group', label: 'To', value: (m) => m.to_group },
];

function areaColumns(preview: ImportPreview, words: ChangeWords): Column<AreaChange>[] {
  const before = preview.compared_with ? formatDate(preview.compared_with) : 'Before';
  return [
    { key: 'name', label: 'Council area', value: (a) => a.name },
    { key: 'la_code', label: 'LA code', value: (a) => a.la_code },
    {
      key: 'from_members',
      label: `${capitalise(words.members)}, ${before}`,
      numeric: true,
      value: (a) => a.from_members,
    },
    {
      key: 'to_members',
      label: `${capitalise(words.members)}, ${formatDate(preview.as_at)}`,
      numeric: true,
      value: (a) => a.to_members,
    },
    {
      key: 'change',
      label: 'Change',
      numeric: true,
      value: (a) => a.change,
      cell: (a) => (a.change > 0 ? `+${formatInt(a.change)}` : formatInt(a.change)),
    },
    {
      key: 'coverage',
      label: 'Coverage',
      value: (a) => a.coverage,
      cell: (a) => (a.coverage === 'gained' ? 'gained' : a.coverage === 'lost' ? 'lost' : 'kept'),
    },
  ];
}

/** The counts in a sentence: the map's message in words. */
export function previewSummary(preview: ImportPreview, dryRun: boolean, words: ChangeWords): string {
  const against =
    preview.compared_with === null
      ? `This is the first list of ${words.members}, so every one is a joiner.`
      : preview.compared_with === preview.as_at
        ? `Compared with the list as at ${formatDate(preview.compared_with)}, which it ${dryRun ? 'would replace' : 'replaced'}:`
        : `Compared with the list as at ${formatDate(preview.compared_with)}:`;
  const [join, leave, move] = dryRun
    ? ['would join', 'would leave', 'would move']
    : ['joined', 'left', 'moved'];
  const gained = preview.area_changes.filter((a) => a.coverage === 'gained').length;
  const lost = preview.area_changes.filter((a) => a.coverage === 'lost').length;
  const covered = preview.council_areas_covered;
  return (
    `${against} ${counted(preview.joiners.length, words.member, words.members)} ${join}, ` +
    `${formatInt(preview.leavers.length)} ${leave} and ${formatInt(preview.group_moves.length)} ${move} group. ` +
    `Council areas covered: ${formatInt(covered.from)} before, ${formatInt(covered.to)} after ` +
    `(${counted(gained, 'area')} gaining coverage, ${formatInt(lost)} losing it).`
  );
}

interface PreviewMap {
  byCode: Map<string, AreaChange>;
  names: Map<string, string>;
  describe(code: string): string;
}

function previewMapData(preview: ImportPreview, words: ChangeWords): PreviewMap {
  const byCode = new Map(preview.area_changes.map((a) => [a.la_code, a]));
  const names = new Map(preview.area_changes.map((a) => [a.la_code, a.name]));
  return {
    byCode,
    names,
    describe: (code) => `${names.get(code) ?? code}: ${describeChange(byCode.get(code), words)}`,
  };
}

/** The panel beside the map: the change of the area pointed at, or the one selected (pinned). */
function infoPanel(data: PreviewMap) {
  const element = h('div', { class: 'app-map-info', 'data-testid': 'preview-info', 'aria-live': 'polite' });
  let pinned: string | null = null;
  const show = (code: string | null): void => {
    const shown = code ?? pinned;
    element.replaceChildren(
      shown === null
        ? h('p', { class: 'govuk-body-s' }, 'Point at, or Tab to, a council area to see its change.')
        : h('p', { class: 'govuk-body' }, data.describe(shown)),
    );
  };
  show(null);
  return { element, show, pin: (code: string) => ((pinned = code), show(code)) };
}

function previewTables(preview: ImportPreview, words: ChangeWords): HTMLElement[] {
  const table = <T>(caption: string, columns: Column<T>[], rows: T[], testid: string) =>
    dataTable({ caption: `${caption} (${formatInt(rows.length)})`, columns, rows, testid, empty: 'None.' });
  return [
    table(
      `Council areas whose count of ${words.members} changes`,
      areaColumns(preview, words),
      preview.area_changes,
      'admin-areas',
    ),
    table('Joiners', memberColumns(words), preview.joiners, 'admin-joiners'),
    table('Leavers', memberColumns(words), preview.leavers, 'admin-leavers'),
    table('Moved to another group', moveColumns(words), preview.group_moves, 'admin-moves'),
  ];
}

/** Draws the map of the changes into its element once it is in the page; the returned function removes it. */
function mountPreviewMap(
  mapEl: HTMLElement,
  data: PreviewMap,
  info: ReturnType<typeof infoPanel>,
  words: ChangeWords,
) {
  return (): (() => void) => {
    let destroyed = false;
    let instance: { destroy(): void } | null = null;
    // An import is matched to the areas of 2011-2018: its changes are drawn on them.
    void Promise.all([loadBoundaries('2011-04-01'), import('../../map/leaflet-map.js')]).then(
      ([boundaries, { coverageMap }]) => {
        if (destroyed) return;
        for (const f of boundaries.areas.features) data.names.set(f.properties.la_code, f.properties.name);
        instance = coverageMap({
          container: mapEl,
          areas: boundaries.areas,
          regions: boundaries.regions,
          fill: (code) => CHANGE_FILLS[changeKind(data.byCode.get(code))],
          label: data.describe,
          onInfo: info.show,
          onSelect: info.pin,
          select: { role: 'button', hint: 'Select to keep its change in view.' },
          members: Promise.resolve([]),
          memberLabel: words.member,
          // The view opens on the areas that change (all of England when none do).
          fitTo: data.byCode.size > 0 ? new Set(data.byCode.keys()) : null,
          dimOutside: false,
          selected: null,
          reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
        });
        mapEl.setAttribute('data-ready', 'true');
      },
      (error: unknown) => {
        if (!destroyed)
          mapEl.replaceWith(errorPanel(error, 'the map of the changes (the table below lists them)'));
      },
    );
    return () => {
      destroyed = true;
      instance?.destroy();
    };
  };
}

/**
 * Hubs: every area classified against the list before, then, for a list dated between two, against the list after;
 * each with the matches that rest on weak evidence.
 */
function hubPreviewSections(preview: ImportPreview): HTMLElement[] {
  const sections: HTMLElement[] = [];
  const before = preview.compared_with ?? preview.as_at;
  if (preview.hubs && preview.compared_with !== null) {
    const lists = { from: before, to: preview.as_at };
    sections.push(
      h('h4', { class: 'govuk-heading-s' }, `Hub areas against the list of ${formatDate(before)}`),
      hubSummaryNode(preview.hubs, lists, 'preview-hubs-summary'),
      weakMatchesTable(preview.hubs, 'preview-hubs-weak'),
      hubAreasTable(preview.hubs, lists, null, 'preview-hubs-areas'),
    );
  }
  const next = preview.against_next;
  if (next?.hubs && preview.next_list) {
    const lists = { from: preview.as_at, to: preview.next_list };
    sections.push(
      h(
        'h4',
        { class: 'govuk-heading-s' },
        `Hub areas against the later list of ${formatDate(preview.next_list)}`,
      ),
      hubSummaryNode(next.hubs, lists, 'preview-next-summary'),
      weakMatchesTable(next.hubs, 'preview-next-weak'),
      hubAreasTable(next.hubs, lists, null, 'preview-next-areas'),
    );
  }
  return sections;
}

/** What a later list held already means for this one. */
function nextListNote(preview: ImportPreview, words: ChangeWords): HTMLElement | null {
  if (!preview.next_list) return null;
  const next = preview.against_next;
  return insetText(
    `A later list, as at ${formatDate(preview.next_list)}, is already held: from its date the figures are ` +
      'its own, so this list changes them only until then.' +
      (next
        ? ` From this list to that one: ${counted(next.joiners.length, words.member, words.members)} ` +
          `join and ${formatInt(next.leavers.length)} leave.`
        : ''),
    'preview-next-list',
  );
}

/** The preview section of a report; its map is drawn by mount() once the section is in the document. */
export function previewSection(preview: ImportPreview, dryRun: boolean, words: ChangeWords): Rendered {
  const data = previewMapData(preview, words);
  const info = infoPanel(data);
  const title = dryRun ? 'What this list would change' : 'What the import changed';
  const mapEl = h('div', {
    class: 'app-map',
    'data-testid': 'preview-map',
    role: 'region',
    'aria-label': `Map: ${title.toLowerCase()}, by council area. The table of council areas below lists the same.`,
  });
  const legend = legendList(changeLegend(preview, words), 'preview-legend', 'h4');
  const node = h(
    'section',
    { 'data-testid': 'admin-preview', 'aria-labelledby': 'admin-preview-title' },
    h('h3', { class: 'govuk-heading-m', id: 'admin-preview-title' }, title),
    h('p', { class: 'govuk-body', 'data-testid': 'preview-summary' }, previewSummary(preview, dryRun, words)),
    nextListNote(preview, words),
    h('div', { class: 'app-map-layout' }, mapEl, h('div', {}, info.element, legend)),
    ...hubPreviewSections(preview),
    ...previewTables(preview, words),
  );
  return { node, mount: mountPreviewMap(mapEl, data, info, words) };
}
