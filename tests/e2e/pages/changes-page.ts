import { DashboardPage } from './dashboard-page.js';

/** The Changes view: two lists compared, or, with fewer than two lists, the published totals between two dates. */
export class ChangesPage extends DashboardPage {
  async openChanges(query = ''): Promise<void> {
    await this.open(`view=changes${query ? `&${query}` : ''}`);
  }

  get hubSummary() {
    return this.byTestId('hub-changes-summary');
  }

  get totalsSummary() {
    return this.byTestId('totals-summary');
  }

  get none() {
    return this.byTestId('changes-none');
  }

  /** Narrows the table of hub areas to a class (or 'renamed', 'weak'). */
  async show(filter: string): Promise<void> {
    await this.byTestId('hub-filter').selectOption(filter);
    await this.page.waitForURL((url) => url.searchParams.get('tab') === filter);
    await this.settled();
  }
}
