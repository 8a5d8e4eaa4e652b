// The parts every view shares: navigation, the network and date controls, the footer, downloads; and a record of
// console errors, page errors and dialogs, which a test expects to stay empty.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SearchBox } from './search-box.js';

export interface Downloaded {
  filename: string;
  bytes: Buffer;
}

export class DashboardPage {
  /** Console errors, uncaught page errors and dialogs (alert/confirm) seen since the page opened. */
  readonly problems: string[] = [];

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      this.problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  }

  /** Opens `/?query` and waits until the view has rendered (#app's data-status is 'ready'). */
  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${query ? `?${query}` : ''}`);
    await this.settled();
  }

  async settled(): Promise<void> {
    await this.page.locator('#app[data-status=ready]').waitFor({ state: 'attached' });
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** The rows of a table as arrays of cell texts (header row left out). */
  async tableRows(testid: string): Promise<string[][]> {
    return this.byTestId(testid)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
      );
  }

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  get attribution(): Locator {
    return this.byTestId('ogl-attribution');
  }

  get dateControl(): Locator {
    return this.byTestId('date-control');
  }

  get networkSwitcher(): Locator {
    return this.byTestId('network-switcher');
  }

  get error(): Locator {
    return this.byTestId('error');
  }

  get siteSearch(): SearchBox {
    return new SearchBox(this.page);
  }

  /** Opens "Share or embed this view" and reads its link and embed code. */
  async share(): Promise<{ link: string; embed: string }> {
    const share = this.byTestId('share');
    if (!(await share.evaluate((el) => (el as HTMLDetailsElement).open)))
      await share.locator('summary').click();
    // The fields are filled on the details' toggle event, a task after the click (later in some Chromiums).
    await this.page.waitForFunction(
      () => (document.querySelector('[data-testid="share-link"]') as HTMLInputElement | null)?.value !== '',
    );
    return {
      link: await this.byTestId('share-link').inputValue(),
      embed: await this.byTestId('share-embed').inputValue(),
    };
  }

  /** How far the page scrolls sideways (0: it does not). */
  async sidewaysScroll(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  async navigate(view: string): Promise<void> {
    await this.byTestId(`nav-${view}`).click();
    await this.settled();
  }

  async chooseDate(asAt: string): Promise<void> {
    await this.dateControl.selectOption(asAt);
    await this.page.waitForURL((url) => url.searchParams.get('as_at') === asAt);
    await this.settled();
  }

  param(name: string): string | null {
    return new URL(this.page.url()).searchParams.get(name);
  }

  /** Clicks a download button (the first of the page, or of `within`) and returns the file it saved. */
  async download(
    testid: 'download-png' | 'download-slide' | 'download-svg' | 'download-csv' | 'download-zip',
    within?: Locator,
  ): Promise<Downloaded> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      (within ?? this.page).getByTestId(testid).first().click(),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), 'download-')), download.suggestedFilename());
    await download.saveAs(path);
    return { filename: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  /** Runs axe-core in the page and returns the serious and critical violations, one line each. */
  async seriousViolations(axeSource: string): Promise<string[]> {
    await this.page.addScriptTag({ content: axeSource });
    return this.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } }).axe;
      const result = await axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        );
    });
  }
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** Every text of an SVG (the page's first, or the one `selector` finds) outside the image or on top of another text. */
export async function textProblems(page: Page, selector = 'svg'): Promise<string[]> {
  return page.evaluate((selector) => {
    const svg = document.querySelector(selector)!;
    const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
    const root = svg.getBoundingClientRect();
    const scale = root.width / (width ?? root.width);
    const boxes = [...svg.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const r = t.getBoundingClientRect();
        return {
          text: t.textContent!.trim(),
          x: (r.left - root.left) / scale,
          y: (r.top - root.top) / scale,
          w: r.width / scale,
          h: r.height / scale,
        };
      });
    const problems: string[] = [];
    for (const b of boxes) {
      if (b.x < -0.5 || b.y < -0.5 || b.x + b.w > width! + 0.5 || b.y + b.h > height! + 0.5) {
        problems.push(`outside: ${b.text}`);
      }
    }
    // Overlap beyond a pixel (lines set 15-16 px apart may touch by a fraction of one).
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (dx > 1 && dy > 1) problems.push(`overlap: ${a.text} / ${b.text}`);
      }
    }
    return problems;
  }, selector);
}
