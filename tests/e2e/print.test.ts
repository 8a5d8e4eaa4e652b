// A printed brief: Progress printed to A4 (Chromium's own print, as page.pdf() drives it) on a few pages, without
// the page's navigation, search, selects or buttons, its tables inside the page, chart text at 8 pt or more, the
// header dark on white, and every page's foot naming the data's date and source (an @page margin box).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { screenshotPath } from './screenshots.js';

const session = dashboardSession();

/** Pages of a PDF, counted from its bytes: each page object is '/Type /Page' (the tree's are '/Type /Pages'). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/** The printable width of an A4 page between the style sheet's 10 mm margins, in CSS px (96 to the inch). */
const A4_PRINTABLE_PX = ((210 - 20) / 25.4) * 96;

async function openProgress(): Promise<DashboardPage> {
  const page = await session.page(DashboardPage);
  await page.open('view=progress');
  return page;
}

/** Pairs of a chart's texts whose boxes (getBBox, in the chart's own units) meet by more than a unit. */
function chartTextOverlaps(page: DashboardPage): Promise<string[]> {
  return page.page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('main svg[role=img]')].flatMap((svg) => {
      const boxes = [...svg.querySelectorAll<SVGTextElement>('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '' && t.getClientRects().length > 0)
        .map((t) => {
          // getBBox is in the text's own units: through its groups' transforms (an axis's ticks) to the chart's.
          const b = t.getBBox();
          const m = t.getCTM()!;
          const [p, q] = [new DOMPoint(b.x, b.y), new DOMPoint(b.x + b.width, b.y + b.height)].map((d) =>
            d.matrixTransform(m),
          );
          return {
            text: t.textContent!.trim(),
            box: { x: p!.x, y: p!.y, width: q!.x - p!.x, height: q!.y - p!.y },
          };
        });
      const found: string[] = [];
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const dx = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x);
          const dy = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
          if (dx > 1 && dy > 1)
            found.push(`${svg.querySelector('title')?.textContent}: ${a.text} / ${b.text}`);
        }
      }
      return found;
    }),
  );
}

describe('printing Progress for teaching schools', () => {
  // The printed page is as wide from a phone as from a desktop: charts drawn at 360 px were stretched (7 pages).
  it.each([1280, 390])('prints on at most 5 A4 pages from a %i px window', async (width) => {
    const page = await session.page(DashboardPage);
    await page.page.setViewportSize({ width, height: 900 });
    await page.open('view=progress');
    const pdf = await page.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    // Kept for a reviewer: pdftoppm -png progress-print-1280.pdf shows each page.
    writeFileSync(screenshotPath(`progress-print-${width}.pdf`), pdf);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(5);
    // After printing, the charts are drawn for the window again.
    await expect
      .poll(() => page.page.locator('main svg[role=img]').first().getAttribute('width'))
      .toBe(String(Math.min(720, width - 30)));
  });

  it('prints a list (the undated figures) at the size of the text around it', async () => {
    const page = await openProgress();
    await page.page.emulateMedia({ media: 'print' });
    const sizes = await page.page.evaluate(() =>
      ['[data-testid=undated-figures] li', '[data-testid=undated-figures] p'].map(
        (s) => getComputedStyle(document.querySelector(s)!).fontSize,
      ),
    );
    expect(sizes[0]).toBe(sizes[1]);
  });

  it('prints no navigation, search, select or button, and the header dark on white', async () => {
    const page = await openProgress();
    await page.page.emulateMedia({ media: 'print' });
    const shown = await page.page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'nav, input, select, button, textarea, .app-search, .app-downloads, details, .govuk-footer',
        ),
      ]
        .filter((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0)
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(shown).toEqual([]);
    const header = await page.page.evaluate(() => {
      const el = document.querySelector('header')!;
      const link = el.querySelector('a')!;
      return [getComputedStyle(el).backgroundColor, getComputedStyle(link).color];
    });
    expect(header).toEqual(['rgb(255, 255, 255)', 'rgb(11, 12, 12)']);
  });

  it('keeps every table inside the page, and chart text at 8 pt or more', async () => {
    const page = await openProgress();
    await page.page.setViewportSize({ width: Math.floor(A4_PRINTABLE_PX), height: 1000 });
    await page.page.emulateMedia({ media: 'print' });
    const wide = await page.page.evaluate(() =>
      [...document.querySelectorAll('table')]
        .filter((t) => t.getClientRects().length > 0 && t.getBoundingClientRect().right > window.innerWidth)
        .map((t) => `${t.caption?.textContent}: ${t.getBoundingClientRect().right}`),
    );
    expect(wide).toEqual([]);
    // Charts are drawn for the screen (1280 px here) and printed into the page's width: their text, so scaled.
    await page.page.setViewportSize({ width: 1280, height: 900 });
    await page.page.emulateMedia({ media: 'screen' });
    await page.settled();
    const smallestPt = await page.page.evaluate(
      (printable) =>
        Math.min(
          ...[...document.querySelectorAll('main svg[role=img] text')].map((t) => {
            const svg = t.closest('svg')!;
            const scale = Math.min(1, printable / Number(svg.getAttribute('width')));
            return Number.parseFloat(getComputedStyle(t).fontSize) * scale * 0.75;
          }),
        ),
      A4_PRINTABLE_PX,
    );
    expect(smallestPt).toBeGreaterThanOrEqual(8);
  });

  it('names the data\u2019s date and source at the foot of every page', async () => {
    const page = await openProgress();
    const rule = await page.byTestId('print-footer').textContent();
    expect(rule).toMatch(
      /@page \{ @bottom-left \{ content: "Progress: Teaching schools, as at \d{1,2} [A-Z][a-z]+ \d{4}\. Source: Department for Education[^"]*\. Data as of \d{1,2} [A-Z][a-z]+ \d{4} \(import \d+\)\."/,
    );
    expect(rule).toContain('counter(page)');
  });
});

describe('chart labels apart, printed from any window', () => {
  // 12 March 2018 sits at the left of the charts of NLGs and alliances, where its label met the axis title.
  it.each([1280, 390])('from a %i px window, no chart text meets another', async (width) => {
    const page = await session.page(DashboardPage);
    await page.page.setViewportSize({ width, height: 900 });
    await page.open('view=progress&as_at=2018-03-12');
    await page.page.emulateMedia({ media: 'print' });
    await page.settled();
    expect(await page.page.locator('main svg[role=img]').count()).toBeGreaterThanOrEqual(4);
    expect(await chartTextOverlaps(page)).toEqual([]);
  });

  it('at 390 px on screen, NLEs\u2019 target label clear of the axis title and the date', async () => {
    const page = await session.page(DashboardPage);
    await page.page.setViewportSize({ width: 390, height: 844 });
    await page.open('view=progress&network=nles');
    expect(await chartTextOverlaps(page)).toEqual([]);
  });
});
