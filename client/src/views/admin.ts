// Admin: upload a list, see the dry run's report (counts, every bad value) and the preview of what it changes
// (joiners, leavers, group moves, a map of council areas gaining or losing coverage), then confirm.
// The token is kept only in this tab's sessionStorage: never in the URL, never in localStorage.
import type { ImportKind } from '../../../server/importer/kinds.js';
import { UploadError, uploadImport, type Network, type UploadAnswer, type UploadFieldError } from '../api.js';
import { plural, type Rendered, type View } from '../context.js';
import { h, uid } from '../dom.js';
import { formatDate, formatInt } from '../format.js';
import type { ChangeWords } from '../map/change-scale.js';
import { dataTable, type Column } from '../table.js';
import { previewSection } from './admin-preview.js';

/** Every kind the importer takes, in the order an admin is likeliest to need them. */
const KINDS: Record<ImportKind, string> = {
  'teaching-schools': 'Teaching schools (a full list as at a date)',
  nles: 'National leaders of education (a full list as at a date)',
  hubs: 'Teaching school hubs (a full list as at a date)',
  establishments: 'Establishments (a GIAS extract)',
  milestones: 'Published figures and targets',
  'council-areas': 'Council areas',
  boundaries: 'Boundaries (TopoJSON)',
  'area-aliases': 'Council-area aliases',
  'area-successors': 'Council-area successors',
  metrics: 'Metrics',
  'network-periods': 'Network periods (when each network started and ended)',
  publications: 'Publications (who published a cited source, and when)',
};

const TOKEN_KEY = 'registry-admin-token';

function storedToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function keepToken(token: string): void {
  try {
    if (token === '') window.sessionStorage.removeItem(TOKEN_KEY);
    else window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // storage is off: the token lives only in the field
  }
}

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

interface Field {
  group: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
}

