// Text in SVG that must fit: its width as the browser will draw it, and words wrapped into lines of a width.
import { FONT } from './svg.js';

export interface TextStyle {
  size: number;
  weight?: number;
  fill: string;
}

let canvas: CanvasRenderingContext2D | null | undefined;

/** The width of a text in px: measured by the browser, or a generous estimate where it cannot (tests in Node). */
export function textWidth(text: string, style: TextStyle): number {
  if (canvas === undefined) {
    canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext?.('2d');
    canvas ??= null;
  }
  if (!canvas) return text.length * style.size * 0.62;
  canvas.font = `${style.weight ?? 400} ${style.size}px ${FONT}`;
  // A little over the measure: the SVG may be drawn with another font of the stack.
  return canvas.measureText(text).width * 1.08;
}

/** Words into lines no wider than `width` (a word longer than the line stands alone). */
export function wrapText(text: string, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (line && textWidth(tried, style) > width) {
      lines.push(line);
      line = word;
    } else line = tried;
  }
  if (line) lines.push(line);
  return lines;
}
