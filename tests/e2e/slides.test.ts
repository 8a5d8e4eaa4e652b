// A slide from every chart and map: a 16:9 PNG of 1920 x 1080 with its title, date and one line of source in words
// (no file names), text at least 24 px at that size, every label inside and apart, the chosen date marked lightly;
// and the facts a chart exists to show (NLEs met their target, then fell below it in December 2020).
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { DashboardPage, textProblems } from './pages/dashboard-page.js';
import { screenshotPath } from './screenshots.js';

const session = dashboardSession([], {}, { acceptDownloads: true });

/** The SVG markup of each image the page rasterises (a PNG is drawn from an SVG made into a blob URL). */
const RECORD_SVGS = () => {
  const made: string[] = [];
  (window as unknown as { madeSvgs: string[] }).madeSvgs = made;
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    if (blob instanceof Blob && blob.type === 'image/svg+xml') void blob.text().then((t) => made.push(t));
    return create(blob);
  };
};

interface Slide {
  width: number;
  height: number;
  svg: string;
}

async function slideOf(query: string, testid: string): Promise<Slide> {
  const page = await session.page(DashboardPage);
  await page.page.addInitScript(RECORD_SVGS);
  await page.open(query);
  await page.page.locator('[data-testid=map]:not([data-ready=true])').waitFor({ state: 'detached' });
  const png = await page.download('download-slide', page.byTestId(testid));
  expect(png.filename).toMatch(/-slide\.png$/);
  const svgs = await page.page.evaluate(() => (window as unknown as { madeSvgs: string[] }).madeSvgs);
  return { width: png.bytes.readUInt32BE(16), height: png.bytes.readUInt32BE(20), svg: svgs.at(-1)! };
}

/** The slide's SVG shown at its own size: its texts, the smallest (in px on the 1920 px image), its problems. */
async function look(slide: Slide, shot: string) {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 960, height: 540 });
  await page.setContent(
    `<!doctype html><body style="margin:0">${slide.svg.replace(/^<\?xml[^>]*>/, '')}</body>`,
  );
  await page.screenshot({ path: screenshotPath(shot) });
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll('svg > text, svg svg text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => ({
        text: t.textContent!,
        // px on the slide as shown at 960 px, doubled: the PNG is drawn at twice the size.
        px: Number.parseFloat(getComputedStyle(t).fontSize) * 2,
        // From the text's own units to the page's px (a chart scaled to fit has its text scaled with it).
        scale: (t as SVGTextElement).getScreenCTM()!.a,
      })),
  );
  const problems = await textProblems(page);
  const rules = await page.evaluate(() =>
    [...document.querySelectorAll('g[aria-label^="Chosen date"] line')].map((l) =>
      Number(l.getAttribute('stroke-width')),
    ),
  );
  await page.close();
  return { texts, smallest: Math.min(...texts.map((t) => t.px * t.scale)), problems, rules };
}

const SLIDES: [string, string, string][] = [
  ['members by region', '', 'region-figure'],
  ['progress', 'view=progress', 'progress-figure'],
  ['coverage over time', 'view=progress', 'coverage-over-time-figure'],
  ['NLE progress', 'view=progress&network=nles', 'progress-figure'],
  // The chosen date near the left, where its label met the axis title ('National leaders of governance').
  ['NLGs in 2018', 'view=progress&as_at=2018-03-12', 'figure-nlgs_total'],
  ['alliances in 2018', 'view=progress&as_at=2018-03-12', 'figure-teaching_school_alliances_total'],
  ['the map', 'view=map&region=South%20West', 'view'],
  ['the map of England', 'view=map', 'view'],
];

describe('a slide of every chart and map', () => {
  it.each(SLIDES)(
    '%s: 1920 x 1080, text of 24 px or more, one line of source',
    async (name, query, testid) => {
      const slide = await slideOf(query, testid);
      expect([slide.width, slide.height]).toEqual([1920, 1080]);
      const seen = await look(slide, `slide-${name.replace(/\W+/g, '-')}.png`);
      expect(seen.smallest, name).toBeGreaterThanOrEqual(24);
      expect(seen.problems, name).toEqual([]);
      const source = seen.texts.filter((t) => /^Source: /.test(t.text));
      expect(source).toHaveLength(1);
      expect(source[0]!.text).toMatch(/Data as of \d{1,2} [A-Z][a-z]+ \d{4}\. OGL v3\.0\.$/);
      // Each source once ('DfE transparency data; DfE transparency data' was two publications' titles dropped).
      const named = source[0]!.text
        .replace(/^Source: /, '')
        .split('. Data as of')[0]!
        .split('; ');
      expect(named).toEqual([...new Set(named)]);
      // What the slide shows (a chart's tooltips, never drawn, may name files).
      expect(seen.texts.map((t) => t.text).join(' ')).not.toMatch(/\.csv|\.json|import \d/);
      for (const width of seen.rules) expect(width).toBeLessThanOrEqual(1);
    },
  );

  it('marks where NLEs fell below their target, in words and a colour of its own', async () => {
    const slide = await slideOf('view=progress&network=nles', 'progress-figure');
    expect(slide.svg).toContain('fell below the target in December 2020');
    const page = await session.page(DashboardPage);
    await page.open('network=nles');
    const status = page.byTestId('target-status').filter({ hasText: 'Met, later fell below' });
    expect(await status.count()).toBe(1);
    expect(await status.getAttribute('class')).toContain('govuk-tag--yellow');
  });
});
