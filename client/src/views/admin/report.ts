// The report of one upload: what happened, the counts, every error, and for a network list the preview of what it
// changes; and what the admin is told when the server refuses a file.
import { UploadError, type Network, type UploadAnswer, type UploadFieldError } from '../../api.js';
import { plural, type Rendered } from '../../context.js';
import { h } from '../../dom.js';
import { formatDate, formatInt } from '../../format.js';
import type { ChangeWords } from '../../map/change-scale.js';
import { dataTable, type Column } from '../../table.js';
import { previewSection } from './preview.js';
import { confirmationCheck } from './confirm-check.js';

/** What the admin is told for each refusal; the server's own message follows where it adds something. */
export function refusalMessage(error: UploadError): string {
  switch (error.status) {
    case 401:
      return 'The server needs the admin token to accept a file. Enter the token and try again.';
    case 403:
      return /ADMIN_TOKEN is not set/.test(error.message)
        ? 'Uploads are turned off on this server: it was started without an ADMIN_TOKEN. Reading is not affected.'
        : 'The token is not the admin token. Check it and try again. Nothing was imported.';
    case 409:
      return `Another import is running, so this one was not started. Wait for it to finish, then try again. (${error.message})`;
    case 413:
      return `The file is larger than this server accepts: ${error.message}. Nothing was imported.`;
    case 422:
      return `The file was rejected and nothing was written: ${error.message}`;
    case 429:
      return 'Too many uploads in a short time. Wait a minute, then try again.';
    default:
      return error.status === 0 ? error.message : `The upload failed: ${error.message}`;
  }
}

const STATUS_TITLES: Record<UploadAnswer['report']['status'], string> = {
  'dry-run': 'Dry run: nothing was written',
  rejected: 'The file has errors: nothing was written',
  unchanged: 'Already imported: nothing changed',
  committed: 'Imported',
};

function summaryList(rows: [string, string][]): HTMLElement {
  return h(
    'dl',
    { class: 'govuk-summary-list', 'data-testid': 'admin-summary' },
    ...rows.map(([key, value]) =>
      h(
        'div',
        { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, key),
        h('dd', { class: 'govuk-summary-list__value' }, value),
      ),
    ),
  );
}

export const errorColumns: Column<UploadFieldError>[] = [
  {
    key: 'row',
    label: 'Row',
    numeric: true,
    value: (e) => e.row,
    cell: (e) => (e.row > 0 ? formatInt(e.row) : 'whole file'),
  },
  { key: 'column', label: 'Column', value: (e) => e.column },
  { key: 'value', label: 'Value', value: (e) => e.value },
  { key: 'message', label: 'Problem', value: (e) => e.message },
];

/** What a network's members are called, for the preview's words. */
export function memberWords(networks: Network[], id: string | null): ChangeWords {
  const member = networks.find((n) => n.id === id)?.member_label ?? 'member';
  return { member, members: plural(member) };
}

function facts(r: UploadAnswer['report']): [string, string][] {
  const format = [r.format, r.encoding, r.delimiter ? `delimiter ${JSON.stringify(r.delimiter)}` : null];
  return [
    ['File', r.file_name],
    ['Kind', r.network && r.network !== r.kind ? `${r.kind} (${r.network})` : r.kind],
    ['As at', r.as_at ? formatDate(r.as_at) : 'not given'],
    ['Rows read', formatInt(r.rows_read)],
    ['Valid rows', formatInt(r.rows_valid)],
    [r.status === 'dry-run' ? 'Changes it would write' : 'Changes written', formatInt(r.rows_written)],
    ['Errors', formatInt(r.error_count)],
    ['Format', format.filter(Boolean).join(', ') || 'not detected'],
    // What reading changed without refusing the file (C1 characters read as Windows-1252), with the lines.
    ...(r.warnings && r.warnings.length > 0
      ? [['Read with changes', r.warnings.join(' ')] as [string, string]]
      : []),
    ['Ignored columns', r.ignored_columns.length > 0 ? r.ignored_columns.join(', ') : 'none'],
    ['SHA-256', r.sha256],
  ];
}

