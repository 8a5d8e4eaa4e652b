// The download buttons under every chart, map and table: PNG and SVG of the framed image, the CSV of the table
// (with a BOM, so spreadsheets read UTF-8), and a ZIP of that CSV with a README. A failure is said beside them.
import { BOM } from '../../../common/csv.js';
import { h } from '../dom.js';
import type { About } from './about.js';
import { framedSvg } from './frame.js';
import { pngBlob, svgMarkup } from './image.js';
import { saveBlob } from './save.js';
import { SLIDE, slideSvg, type Room } from './slide.js';

export interface DownloadOptions {
  /** File name without extension: it names what is shown and its filters. */
  name: string;
  /** What is downloaded, for the buttons' accessible names, e.g. 'the progress chart'. */
  what: string;
  about: About;
  /**
   * The chart or map alone: the download frames it with `about`. Given a room (a slide's), it is drawn to fit it
   * where it can be.
   */
  image?: (room?: Room) => SVGSVGElement;
  /** The table's CSV (its own headings), made in the page: a CSV and a ZIP button. */
  csv?: () => string | Promise<string>;
  /** Or a CSV the server makes (the view links to it): a ZIP button; the ZIP holds the bytes and name it sends. */
  csvUrl?: string;
}

type Run = () => Promise<void> | void;

function button(label: string, testid: string, what: string, run: Run, status: HTMLElement): HTMLElement {
  const b = h(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-testid': testid },
    `Download ${label}`,
    h('span', { class: 'govuk-visually-hidden' }, ` of ${what}`),
  );
  b.addEventListener('click', () => {
    status.textContent = '';
    Promise.resolve()
      .then(run)
      .catch((err: unknown) => {
        status.textContent = `The ${label} download failed: ${err instanceof Error ? err.message : String(err)}`;
      });
  });
  return b;
}

async function saveZip(about: About, csvName: string, content: string | Uint8Array): Promise<void> {
  const { csvZip } = await import('./csv-zip.js');
  const bytes = csvZip({ about, csv: content, csvName, url: window.location.href });
  saveBlob(new Blob([bytes], { type: 'application/zip' }), `${csvName.replace(/\.csv$/i, '')}.zip`);
}

async function serverCsv(url: string, fallback: string): Promise<{ name: string; bytes: Uint8Array }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`the server answered ${res.status} for the CSV`);
  const sent = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
  return { name: sent ?? fallback, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** What each button does, in the order they are shown. */
function runs(options: DownloadOptions): [string, string, Run][] {
  const { name, about, image, csv, csvUrl } = options;
  const list: [string, string, Run][] = [];
  if (image) {
    const framed = (): SVGSVGElement => framedSvg(image(), about);
    list.push(['PNG', 'download-png', async () => saveBlob(await pngBlob(framed()), `${name}.png`)]);
    list.push([
      'slide (16:9 PNG)',
      'download-slide',
      async () => saveBlob(await pngBlob(slideSvg(image, about), SLIDE.scale), `${name}-slide.png`),
    ]);
    list.push([
      'SVG',
      'download-svg',
      () => saveBlob(new Blob([svgMarkup(framed())], { type: 'image/svg+xml' }), `${name}.svg`),
    ]);
  }
  if (csv) {
    const text = async (): Promise<string> => `${BOM}${await csv()}`;
    list.push([
      'CSV',
      'download-csv',
      async () => saveBlob(new Blob([await text()], { type: 'text/csv;charset=utf-8' }), `${name}.csv`),
    ]);
    list.push(['ZIP', 'download-zip', async () => saveZip(about, `${name}.csv`, await text())]);
  }
  if (csvUrl) {
    list.push([
      'ZIP',
      'download-zip',
      async () => {
        const sent = await serverCsv(csvUrl, `${name}.csv`);
        await saveZip(about, sent.name, sent.bytes);
      },
    ]);
  }
  return list;
}

/** PNG, SVG, CSV and ZIP buttons; a failure shows beside them rather than failing silently. */
export function downloadButtons(options: DownloadOptions): HTMLElement {
  const status = h('p', { class: 'govuk-body-s', role: 'status' });
  const buttons = runs(options).map(([label, testid, run]) =>
    button(label, testid, options.what, run, status),
  );
  return h('div', {}, h('div', { class: 'app-downloads' }, ...buttons), status);
}
