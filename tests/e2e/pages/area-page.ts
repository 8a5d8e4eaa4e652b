import { DashboardPage } from './dashboard-page.js';

export class AreaPage extends DashboardPage {
  get name() {
    return this.byTestId('area-name');
  }

  get members() {
    return this.byTestId('area-members');
  }

  get memberTable() {
    return this.byTestId('area-members-table');
  }
}