/**
 * The report of one upload: what happened, the counts, every error, and for a network list the preview of what it
 * changes, whose map mount() draws once the report is in the document.
 */
export function reportNode(
  answer: UploadAnswer,
  dryRunOf: boolean,
  words: ChangeWords = memberWords([], null),
): Rendered {
  const r = answer.report;
  const node = h(
    'section',
    { 'data-testid': 'admin-report', 'data-status': r.status, 'aria-labelledby': 'admin-report-title' },
    h('h2', { class: 'govuk-heading-m', id: 'admin-report-title', tabindex: -1 }, STATUS_TITLES[r.status]),
    h('p', { class: 'govuk-body', 'data-testid': 'admin-message' }, r.message),
    summaryList(facts(r)),
  );
  if (r.errors.length > 0) {
    // The report keeps the first 1,000 errors and counts the rest: 'every' would hide that more are wrong.
    const caption =
      r.error_count > r.errors.length
        ? `The first ${formatInt(r.errors.length)} of ${formatInt(r.error_count)} errors`
        : `Every error (${formatInt(r.errors.length)})`;
    node.append(dataTable({ caption, columns: errorColumns, rows: r.errors, testid: 'admin-errors' }));
  }
  if (!r.preview) return { node };
  const preview = previewSection(r.preview, dryRunOf, words);
  node.append(preview.node);
  return { node, mount: preview.mount };
}

export function committedPanel(answer: UploadAnswer): HTMLElement {
  const r = answer.report;
  return h(
    'div',
    { class: 'govuk-panel govuk-panel--confirmation', 'data-testid': 'admin-committed' },
    h('h2', { class: 'govuk-panel__title', tabindex: -1 }, `Imported as import #${r.import_id ?? '?'}`),
    h(
      'div',
      { class: 'govuk-panel__body' },
      `${formatInt(r.rows_read)} rows read, ${formatInt(r.rows_written)} written.`,
    ),
  );
}

/** After an import: where to see it. */
export function nextSteps(answer: UploadAnswer): HTMLElement {
  return h(
    'p',
    { class: 'govuk-body' },
    h(
      'a',
      { class: 'govuk-link', href: '?view=sources', 'data-testid': 'admin-sources-link' },
      'See it in Data & sources',
    ),
    answer.id === null
      ? null
      : h(
          'span',
          {},
          ' or ',
          h(
            'a',
            { class: 'govuk-link', href: `/api/v1/imports/${answer.id}` },
            `the kept report #${answer.id}`,
          ),
        ),
    '.',
  );
}

/**
 * The warning before a commit, with the button that commits (with what the admin confirmed, where the list needs
 * it: the button waits for the box to be ticked).
 */
export function confirmation(answer: UploadAnswer, commit: (confirm: string[]) => void): HTMLElement {
  const r = answer.report;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'govuk-button govuk-button--warning',
      'data-testid': 'admin-commit',
      'data-admin-action': true,
    },
    'Import this file',
  );
  const needed = r.confirmations ?? [];
  const check = needed.length > 0 ? confirmationCheck(needed, button) : null;
  button.addEventListener('click', () => {
    if (!button.disabled) commit(needed.map((n) => n.code));
  });
  return h(
    'div',
    { 'data-testid': 'admin-confirm' },
    check,
    h(
      'div',
      { class: 'govuk-warning-text' },
      h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      h(
        'strong',
        { class: 'govuk-warning-text__text' },
        h('span', { class: 'govuk-visually-hidden' }, 'Warning'),
        `Importing writes ${formatInt(r.rows_written)} changes in one step` +
          (r.network && r.as_at ? `, replacing any ${r.network} list as at ${formatDate(r.as_at)}` : '') +
          '. Everyone sees the new figures straight away.',
      ),
    ),
    button,
  );
}
