// Data & sources: the publications the figures come from (publisher, date published, address, their words), the
// definitions of what the figures count, every import with file, checksum and date, and the licence.
import { api, type ImportRecord, type Sources } from '../api.js';
import type { View } from '../context.js';
import { h } from '../dom.js';
import { OGL_ATTRIBUTION, OGL_LICENCE } from '../licence.js';
import { describeVersion, formatDate, formatInt } from '../format.js';
import { errorPanel } from '../messages.js';
import { publicationWords } from '../published.js';
import { dataTable, type Column } from '../table.js';

type Publication = Sources['publications'][number];

const importColumns: Column<ImportRecord>[] = [
  {
    key: 'file_name',
    label: 'File and SHA-256 checksum',
    value: (i) => i.file_name,
    cell: (i) => h('span', {}, i.file_name, h('br', {}), h('span', { class: 'app-checksum' }, i.sha256)),
  },
  { key: 'kind', label: 'Kind', value: (i) => (i.network_id ? `${i.kind} (${i.network_id})` : i.kind) },
  { key: 'as_at', label: 'As at', value: (i) => i.as_at, cell: (i) => (i.as_at ? formatDate(i.as_at) : '') },
  {
    key: 'rows',
    label: 'Rows written',
    numeric: true,
    value: (i) => i.rows_written,
    cell: (i) => formatInt(i.rows_written),
  },
  {
    key: 'finished_at',
    label: 'Imported',
    value: (i) => i.finished_at,
    cell: (i) => formatDate(i.finished_at.slice(0, 10)),
  },
  { key: 'outcome', label: 'Outcome', value: (i) => i.outcome },
];

function uses(p: Publication): string {
  const parts = [
    p.figures > 0 ? `${formatInt(p.figures)} figure${p.figures === 1 ? '' : 's'}` : null,
    p.targets > 0 ? `${formatInt(p.targets)} target${p.targets === 1 ? '' : 's'}` : null,
    p.periods > 0 ? `when a network started or ended` : null,
  ];
  return parts.filter(Boolean).join('; ');
}

const publicationColumns: Column<Publication>[] = [
  {
    key: 'source_title',
    label: 'Publication',
    value: (p) => p.source_title,
    cell: (p) =>
      p.source_url
        ? h('a', { class: 'govuk-link', href: p.source_url, rel: 'noopener' }, p.source_title)
        : p.source_title,
  },
  { key: 'published', label: 'Published by, on', value: (p) => publicationWords(p) },
  {
    key: 'kind',
    label: 'Primary or secondary',
    value: (p) => p.kind,
    cell: (p) =>
      p.kind === 'primary'
        ? 'primary (the body that made the figures)'
        : 'secondary (reported by someone else)',
  },
  {
    key: 'quote',
    label: 'In its words',
    value: (p) => p.source_quote,
    cell: (p) => (p.source_quote ? `"${p.source_quote}"` : ''),
  },
  { key: 'uses', label: 'Cited for', value: uses },
];

function definitions(sources: Sources): HTMLElement {
  return h(
    'dl',
    { class: 'govuk-summary-list', 'data-testid': 'definitions' },
    ...sources.definitions.map((d) =>
      h(
        'div',
        { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, d.term.charAt(0).toUpperCase() + d.term.slice(1)),
        h('dd', { class: 'govuk-summary-list__value' }, d.definition),
      ),
    ),
  );
}

export const view: View = async (ctx) => {
  const [imports, sources] = await Promise.allSettled([api.imports(), api.sources()]);
  const licence = sources.status === 'fulfilled' ? sources.value.licence : OGL_LICENCE;
  const node = h(
    'div',
    {},
    h('h1', { class: 'govuk-heading-l' }, 'Data and sources'),
    h(
      'p',
      { class: 'govuk-body' },
      `Counts by council area are computed from the files imported below; national figures are quoted from the ` +
        `publications listed, each as published. Data version: ${describeVersion(ctx.meta.dataVersion)}. `,
      h('a', { class: 'govuk-link', href: '/api/docs' }, 'API documentation'),
      ' (the same figures as JSON and CSV).',
    ),
    h('h2', { class: 'govuk-heading-m' }, 'Publications'),
    h(
      'p',
      { class: 'govuk-body' },
      'When each was published is not the date its figures refer to, nor a target\u2019s deadline. The ' +
        'project\u2019s own counts of imported lists are not publications: they are in the imports below.',
    ),
    sources.status === 'fulfilled'
      ? dataTable({
          caption: 'Publications the figures, targets and network periods are taken from, newest first',
          columns: publicationColumns,
          rows: sources.value.publications,
          testid: 'sources-table',
          empty: 'No publications are cited.',
        })
      : errorPanel(sources.reason),
    h('h2', { class: 'govuk-heading-m' }, 'What the figures count'),
    sources.status === 'fulfilled' ? definitions(sources.value) : null,
    h('h2', { class: 'govuk-heading-m' }, 'Imports'),
    imports.status === 'fulfilled'
      ? dataTable({
          caption: 'Every import, newest first',
          columns: importColumns,
          rows: imports.value.rows,
          testid: 'imports-table',
          empty: 'Nothing has been imported.',
        })
      : errorPanel(imports.reason),
    h('h2', { class: 'govuk-heading-m' }, 'Licence'),
    h('p', { class: 'govuk-body', 'data-testid': 'sources-attribution' }, OGL_ATTRIBUTION.join(' ')),
    h(
      'p',
      { class: 'govuk-body' },
      h('a', { class: 'govuk-link', href: licence.url, rel: 'license' }, licence.name),
    ),
  );
  return { node };
};
