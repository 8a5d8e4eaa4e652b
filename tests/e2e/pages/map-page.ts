import type { Locator } from 'playwright-core';
import { DashboardPage } from './dashboard-page.js';

export class MapPage extends DashboardPage {
  /** Opens the map and waits until Leaflet has drawn its area paths. */
  async openMap(query = ''): Promise<void> {
    await this.open(`view=map${query ? `&${query}` : ''}`);
    await this.page.locator('[data-testid=map][data-ready=true]').waitFor();
  }

  get areas(): Locator {
    return this.page.locator('[data-testid=map] path[data-testid^="area-"]');
  }

  area(laCode: string): Locator {
    return this.byTestId(`area-${laCode}`);
  }

  get legend(): Locator {
    return this.byTestId('map-legend');
  }

  get summary(): Locator {
    return this.byTestId('map-summary');
  }

  get info(): Locator {
    return this.byTestId('map-info');
  }

  get metric(): Locator {
    return this.byTestId('metric-control');
  }

  get region(): Locator {
    return this.byTestId('region-control');
  }
}
