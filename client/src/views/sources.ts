// Data & sources: every import with file, checksum and date; the sources; the licence and attribution.
import { api, type ImportRecord } from '../api.js';
import type { View } from '../context.js';
import { h } from '../dom.js';
import { OGL_ATTRIBUTION } from '../download.js';
import { formatDate, formatInt } from '../format.js';
import { errorPanel } from '../messages.js';
import { dataTable, type Column } from '../table.js';

export const view: View = async (ctx) => {
  const [imports, sources] = await Promise.allSettled([api.imports(), api.sources()]);
  const columns: Column<ImportRecord>[] = [
    { key: 'file_name', label: 'File', value: (i) => i.file_name },
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
      key: 'sha256',
      label: 'SHA-256 checksum',
      value: (i) => i.sha256,
      cell: (i) => h('span', { class: 'app-checksum' }, i.sha256),
    },
    {
      key: 'finished_at',
      label: 'Imported',
      value: (i) => i.finished_at,
      cell: (i) => formatDate(i.finished_at.slice(0, 10)),
    },
    { key: 'outcome', label: 'Outcome', value: (i) => i.outcome },
  ];
  const node = h(
    'div',
    {},
    h('h1', { class: 'govuk-heading-l' }, 'Data and sources'),
    h(
      'p',
      { class: 'govuk-body' },
      `Every figure on this site is computed from the files below. Data version: ${ctx.meta.dataVersion ?? 'unknown'}. `,
      h('a', { class: 'govuk-link', href: '/api/docs' }, 'API documentation'),
      ' (the same figures as JSON and CSV).',
    ),
    h('h2', { class: 'govuk-heading-m' }, 'Imports'),
    imports.status === 'fulfilled'
      ? dataTable({
          caption: 'Every import, newest last',
          columns,
          rows: imports.value.rows,
          testid: 'imports-table',
          empty: 'Nothing has been imported.',
        })
      : errorPanel(imports.reason),
    h('h2', { class: 'govuk-heading-m' }, 'Sources'),
    sources.status === 'fulfilled'
      ? h(
          'ul',
          { class: 'govuk-list govuk-list--bullet', 'data-testid': 'sources-list' },
          ...sources.value.sources.map((s) =>
            h(
              'li',
              {},
              s.url ? h('a', { class: 'govuk-link', href: s.url, rel: 'noopener' }, s.title) : s.title,
              s.licence ? ` (${s.licence})` : '',
            ),
          ),
        )
      : errorPanel(sources.reason),
    h('h2', { class: 'govuk-heading-m' }, 'Licence'),
    sources.status === 'fulfilled' && sources.value.licence
      ? h('p', { class: 'govuk-body' }, sources.value.licence)
      : null,
    h('p', { class: 'govuk-body', 'data-testid': 'sources-attribution' }, OGL_ATTRIBUTION.join(' ')),
    h(
      'p',
      { class: 'govuk-body' },
      h(
        'a',
        {
          class: 'govuk-link',
          href: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
          rel: 'license',
        },
        'Open Government Licence v3.0',
      ),
    ),
  );
  return { node };
};
