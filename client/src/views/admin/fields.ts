// The upload form's fields: a labelled input with its hint and its error message, and the admin token, which is
// kept only in this tab's sessionStorage (never in the URL, never in localStorage).
import { h, uid } from '../../dom.js';

export interface Field {
  group: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
}

const TOKEN_KEY = 'registry-admin-token';

export function storedToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function keepToken(token: string): void {
  try {
    if (token === '') window.sessionStorage.removeItem(TOKEN_KEY);
    else window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // storage is off: the token lives only in the field
  }
}

export function field(
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

export function setFieldError(f: Field, message: string | null): void {
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

/** A GOV.UK error summary, announced when shown; its heading takes focus. */
export function problemSummary(testid: string, body: Node): HTMLElement {
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
