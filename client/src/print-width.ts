// A printed page is as wide whatever the window: before printing, every chart is drawn for the page, else one
// drawn for a phone (360 px) is stretched to the page, its text twice the size and the brief two pages longer;
// after printing, for its container again. (A ResizeObserver runs too late: the page is laid out for print at
// once. Chromium fires these events for its print to PDF too.)

/** Each chart holder's redraw: for a width, or (null) for its container's. */
const redraws = new WeakMap<Element, (width: number | null) => void>();
const HOLDER = 'data-print-width';
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const each = (print: boolean) =>
    document.querySelectorAll(`[${HOLDER}]`).forEach((holder) => {
      redraws.get(holder)?.(print ? Number(holder.getAttribute(HOLDER)) : null);
    });
  window.addEventListener('beforeprint', () => each(true));
  window.addEventListener('afterprint', () => each(false));
}

/** Has `redraw` draw the holder's chart `width` px wide while the page prints, and for its container after. */
export function drawnForPrint(
  holder: HTMLElement,
  width: number,
  redraw: (width: number | null) => void,
): void {
  holder.setAttribute(HOLDER, String(width));
  redraws.set(holder, redraw);
  listen();
}
