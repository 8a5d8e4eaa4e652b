import { DashboardPage } from './dashboard-page.js';

export class OverviewPage extends DashboardPage {
  async openOverview(query = ''): Promise<void> {
    await this.open(query);
    await this.byTestId('headline-members').waitFor();
  }

  get members() {
    return this.byTestId('headline-members');
  }

  get groups() {
    return this.byTestId('headline-groups');
  }

  get coverage() {
    return this.byTestId('headline-coverage');
  }

  get published() {
    return this.byTestId('headline-published');
  }

  get targets() {
    return this.byTestId('target-card');
  }
}
