// A slide: the chart or map on a 16:9 image (960 x 540, drawn at twice that: 1920 x 1080) with its title and date
// above and one line of source below, in words without file names. The chart is drawn for the room it has, so
// its 12 px text is 24 px on the image; only a chart that cannot be drawn to a size is scaled to fit.
import { INK, SECONDARY_INK } from '../charts/svg.js';
import { textWidth, wrapText, type TextStyle } from '../charts/text.js';
import { dataDate, type About } from './about.js';
import { NS, whiteCanvas } from './frame.js';

export const SLIDE = { width: 960, height: 540, scale: 2 };
const PAD = 24;

export interface Room {
  width: number;
  height: number;
}

/**
 * A source in few words, for a slide: without the files it was imported from ('list of 12 March 2018
 * (nctl_..._raw.csv, import 9)') or the publications' quoted titles ('DfE press release "Strong ...", 26 May 2014').
 */
export function sourceWords(source: string): string {
  return (
    source
      .replace(/\s*\([^()]*\.(?:csv|json|topojson|geojson|xlsx?|txt)\b[^()]*\)/gi, '')
      // A publication's quoted title: its publisher and date say enough on a slide.
      .replace(/,?\s*"[^"]*"/g, '')
      .replace(/\s+/g, ' ')
      .replace(/\.$/, '')
      .trim()
  );
}

/**
 * The slide's one line of source: 'Source: A; B. Data as of 7 December 2026. OGL v3.0.' As
 * many of the sources as fit one line of `width`, then how many more there are.
 */
export function slideSourceLine(about: About, width: number, style: TextStyle): string {
  const date = dataDate(about.dataVersion);
  const tail = `${date ? `Data as of ${date}. ` : ''}OGL v3.0.`;
  // Each source once: publications told apart only by their titles (two 'DfE transparency data "..."') are one
  // source in the few words a slide gives them.
  const sources = [...new Set(sourceWords(about.source).split('; '))];
  const line = (n: number): string => {
    const more = sources.length - n;
    if (n === 0) return `Source: ${more} publications and lists (see Data & sources). ${tail}`;
    const shown = sources.slice(0, n).join('; ');
    return `Source: ${shown}${more > 0 ? `; and ${more} more (Data & sources)` : ''}. ${tail}`;
  };
  let n = sources.length;
  while (n > 0 && textWidth(line(n), style) > width) n -= 1;
  return line(n);
}

function text(
  svg: SVGSVGElement,
  lines: string[],
  top: number,
  style: TextStyle,
  lineHeight: number,
): number {
  lines.forEach((line, i) => {
    const el = document.createElementNS(NS, 'text');
    el.setAttribute('x', String(PAD));
    el.setAttribute('y', String(top + style.size + i * lineHeight));
    el.setAttribute('font-size', String(style.size));
    if (style.weight) el.setAttribute('font-weight', String(style.weight));
    el.setAttribute('fill', style.fill);
    el.textContent = line;
    svg.append(el);
  });
  return top + lines.length * lineHeight;
}

/** The slide: `draw` is asked for the chart at the room left between the title and the source. */
export function slideSvg(draw: (room: Room) => SVGSVGElement, about: About): SVGSVGElement {
  const { width, height } = SLIDE;
  const inner = width - PAD * 2;
  const titleStyle = { size: 24, weight: 700, fill: INK };
  const dateStyle = { size: 14, fill: SECONDARY_INK };
  const sourceStyle = { size: 12, fill: SECONDARY_INK };
  const title = wrapText(about.title, inner, titleStyle).slice(0, 2);
  const source = wrapText(slideSourceLine(about, inner, sourceStyle), inner, sourceStyle);
  const svg = whiteCanvas(width, height);
  const chartTop = text(svg, [about.date], text(svg, title, PAD - 4, titleStyle, 32) + 6, dateStyle, 18) + 8;
  const sourceTop = height - PAD - source.length * 16;
  text(svg, source, sourceTop, sourceStyle, 16);
  const room = { width: inner, height: sourceTop - 8 - chartTop };
  const size = (svg: SVGSVGElement) => [
    Number(svg.getAttribute('width')) || room.width,
    Number(svg.getAttribute('height')) || room.height,
  ];
  let chart = draw(room);
  // A drawing taller than asked (a map's legend and notes go below the height it is given): asked again for
  // that much less, so that it fits unscaled.
  const over = size(chart)[1]! - room.height;
  if (over > 0 && room.height - over >= 150) chart = draw({ width: room.width, height: room.height - over });
  const [w, h] = size(chart) as [number, number];
  // Drawn for the room, a chart fits it as it is; one that could not be (a fixed drawing) is scaled down to fit.
  const fit = Math.min(1, room.width / w, room.height / h);
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('viewBox', chart.getAttribute('viewBox') ?? `0 0 ${w} ${h}`);
  copy.setAttribute('width', String(w * fit));
  copy.setAttribute('height', String(h * fit));
  copy.setAttribute('x', String(PAD + (room.width - w * fit) / 2));
  copy.setAttribute('y', String(chartTop));
  svg.append(copy);
  return svg;
}
