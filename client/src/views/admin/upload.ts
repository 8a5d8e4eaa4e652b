// Sending a file: a dry run first, then, once confirmed, the commit. The answer (or the refusal) is shown in the
// result area, its map drawn, and focus moved to its heading.
import { UploadError, uploadImport, type UploadAnswer } from '../../api.js';
import type { Rendered, ViewContext } from '../../context.js';
import { h } from '../../dom.js';
import { dataTable } from '../../table.js';
import { problemSummary, setFieldError } from './fields.js';
import type { Pending, UploadForm } from './form.js';
import {
  committedPanel,
  confirmation,
  errorColumns,
  memberWords,
  nextSteps,
  refusalMessage,
  reportNode,
} from './report.js';

/** What a refusal shows: the message, and every bad value of a rejected file. */
function refusal(ctx: ViewContext, form: UploadForm, error: unknown): HTMLElement[] {
  const message =
    error instanceof UploadError ? refusalMessage(error) : `The upload failed: ${String(error)}`;
  const panel = problemSummary('admin-refused', h('p', { class: 'govuk-body' }, message));
  if (!(error instanceof UploadError)) return [panel];
  if (error.status === 401) setFieldError(form.token, 'Enter the admin token');
  if (error.status === 403 && !/ADMIN_TOKEN is not set/.test(error.message)) {
    setFieldError(form.token, 'The token is not the admin token');
  }
  if (error.status !== 422) return [panel];
  // A rejected commit lists every bad value: from the kept report, or from the error shape.
  if (error.report) {
    return [
      panel,
      reportNode(error.report, false, memberWords(ctx.meta.networks, error.report.report.network)).node,
    ];
  }
  const rows = error.details.map((d) => ({
    row: d.row ?? 0,
    column: d.parameter ?? '',
    value: d.value === undefined ? '' : String(d.value),
    message: d.message,
  }));
  return [panel, dataTable({ caption: 'Every error', columns: errorColumns, rows, testid: 'admin-errors' })];
}

export interface Uploader {
  /** Sends the file as a dry run (or, once confirmed, for real, with what the admin confirmed). */
  send(pending: Pending, dryRun: boolean, confirm?: string[]): Promise<void>;
  /** Clears a shown report (its choices changed, so its confirm button is stale). */
  clear(): void;
  busy(): boolean;
}

export function uploader(ctx: ViewContext, form: UploadForm, result: HTMLElement): Uploader {
  let busy = false;
  // The shown report's map, if it has one: removed with the report it belongs to.
  let unmount: (() => void) | void = undefined;
  const setBusy = (on: boolean): void => {
    busy = on;
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-admin-action]'))
      b.disabled = on || b.dataset.awaitsConfirmation === 'true';
    form.checkButton.disabled = on;
    result.setAttribute('aria-busy', String(on));
  };
  const show = (nodes: HTMLElement[], mount?: Rendered['mount']): void => {
    unmount?.();
    result.replaceChildren(...nodes);
    unmount = mount?.();
    result.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  };
  const answered = async (pending: Pending, answer: UploadAnswer, dryRun: boolean): Promise<void> => {
    const report = reportNode(answer, dryRun, memberWords(ctx.meta.networks, answer.report.network));
    const nodes = [report.node];
    if (answer.report.status === 'dry-run' && answer.report.error_count === 0) {
      nodes.push(confirmation(answer, (confirm) => void (busy || self.send(pending, false, confirm))));
    }
    if (answer.report.status === 'committed') {
      nodes.unshift(committedPanel(answer), nextSteps(answer));
      await ctx.dataChanged();
    }
    show(nodes, report.mount);
  };
  const self: Uploader = {
    async send(pending, dryRun, confirm = []) {
      setBusy(true);
      setFieldError(form.token, null);
      show([
        h(
          'p',
          { class: 'govuk-body', role: 'status' },
          dryRun ? 'Checking the file…' : 'Importing the file…',
        ),
      ]);
      try {
        await answered(
          pending,
          await uploadImport({ ...pending, dryRun, confirm, token: form.token.input.value.trim() }),
          dryRun,
        );
      } catch (error) {
        show(refusal(ctx, form, error));
      } finally {
        setBusy(false);
      }
    },
    clear: () => show([]),
    busy: () => busy,
  };
  return self;
}
