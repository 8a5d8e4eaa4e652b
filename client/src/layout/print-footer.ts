// The foot of every printed page: what the page is, the data's source and date, and the page number, in @page
// margin boxes (Chromium 131 on, Firefox 138 on). Written again whenever the view or the data version changes.
import { dataDate } from '../download/about.js';
import { h } from '../dom.js';

/** The sources of every view's figures, in the words of the Data & sources view. */
const SOURCES =
  'Department for Education and NCTL publications and member lists; GIAS; ONS (see Data & sources)';

/** A CSS string: quotes and backslashes escaped, line breaks as spaces. */
const cssString = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&').replace(/\s+/g, ' ')}"`;

/** The words at the foot of each printed page. */
export function printFooterText(title: string, dataVersion: string | null): string {
  const date = dataDate(dataVersion);
  const when = date
    ? `Data as of ${date} (import ${dataVersion!.split('.')[0]})`
    : 'Data date unknown: nothing had been imported';
  return `${title}. Source: ${SOURCES}. ${when}.`;
}

export function printFooter(): {
  element: HTMLStyleElement;
  set(title: string, dataVersion: string | null): void;
} {
  const element = h('style', { 'data-testid': 'print-footer' });
  return {
    element,
    set(title, dataVersion) {
      element.textContent =
        `@page { @bottom-left { content: ${cssString(printFooterText(title, dataVersion))}; ` +
        'font: 8pt system-ui, sans-serif; color: #0b0c0c; vertical-align: top; } ' +
        '@bottom-right { content: "Page " counter(page) " of " counter(pages); ' +
        'font: 8pt system-ui, sans-serif; color: #0b0c0c; vertical-align: top; } }';
    },
  };
}
