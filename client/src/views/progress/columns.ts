// The columns the progress view's tables share: a figure's date as published, the figure with its qualifier, what
// the qualifier allows, and its source with its publisher and date of publication.
import type { Progress } from '../../api.js';
import { markerFor } from '../../charts/marks/markers.js';
import { h } from '../../dom.js';
import { formatDate, formatInt } from '../../format.js';
import { boundsWords, figureWords, publicationWords } from '../../published.js';
import type { Column } from '../../table.js';

type Sourced = Pick<Progress['series'][number], 'source' | 'source_title' | 'source_url' | 'publication'>;
type Dated = { date: string; precision: 'day' | 'month' | 'year' };
type Valued = { qualifier: string; low: number | null; high: number | null; source: string };

export function sourceCell(p: Sourced): Node | string {
  const title =
    p.source === 'snapshot' ? `${p.source_title} (the project\u2019s count of it)` : p.source_title;
  return p.source_url ? h('a', { class: 'govuk-link', href: p.source_url, rel: 'noopener' }, title) : title;
}

export function dateColumns<T extends Dated>(): Column<T>[] {
  return [
    { key: 'date', label: 'Date', value: (p) => p.date, cell: (p) => formatDate(p.date, p.precision) },
    { key: 'precision', label: 'Dated to the', value: (p) => p.precision },
  ];
}

/** The figure (numeric in the CSV), its qualifier and what it allows; `formatOf` says how a row's values read. */
export function figureColumns<T extends Valued>(
  label: string,
  value: (p: T) => number,
  formatOf: (p: T) => (n: number) => string = () => formatInt,
): Column<T>[] {
  return [
    {
      key: 'value',
      label,
      numeric: true,
      value,
      cell: (p) => figureWords(value(p), p.qualifier, formatOf(p)),
    },
    {
      key: 'qualifier',
      label: 'Qualifier',
      value: (p) => p.qualifier,
      cell: (p) => `${p.qualifier} (${markerFor(p).label})`,
    },
    { key: 'allows', label: 'Values it allows', value: (p) => boundsWords(p.low, p.high, formatOf(p)) },
  ];
}

export function sourceColumns<T extends Sourced>(): Column<T>[] {
  return [
    { key: 'source', label: 'Source', value: (p) => p.source_title, cell: sourceCell },
    {
      key: 'published',
      label: 'Published by, on',
      value: (p) => (p.source === 'snapshot' ? 'imported list' : publicationWords(p.publication)),
    },
    { key: 'source_url', label: 'Source URL', value: (p) => p.source_url, cell: (p) => p.source_url ?? '' },
  ];
}

/** The columns of a table on the page: the URL is in the CSV only (the source cell links to it). */
export const onPage = <T>(columns: Column<T>[]) => columns.filter((c) => c.key !== 'source_url');
