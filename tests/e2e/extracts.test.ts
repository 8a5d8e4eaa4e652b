// End to end: every view that counts establishments says which extract they come from, the one nearer the date
// (the GIAS extract of 12 March 2018 up to 29 April 2021, the GIAS register of 17 June 2024 from 30 April 2021).
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { DashboardPage } from './pages/dashboard-page.js';

const session = dashboardSession();
const REGISTER = 'Establishments: GIAS register of 17 June 2024';
const EXTRACT = 'Establishments: GIAS establishments extract of 12 March 2018';

describe('the establishments extract, named beside the figures', () => {
  it('overview: 25,094 of the register for hubs in 2025; pupils not known for teaching schools in August 2021', async () => {
    const p = await session.page(DashboardPage);
    await p.open('network=hubs&as_at=2025-10-01');
    const hubs = await p.byTestId('headline-establishments').innerText();
    expect(hubs).toMatch(/^25,094\s+establishments in the 153 council areas of 1 October 2025/);
    expect(hubs).toContain(`${REGISTER}, the extract nearer this date: those open on 17 June 2024`);
    await p.open('network=teaching-schools&as_at=2021-08-31');
    expect(await p.byTestId('headline-pupils').innerText()).toMatch(/^Not known\s+pupils on roll/);
    await p.open('network=teaching-schools&as_at=2018-03-12');
    expect(await p.byTestId('headline-establishments').innerText()).toContain(EXTRACT);
  });

  it('gap finder, map and profile say it, with the establishments distances cannot measure', async () => {
    const p = await session.page(DashboardPage);
    await p.open('network=teaching-schools&as_at=2021-08-31&view=gaps');
    expect(await p.byTestId('establishments-extract').innerText()).toBe(
      `${REGISTER} (the extract nearer this date; it gives no pupils, so pupils are not known). Distances use ` +
        'each establishment\u2019s location in the GIAS establishments extract of 12 March 2018: 4,228 of 25,094 ' +
        'have none there.',
    );
    await p.open('network=teaching-schools&as_at=2020-01-01&view=map');
    expect(await p.byTestId('establishments-extract').innerText()).toBe(
      `${EXTRACT} (the extract nearer this date).`,
    );
    await p.open('network=hubs&as_at=2025-10-01&view=area&area=909');
    expect(await p.byTestId('establishments-extract').innerText()).toMatch(new RegExp(`^${REGISTER}`));
    // Cumbria ended in 2023: it is ranked among the 152 areas of its last day, not the 153 of the date.
    expect(await p.page.locator('main').innerText()).toMatch(/Ranked \d+ of 152 council areas by need/);
  });

  it('Progress says where counts of establishments change extract', async () => {
    const p = await session.page(DashboardPage);
    await p.open('network=hubs&view=progress');
    expect(await p.byTestId('extract-change').innerText()).toContain(
      'from the GIAS register of 17 June 2024 from 30 April 2021',
    );
  });
});
