// The upload form: the file, what it is, its as-at date and the admin token; what is missing is said in an error
// summary whose links move focus to the field.
import type { ImportKind } from '../../../../server/importer/kinds.js';
import { h } from '../../dom.js';
import { field, keepToken, problemSummary, setFieldError, storedToken, type Field } from './fields.js';

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
  register: 'GIAS register of a date (names, phase, status, council area)',
  publications: 'Publications (who published a cited source, and when)',
};

export interface UploadForm {
  form: HTMLFormElement;
  file: Field;
  kind: Field;
  asAt: Field;
  token: Field;
  errorSummary: HTMLElement;
  checkButton: HTMLButtonElement;
}

/** What the form asks for, once the admin has said it: the file, its kind and date. */
export interface Pending {
  file: File;
  kind: ImportKind;
  asAt: string | null;
}

function fields(): Pick<UploadForm, 'file' | 'kind' | 'asAt' | 'token'> {
  const kindSelect = h(
    'select',
    { class: 'govuk-select', name: 'kind' },
    h('option', { value: '' }, 'Choose what the file is'),
    ...Object.entries(KINDS).map(([value, label]) => h('option', { value }, label)),
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
  return {
    file: field(
      'File',
      'A CSV file (or TopoJSON for boundaries). It is checked first; nothing is written until you confirm.',
      h('input', { type: 'file', class: 'govuk-file-upload', name: 'file', accept: '.csv,.tsv,.txt,.json' }),
      'admin-file',
    ),
    kind: field('What the file is', null, kindSelect, 'admin-kind'),
    asAt: field(
      'As-at date (optional)',
      'The date a full list is as at, for a list whose rows carry no dates. For example, 2018-03-12.',
      h('input', { type: 'date', class: 'govuk-input govuk-input--width-10', name: 'as_at' }),
      'admin-as-at',
    ),
    token,
  };
}

export function uploadForm(): UploadForm {
  const f = fields();
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
    f.token.input.value = '';
    keepToken('');
    f.token.input.focus();
  });
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'admin-form', 'aria-label': 'Upload a file' },
    f.file.group,
    f.kind.group,
    f.asAt.group,
    f.token.group,
    h('div', { class: 'govuk-button-group' }, checkButton, forget),
  );
  return { ...f, form, checkButton, errorSummary: h('div', { 'data-testid': 'admin-form-errors' }) };
}

/** The form's answers, or null after saying (beside each field and in the summary) what is missing. */
export function pendingOf(f: UploadForm): Pending | null {
  const chosen = (f.file.input as HTMLInputElement).files?.[0] ?? null;
  const problems: [Field, string][] = [];
  if (!chosen) problems.push([f.file, 'Choose a file']);
  if (f.kind.input.value === '') problems.push([f.kind, 'Choose what the file is']);
  if (f.token.input.value.trim() === '') problems.push([f.token, 'Enter the admin token']);
  for (const each of [f.file, f.kind, f.asAt, f.token]) {
    setFieldError(each, problems.find(([p]) => p === each)?.[1] ?? null);
  }
  if (problems.length === 0) {
    f.errorSummary.replaceChildren();
    return { file: chosen!, kind: f.kind.input.value as ImportKind, asAt: f.asAt.input.value.trim() || null };
  }
  const links = problems.map(([each, message]) => {
    const a = h('a', { href: `#${each.input.id}` }, message);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      each.input.focus();
    });
    return h('li', {}, a);
  });
  const summary = problemSummary(
    'admin-form-problems',
    h('ul', { class: 'govuk-list govuk-error-summary__list' }, ...links),
  );
  f.errorSummary.replaceChildren(summary);
  summary.querySelector<HTMLElement>('h2')?.focus();
  return null;
}
