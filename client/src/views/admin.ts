// Admin: upload a list, see the dry run's report (counts, every bad value) and the preview of what it changes
// (joiners, leavers, group moves, a map of council areas gaining or losing coverage), then confirm. The parts are
// in admin/: the form and its fields, the upload, the report.
import type { View } from '../context.js';
import { h } from '../dom.js';
import { setFieldError } from './admin/fields.js';
import { pendingOf, uploadForm } from './admin/form.js';
import { uploader } from './admin/upload.js';

export { memberWords, refusalMessage, reportNode } from './admin/report.js';

const INTRO =
  'Upload a new or corrected list. The file is checked first and you see what it would change: every error with ' +
  'its row, column and value and, for a member list, who joins, leaves and moves group and which council areas ' +
  'gain or lose coverage, on a map and in tables. Nothing is written until you confirm, and then all of the file ' +
  'is written in one step, or none of it.';

export const view: View = async (ctx) => {
  const form = uploadForm();
  const result = h('div', { 'data-testid': 'admin-result', 'aria-live': 'polite' });
  const upload = uploader(ctx, form, result);
  // A changed choice makes an earlier report (and its confirm button) stale.
  for (const f of [form.file, form.kind, form.asAt]) {
    f.input.addEventListener('change', () => {
      setFieldError(f, null);
      upload.clear();
    });
  }
  form.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (upload.busy()) return;
    const pending = pendingOf(form);
    if (pending) void upload.send(pending, true);
  });
  const node = h(
    'div',
    {},
    h('h1', { class: 'govuk-heading-l' }, 'Admin: import a file'),
    h('p', { class: 'govuk-body' }, INTRO),
    form.errorSummary,
    form.form,
    result,
  );
  return { node };
};
