import type { Locator } from 'playwright-core';
import { DashboardPage } from './dashboard-page.js';

export class GapsPage extends DashboardPage {
  async openGaps(query = ''): Promise<void> {
    await this.open(`view=gaps${query ? `&${query}` : ''}`);
    await this.byTestId('gaps-table').waitFor();
  }

  get table(): Locator {
    return this.byTestId('gaps-table');
  }

  get reachTable(): Locator {
    return this.byTestId('reach-table');
  }

  get reachCount(): Locator {
    return this.byTestId('reach-count');
  }

  /** Sets the radius in its field and applies it. */
  async chooseRadius(km: string): Promise<void> {
    await this.byTestId('radius-control').fill(km);
    await this.byTestId('radius-control').press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('radius_km') === km);
    await this.settled();
  }

  /** The "Why it is listed" text of an area's row. */
  async reasonOf(area: string): Promise<string> {
    const row = this.table.locator('tbody tr', {
      has: this.page.getByRole('link', { name: area, exact: true }),
    });
    return row.locator('[data-label="Why it is listed"]').innerText();
  }
}
