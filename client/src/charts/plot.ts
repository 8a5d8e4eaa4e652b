// A chart is a list of marks drawn on one frame, the way Observable Plot composes them: the frame holds the size
// and the scales; each mark is a small function that draws one kind of thing (axes, rounds, targets, figures...)
// and draws nothing when it has nothing to show.
import type { ScaleLinear, ScaleTime, Selection } from 'd3';
import { chartRoot, check, type Svg } from './svg.js';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Frame {
  width: number;
  height: number;
  margin: Margin;
  x: ScaleTime<number, number>;
  y: ScaleLinear<number, number>;
  /** How a value on the y scale reads ('548', '95%'). */
  format: (value: number) => string;
}

export type Mark = (svg: Svg, frame: Frame) => void;

export interface PlotOptions extends Frame {
  title: string;
  description: string;
  marks: readonly Mark[];
}

export function plot(options: PlotOptions): SVGSVGElement {
  check(options.width >= 200, 'width', options.width);
  check(options.height >= 150, 'height', options.height);
  const svg = chartRoot({
    width: options.width,
    height: options.height,
    title: options.title,
    description: options.description,
  });
  for (const mark of options.marks) mark(svg, options);
  return svg.node()!;
}

export type Group = Selection<SVGGElement, undefined, null, undefined>;

/**
 * A labelled group made when its first item is drawn: an empty group with a label is an error for screen readers,
 * so a chart with no targets (say) has no Targets group.
 */
export function layer(svg: Svg, label: string): () => Group {
  let group: Group | undefined;
  return () => (group ??= svg.append('g').attr('aria-label', label));
}

/** Text is about this wide at the charts' 12 px: enough to keep labels apart and inside the frame. */
export const CHAR_PX = 6.6;

/** A box on the chart (left, top, right, bottom), for keeping labels apart. */
export type Box = [number, number, number, number];

export function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}
