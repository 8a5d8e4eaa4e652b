// Data & sources: every import with file, checksum and date; the sources; the licence and attribution.
import { api, type ImportRecord, type Sources } from '../api.js';
import type { View } from '../context.js';
import { h } from '../dom.js';
import { OGL_ATTRIBUTION, OGL_LICENCE } from '../licence.js';
import { describeVersion, formatDate, formatInt } from '../format.js';
import { errorPanel } from '../messages.js';
import { dataTable, type Column } from '../table.js';

export const view: View = async (ctx) => {
  const [imports, sources] = await Promise.allSettled([api.imports(), api.sources()]);
  const columns: Column<ImportRecord>[] = [
    {
      key: 'file_name',
      label: 'File and SHA-256 checksum',
      value: (i) => i.file_name,
      cell: (i) => h('span', {}, i.file_name, h('br', {}), h('span', { class: 'app-checksum' }, i.sha256)),
    },
    { key: 'kind', label: 'Kind', value: (i) => (i.network_id ? `${i.kind} (${i.network_id})` : i.kind) },
    {
      key: 'as_at',
      label: 'As at',
      value: (i) => i.as_at,
      cell: (i) => (i.as_at ? formatDate(i.as_at) : ''),
    },
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
  type Publication = Sources['publications'][number];
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
    { key: 'figures', label: 'Figures cited', numeric: true, value: (p) => p.figures },
    { key: 'published', label: 'Published', value: (p) => p.published },
  ];
  const licence = sources.status === 'fulfilled' ? sources.value.licence : OGL_LICENCE;
  const node = h(
    'div',
    {},
    h('h1', { class: 'govuk-heading-l' }, 'Data and sources'),
    h(
      'p',
      { class: 'govuk-body' },
      `Every figure on this site is computed from the files below. Data version: ${describeVersion(ctx.meta.dataVersion)}. `,
      h('a', { class: 'govuk-link', href: '/api/docs' }, 'API documentation'),
      ' (the same figures as JSON and CSV).',
    ),
    h('h2', { class: 'govuk-heading-m' }, 'Imports'),
    imports.status === 'fulfilled'
      ? dataTable({
          caption: 'Every import, newest first',
          columns,
          rows: imports.value.rows,
          testid: 'imports-table',
          empty: 'Nothing has been imported.',
        })
      : errorPanel(imports.reason),
    h('h2', { class: 'govuk-heading-m' }, 'Publications cited'),
    sources.status === 'fulfilled'
      ? dataTable({
          caption: 'Publications the published figures and targets come from',
          columns: publicationColumns,
          rows: sources.value.publications,
          testid: 'sources-table',
          empty: 'No publications are cited.',
        })
      : errorPanel(sources.reason),
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