function field(
  label: string,
  hint: string | null,
  input: HTMLInputElement | HTMLSelectElement,
  testid: string,
): Field {
  const id = uid('admin');
  input.id = id;
  input.setAttribute('data-testid', testid);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const error = h('p', { class: 'govuk-error-message', id: errorId, hidden: true });
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const group = h(
    'div',
    { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label govuk-label--s', for: id }, label),
    hint ? h('div', { class: 'govuk-hint', id: hintId }, hint) : null,
    error,
    input,
  );
  return { group, input, error };
}

function setFieldError(f: Field, message: string | null): void {
  f.group.classList.toggle('govuk-form-group--error', message !== null);
  f.error.hidden = message === null;
  f.error.replaceChildren(
    ...(message === null ? [] : [h('span', { class: 'govuk-visually-hidden' }, 'Error: '), message]),
  );
  const errorClass =
    f.input instanceof HTMLSelectElement
      ? 'govuk-select--error'
      : f.input.type === 'file'
        ? 'govuk-file-upload--error'
        : 'govuk-input--error';
  f.input.classList.toggle(errorClass, message !== null);
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

const errorColumns: Column<UploadFieldError>[] = [
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
  const written = r.status === 'dry-run' ? 'Changes it would write' : 'Changes written';
  const node = h(
    'section',
    { 'data-testid': 'admin-report', 'data-status': r.status, 'aria-labelledby': 'admin-report-title' },
    h('h2', { class: 'govuk-heading-m', id: 'admin-report-title', tabindex: -1 }, STATUS_TITLES[r.status]),
    h('p', { class: 'govuk-body', 'data-testid': 'admin-message' }, r.message),
    summaryList([
      ['File', r.file_name],
      ['Kind', r.network && r.network !== r.kind ? `${r.kind} (${r.network})` : r.kind],
      ['As at', r.as_at ? formatDate(r.as_at) : 'not given'],
      ['Rows read', formatInt(r.rows_read)],
      ['Valid rows', formatInt(r.rows_valid)],
      [written, formatInt(r.rows_written)],
      ['Errors', formatInt(r.error_count)],
      [
        'Format',
        [r.format, r.encoding, r.delimiter ? `delimiter ${JSON.stringify(r.delimiter)}` : null]
          .filter(Boolean)
          .join(', ') || 'not detected',
      ],
      ['Ignored columns', r.ignored_columns.length > 0 ? r.ignored_columns.join(', ') : 'none'],
      ['SHA-256', r.sha256],
    ]),
  );
  if (r.errors.length > 0) {
    node.append(
      dataTable({
        caption: `Every error (${formatInt(r.errors.length)})`,
        columns: errorColumns,
        rows: r.errors,
        testid: 'admin-errors',
      }),
    );
  }
  if (r.preview) {
    const preview = previewSection(r.preview, dryRunOf, words);
    node.append(preview.node);
    return { node, mount: preview.mount };
  }
  return { node };
}

function committedPanel(answer: UploadAnswer): HTMLElement {
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

/** A GOV.UK error summary, announced when shown; its heading takes focus. */
function problemSummary(testid: string, body: Node): HTMLElement {
  return h(
    'div',
    { class: 'govuk-error-summary', 'data-testid': testid },
    h(
      'div',
      { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title', tabindex: -1 }, 'There is a problem'),
      h('div', { class: 'govuk-error-summary__body' }, body),
    ),
  );
}

/**
 * A list that drops most of the list in force, or is dated after today, is imported only once the admin ticks that
 * they meant it: the reasons with their numbers, and the box that turns the button on.
 */
function confirmationCheck(
  needed: { code: string; message: string }[],
  button: HTMLButtonElement,
): HTMLElement {
  const id = uid('admin-confirm-check');
  const box = h('input', {
    class: 'govuk-checkboxes__input',
    id,
    type: 'checkbox',
    'data-testid': 'admin-confirm-check',
  });
  const wait = (waiting: boolean): void => {
    button.disabled = waiting;
    button.dataset.awaitsConfirmation = String(waiting);
  };
  wait(true);
  box.addEventListener('change', () => wait(!box.checked));
  return h(
    'div',
    { class: 'govuk-inset-text', 'data-testid': 'admin-needs-confirming' },
    h('h3', { class: 'govuk-heading-s' }, 'Check before you import'),
    h(
      'ul',
      { class: 'govuk-list govuk-list--bullet' },
      ...needed.map((n) => h('li', {}, `${n.message[0]!.toUpperCase()}${n.message.slice(1)}.`)),
    ),
    h(
      'div',
      { class: 'govuk-checkboxes govuk-checkboxes--small' },
      h(
        'div',
        { class: 'govuk-checkboxes__item' },
        box,
        h(
          'label',
          { class: 'govuk-label govuk-checkboxes__label', for: id },
          'I have checked this: import it anyway',
        ),
      ),
    ),
  );
}

interface Pending {
  file: File;
  kind: ImportKind;
  asAt: string | null;
}

export const view: View = async (ctx) => {
  const wordsFor = (report: UploadAnswer['report']): ChangeWords =>
    memberWords(ctx.meta.networks, report.network);
  const file = field(
    'File',
    'A CSV file (or TopoJSON for boundaries). It is checked first; nothing is written until you confirm.',
    h('input', { type: 'file', class: 'govuk-file-upload', name: 'file', accept: '.csv,.tsv,.txt,.json' }),
    'admin-file',
  );
  const kindSelect = h(
    'select',
    { class: 'govuk-select', name: 'kind' },
    h('option', { value: '' }, 'Choose what the file is'),
    ...Object.entries(KINDS).map(([value, label]) => h('option', { value }, label)),
  );
  const kind = field('What the file is', null, kindSelect, 'admin-kind');
  const asAt = field(
    'As-at date (optional)',
    'The date a full list is as at, for a list whose rows carry no dates. For example, 2018-03-12.',
    h('input', { type: 'date', class: 'govuk-input govuk-input--width-10', name: 'as_at' }),
    'admin-as-at',
  );
  const token = field(
    'Admin token',
    'Kept only for this browser tab, and sent only with uploads.',
    h('input', {
      type: 'password',
      class: 'govuk-input govuk-input--width-30',
      name: 'token',
      autocomplete: 'off',
      spellcheck: 'false',
    }),
    'admin-token',
  );
  token.input.value = storedToken();
  token.input.addEventListener('input', () => keepToken(token.input.value.trim()));

  const errorSummary = h('div', { 'data-testid': 'admin-form-errors' });
  const result = h('div', { 'data-testid': 'admin-result', 'aria-live': 'polite' });
  const checkButton = h(
    'button',
    { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', 'data-testid': 'admin-dry-run' },
    'Check the file',
  );
  const forget = h(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-testid': 'admin-forget' },
    'Forget the token',
  );
  forget.addEventListener('click', () => {
    token.input.value = '';
    keepToken('');
    token.input.focus();
  });

  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'admin-form', 'aria-label': 'Upload a file' },
    file.group,
    kind.group,
    asAt.group,
    token.group,
    h('div', { class: 'govuk-button-group' }, checkButton, forget),
  );

  let busy = false;
  const setBusy = (on: boolean): void => {
    busy = on;
    for (const b of form.ownerDocument.querySelectorAll<HTMLButtonElement>('[data-admin-action]'))
      b.disabled = on || b.dataset.awaitsConfirmation === 'true';
    checkButton.disabled = on;
    result.setAttribute('aria-busy', String(on));
  };

  // The shown report's map, if it has one: removed with the report it belongs to.
  let unmount: (() => void) | void = undefined;
  const unmountReport = (): void => {
    unmount?.();
    unmount = undefined;
  };

  /** Shows the answer (or the refusal), draws its map if it has one, and moves focus to its heading. */
  const show = (nodes: HTMLElement[], mount?: Rendered['mount']): void => {
    unmountReport();
    result.replaceChildren(...nodes);
    unmount = mount?.();
    const focus = result.querySelector<HTMLElement>('[tabindex="-1"]');
    focus?.focus();
  };

  const refusal = (error: unknown): HTMLElement[] => {
    const message =
      error instanceof UploadError ? refusalMessage(error) : `The upload failed: ${String(error)}`;
    const panel = problemSummary('admin-refused', h('p', { class: 'govuk-body' }, message));
    if (error instanceof UploadError && error.status === 401) setFieldError(token, 'Enter the admin token');
    if (error instanceof UploadError && error.status === 403 && !/ADMIN_TOKEN is not set/.test(error.message))
      setFieldError(token, 'The token is not the admin token');
    // A rejected commit lists every bad value: from the kept report, or from the error shape.
    if (error instanceof UploadError && error.status === 422) {
      if (error.report) return [panel, reportNode(error.report, false, wordsFor(error.report.report)).node];
      const rows = error.details.map((d) => ({
        row: d.row ?? 0,
        column: d.parameter ?? '',
        value: d.value === undefined ? '' : String(d.value),
        message: d.message,
      }));
      return [
        panel,
        dataTable({ caption: 'Every error', columns: errorColumns, rows, testid: 'admin-errors' }),
      ];
    }
    return [panel];
  };

  const send = async (pending: Pending, dryRun: boolean, confirm: string[] = []): Promise<void> => {
    setBusy(true);
    setFieldError(token, null);
    show([
      h('p', { class: 'govuk-body', role: 'status' }, dryRun ? 'Checking the file…' : 'Importing the file…'),
    ]);
    try {
      const answer = await uploadImport({ ...pending, dryRun, confirm, token: token.input.value.trim() });
      const report = reportNode(answer, dryRun, wordsFor(answer.report));
      const nodes = [report.node];
      if (answer.report.status === 'dry-run' && answer.report.error_count === 0) {
        nodes.push(confirmation(pending, answer));
      }
      if (answer.report.status === 'committed') {
        nodes.unshift(committedPanel(answer), nextSteps(answer));
        await ctx.dataChanged();
      }
      show(nodes, report.mount);
    } catch (error) {
      show(refusal(error));
    } finally {
      setBusy(false);
    }
  };

  const confirmation = (pending: Pending, answer: UploadAnswer): HTMLElement => {
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
      if (!busy && !button.disabled)
        void send(
          pending,
          false,
          needed.map((n) => n.code),
        );
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
  };

  const nextSteps = (answer: UploadAnswer): HTMLElement =>
    h(
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

  // A changed choice makes an earlier report (and its confirm button) stale.
  for (const f of [file, kind, asAt]) {
    f.input.addEventListener('change', () => {
      setFieldError(f, null);
      show([]);
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const chosen = (file.input as HTMLInputElement).files?.[0] ?? null;
    const problems: [Field, string][] = [];
    if (!chosen) problems.push([file, 'Choose a file']);
    if (kind.input.value === '') problems.push([kind, 'Choose what the file is']);
    if (token.input.value.trim() === '') problems.push([token, 'Enter the admin token']);
    for (const f of [file, kind, asAt, token]) setFieldError(f, problems.find(([p]) => p === f)?.[1] ?? null);
    if (problems.length > 0) {
      const summary = problemSummary(
        'admin-form-problems',
        h(
          'ul',
          { class: 'govuk-list govuk-error-summary__list' },
          ...problems.map(([f, message]) => {
            const a = h('a', { href: `#${f.input.id}` }, message);
            a.addEventListener('click', (e) => {
              e.preventDefault();
              f.input.focus();
            });
            return h('li', {}, a);
          }),
        ),
      );
      errorSummary.replaceChildren(summary);
      summary.querySelector<HTMLElement>('h2')?.focus();
      return;
    }
    errorSummary.replaceChildren();
    const asAtValue = asAt.input.value.trim();
    void send({ file: chosen!, kind: kind.input.value as ImportKind, asAt: asAtValue || null }, true);
  });

  const node = h(
    'div',
    {},
    h('h1', { class: 'govuk-heading-l' }, 'Admin: import a file'),
    h(
      'p',
      { class: 'govuk-body' },
      'Upload a new or corrected list. The file is checked first and you see what it would change: every ' +
        'error with its row, column and value and, for a member list, who joins, leaves and moves group and ' +
        'which council areas gain or lose coverage, on a map and in tables. Nothing is written until you ' +
        'confirm, and then all of the file is written in one step, or none of it.',
    ),
    errorSummary,
    form,
    result,
  );
  return { node, mount: () => unmountReport };
};
