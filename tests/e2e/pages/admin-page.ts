import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { DashboardPage } from './dashboard-page.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** The Admin view: choose a file and kind, enter the token, check, then confirm. */
export class AdminPage extends DashboardPage {
  async openAdmin(): Promise<void> {
    await this.open('view=admin');
    await this.byTestId('admin-form').waitFor();
  }

  get report() {
    return this.byTestId('admin-report');
  }

  get errors() {
    return this.byTestId('admin-errors');
  }

  get refused() {
    return this.byTestId('admin-refused');
  }

  get tokenInput() {
    return this.byTestId('admin-token');
  }

  get preview() {
    return this.byTestId('admin-preview');
  }

  /** Waits until the preview's map has drawn its area paths. */
  async previewMapReady(): Promise<Locator> {
    const map = this.page.locator('[data-testid=preview-map][data-ready=true]');
    await map.waitFor();
    return map;
  }

  /** One council area's path on the preview map. */
  area(laCode: string): Locator {
    return this.page.locator(`[data-testid=preview-map] [data-testid=area-${laCode}]`);
  }

  /** Fills the form; `file` is a path under tests/fixtures, or a file made by the test. */
  async fill(options: {
    file: string | { name: string; mimeType: string; buffer: Buffer };
    kind: string;
    asAt?: string;
    token?: string;
  }): Promise<void> {
    const file = typeof options.file === 'string' ? join(FIXTURES, options.file) : options.file;
    await this.byTestId('admin-file').setInputFiles(file);
    await this.byTestId('admin-kind').selectOption(options.kind);
    if (options.asAt) await this.byTestId('admin-as-at').fill(options.asAt);
    if (options.token !== undefined) await this.tokenInput.fill(options.token);
  }

  /** Runs the dry run and waits for its report or its refusal. */
  async dryRun(): Promise<void> {
    await this.byTestId('admin-dry-run').click();
    await this.page.locator('[data-testid=admin-result][aria-busy=false]').waitFor();
  }

  async commit(): Promise<void> {
    await this.byTestId('admin-commit').click();
    await this.page.locator('[data-testid=admin-result][aria-busy=false]').waitFor();
  }
}
