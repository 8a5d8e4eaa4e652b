import { DashboardPage } from './dashboard-page.js';

export class RegistryPage extends DashboardPage {
  get table() {
    return this.byTestId('registry-table');
  }

  get count() {
    return this.byTestId('registry-count');
  }

  async search(text: string): Promise<void> {
    await this.byTestId('search-input').fill(text);
    await this.byTestId('search-input').press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
    await this.settled();
  }
}
