// Every view prints as a brief, not as a screen: Progress has its own test (print.test.ts); here the overview, the
// map, the gap finder, an area's profile and Changes, each printed to A4 (page.pdf()) and laid out as print lays
// it out: no control to press shown, every table's headings printed (a sort button's words), nothing wider than the page, text at 8 pt or
// more, and the map drawn whole (a still picture: Leaflet keeps the screen's view, cut at the page's edge).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { screenshotPath } from './screenshots.js';

const session = dashboardSession();

/** The printable width of an A4 page between the style sheet's 10 mm margins, in CSS px (96 to the inch). */
const A4_PRINTABLE_PX = Math.floor(((210 - 20) / 25.4) * 96);

const VIEWS = [
  ['overview', ''],
  ['map', 'view=map'],
  ['gap finder', 'view=gaps&area=908'],
  ['area profile', 'view=area&area=921'],
  ['changes', 'view=changes'],
] as const;

/** What print shows wrongly: controls, sort headings lost, overflow, small text, the live map. */
async function printProblems(page: DashboardPage): Promise<string[]> {
  await page.page.setViewportSize({ width: A4_PRINTABLE_PX, height: 1000 });
  await page.page.emulateMedia({ media: 'print' });
  return page.page.evaluate(() => {
    const problems: string[] = [];
    const visible = (e: Element) =>
      e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const short = (e: Element) => e.outerHTML.slice(0, 90);
    for (const e of document.querySelectorAll(
      'nav, input, select, textarea, button:not(.app-table-sort), .app-search, .app-downloads, .leaflet-container, .govuk-footer',
    ))
      if (visible(e)) problems.push(`shown: ${short(e)}`);
    for (const th of document.querySelectorAll('main th'))
      if (visible(th) && th.textContent!.trim() !== '' && (th as HTMLElement).innerText.trim() === '')
        problems.push(`heading without text: ${short(th)}`);
    for (const e of document.querySelectorAll('main *')) {
      if (!visible(e) || e.closest('svg')) continue;
      const right = e.getBoundingClientRect().right;
      if (right > window.innerWidth + 1 && !e.closest('.app-table-scroll tbody td'))
        problems.push(`wider than the page (${Math.round(right)} px): ${short(e)}`);
      const own = [...e.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      const pt = Number.parseFloat(getComputedStyle(e).fontSize) * 0.75;
      if (own && pt < 7.99) problems.push(`${pt.toFixed(1)} pt: ${short(e)}`);
    }
    // A still picture's text, as scaled to the page.
    for (const svg of document.querySelectorAll<SVGSVGElement>('.app-print-only svg')) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('text')) {
        const pt = Number.parseFloat(getComputedStyle(t).fontSize) * scale * 0.75;
        if (pt < 7.99) problems.push(`${pt.toFixed(1)} pt in the printed map: ${t.textContent}`);
      }
    }
    return [...new Set(problems)];
  });
}

describe('printing each view', () => {
  it.each(VIEWS)(
    '%s: no controls, headings kept, within the page, text 8 pt or more',
    async (name, query) => {
      const page = await session.page(DashboardPage);
      await page.open(query);
      if (query.includes('map'))
        await page.byTestId('map-print').locator('svg').waitFor({ state: 'attached' });
      const pdf = await page.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      // Kept for a reviewer: pdftoppm -png shows each page.
      writeFileSync(screenshotPath(`print-${name.replace(/ /g, '-')}.pdf`), pdf);
      expect(await printProblems(page)).toEqual([]);
    },
  );
});
