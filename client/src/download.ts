// Downloads of every chart and map: SVG and PNG carry the title, date, data version and source inside the image;
// CSV holds the figures of the table beside the chart; ZIP holds that CSV with a README.txt of the same facts.
import { FONT, INK, SECONDARY_INK } from './charts/svg.js';
import { h } from './dom.js';
import { OGL_ATTRIBUTION } from './licence.js';
import type { About } from './about.js';

/** What a download is: framed around its image and written in the README beside its CSV. */
export type { About };

const NS = 'http://www.w3.org/2000/svg';

function text(x: number, y: number, content: string, attrs: Record<string, string> = {}): SVGTextElement {
  const el = document.createElementNS(NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.textContent = content;
  return el;
}

/** The chart inside a frame with a title and date above and the source, data version and licence below. */
export function framedSvg(chart: SVGSVGElement, meta: About): SVGSVGElement {
  const width = Number(chart.getAttribute('width')) || 760;
  const height = Number(chart.getAttribute('height')) || 420;
  const pad = 16;
  const headerHeight = 56;
  const footerLines = [
    `Source: ${meta.source}. Data version: ${meta.dataVersion ?? 'unknown'}.`,
    ...OGL_ATTRIBUTION,
  ];
  const footerHeight = 12 + footerLines.length * 15;
  const totalWidth = Math.max(width + pad * 2, 640);
  const totalHeight = headerHeight + height + footerHeight + pad;

  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('xmlns', NS);
  svg.setAttribute('width', String(totalWidth));
  svg.setAttribute('height', String(totalHeight));
  svg.setAttribute('viewBox', `0 0 ${totalWidth} ${totalHeight}`);
  svg.setAttribute('font-family', FONT);
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', String(totalWidth));
  bg.setAttribute('height', String(totalHeight));
  bg.setAttribute('fill', '#ffffff');
  svg.append(bg);
  svg.append(text(pad, 26, meta.title, { 'font-size': '18', 'font-weight': '700', fill: INK }));
  svg.append(text(pad, 46, meta.date, { 'font-size': '14', fill: SECONDARY_INK }));
  const inner = chart.cloneNode(true) as SVGSVGElement;
  inner.setAttribute('x', String(pad));
  inner.setAttribute('y', String(headerHeight));
  svg.append(inner);
  footerLines.forEach((line, i) => {
    svg.append(
      text(pad, headerHeight + height + 20 + i * 15, line, { 'font-size': '11', fill: SECONDARY_INK }),
    );
  });
  return svg;
}

export function svgMarkup(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const source = new Blob([svgMarkup(svg)], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(source);
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * scale;
      canvas.height = height * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        URL.revokeObjectURL(url);
        reject(new Error('this browser cannot draw the image'));
        return;
      }
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
        'image/png',
      );
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the image could not be drawn'));
    };
    img.src = url;
  });
}

/** A file name from words: 'Teaching schools, 2018-03-12' -> 'teaching-schools-2018-03-12'. */
export function fileSlug(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface DownloadOptions {
  /** File name without extension. */
  name: string;
  /** What is downloaded, for the buttons' accessible names, e.g. 'the progress chart'. */
  what: string;
  about: About;
  /** The chart or map alone: the download frames it with `about`. */
  image?: () => SVGSVGElement;
  /** The CSV made in the page: a CSV and a ZIP button. */
  csv?: () => string;
  /** Or a CSV the server makes (the view links to it): a ZIP button; the ZIP holds the bytes and name it sends. */
  csvUrl?: string;
}

/** The CSV download's text: a BOM first so that spreadsheets read the UTF-8 names correctly. */
function csvText(csv: string): string {
  return `\ufeff${csv}`;
}

/** PNG, SVG, CSV and ZIP buttons; a failure shows beside them rather than failing silently. */
export function downloadButtons(options: DownloadOptions): HTMLElement {
  const status = h('p', { class: 'govuk-body-s', role: 'status' });
  const wrap = h('div', { class: 'app-downloads' });
  const button = (label: string, testid: string, run: () => Promise<void> | void): void => {
    const b = h(
      'button',
      { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-testid': testid },
      `Download ${label}`,
      h('span', { class: 'govuk-visually-hidden' }, ` of ${options.what}`),
    );
    b.addEventListener('click', () => {
      status.textContent = '';
      Promise.resolve()
        .then(run)
        .catch((err: unknown) => {
          status.textContent = `The ${label} download failed: ${err instanceof Error ? err.message : String(err)}`;
        });
    });
    wrap.append(b);
  };
  const { name, about, image, csv, csvUrl } = options;
  if (image) {
    const framed = (): SVGSVGElement => framedSvg(image(), about);
    button('PNG', 'download-png', async () => saveBlob(await pngBlob(framed()), `${name}.png`));
    button('SVG', 'download-svg', () =>
      saveBlob(new Blob([svgMarkup(framed())], { type: 'image/svg+xml' }), `${name}.svg`),
    );
  }
  const zip = async (csvName: string, content: string | Uint8Array): Promise<void> => {
    const { csvZip } = await import('./csv-zip.js');
    const bytes = csvZip({ about, csv: content, csvName, url: window.location.href });
    saveBlob(new Blob([bytes], { type: 'application/zip' }), `${csvName.replace(/\.csv$/i, '')}.zip`);
  };
  if (csv) {
    button('CSV', 'download-csv', () =>
      saveBlob(new Blob([csvText(csv())], { type: 'text/csv;charset=utf-8' }), `${name}.csv`),
    );
    button('ZIP', 'download-zip', () => zip(`${name}.csv`, csvText(csv())));
  }
  if (csvUrl) {
    button('ZIP', 'download-zip', async () => {
      const res = await fetch(csvUrl);
      if (!res.ok) throw new Error(`the server answered ${res.status} for the CSV`);
      const sent = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
      await zip(sent ?? `${name}.csv`, new Uint8Array(await res.arrayBuffer()));
    });
  }
  return h('div', {}, wrap, status);
}
