// The image a PNG or SVG download holds: the chart inside a frame with its title and date above, and its sources,
// data date and licence below. Every line is wrapped to the frame's width, so no text is cut off at the edge.
import { FONT, INK, SECONDARY_INK } from '../charts/svg.js';
import { wrapText, type TextStyle } from '../charts/text.js';
import { captionLines, type About } from './about.js';

export const NS = 'http://www.w3.org/2000/svg';

/** An SVG of the given size on a white ground, in the charts' font: a PNG download's page. */
export function whiteCanvas(width: number, height: number): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('xmlns', NS);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('font-family', FONT);
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', '#ffffff');
  svg.append(bg);
  return svg;
}
const PAD = 16;

function textEl(x: number, y: number, content: string, style: TextStyle): SVGTextElement {
  const el = document.createElementNS(NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.setAttribute('font-size', String(style.size));
  if (style.weight) el.setAttribute('font-weight', String(style.weight));
  el.setAttribute('fill', style.fill);
  el.textContent = content;
  return el;
}

interface Block {
  lines: string[];
  style: TextStyle;
  lineHeight: number;
}

function block(texts: string[], width: number, style: TextStyle, lineHeight: number): Block {
  return { lines: texts.flatMap((t) => wrapText(t, width, style)), style, lineHeight };
}

/** Appends a block's lines from `top` (the top of its first line); returns the y below its last line. */
function drawBlock(svg: SVGSVGElement, b: Block, top: number): number {
  b.lines.forEach((line, i) => svg.append(textEl(PAD, top + b.style.size + i * b.lineHeight, line, b.style)));
  return top + b.lines.length * b.lineHeight;
}

/** The chart inside a frame with a title and date above and the source, data date and licence below. */
export function framedSvg(chart: SVGSVGElement, about: About): SVGSVGElement {
  const width = Number(chart.getAttribute('width')) || 760;
  const height = Number(chart.getAttribute('height')) || 420;
  const totalWidth = Math.max(width + PAD * 2, 640);
  const inner = totalWidth - PAD * 2;
  const title = block([about.title], inner, { size: 18, weight: 700, fill: INK }, 23);
  const date = block([about.date], inner, { size: 14, fill: SECONDARY_INK }, 18);
  const footer = block(captionLines(about), inner, { size: 12, fill: SECONDARY_INK }, 16);
  const chartTop = PAD + title.lines.length * title.lineHeight + date.lines.length * date.lineHeight + 8;
  const totalHeight = chartTop + height + 12 + footer.lines.length * footer.lineHeight + PAD;

  const svg = whiteCanvas(totalWidth, totalHeight);
  drawBlock(svg, date, drawBlock(svg, title, PAD));
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('x', String(PAD + (inner - width) / 2));
  copy.setAttribute('y', String(chartTop));
  svg.append(copy);
  drawBlock(svg, footer, chartTop + height + 12);
  return svg;
}
