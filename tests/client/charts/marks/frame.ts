// A small frame to draw one mark on, for the marks' snapshot tests: 2011-2021 across, 0-1,000 up.
import { scaleLinear, scaleUtc } from 'd3';
import { plot, type Frame, type Mark } from '../../../../client/src/charts/plot.js';
import { formatInt } from '../../../../client/src/format.js';
import { normaliseSvg } from '../../normalise.js';

export const frame: Frame = {
  width: 400,
  height: 240,
  margin: { top: 40, right: 16, bottom: 30, left: 48 },
  x: scaleUtc()
    .domain([new Date(Date.UTC(2011, 0, 1)), new Date(Date.UTC(2022, 0, 1))])
    .range([48, 384]),
  y: scaleLinear().domain([0, 1000]).range([210, 40]),
  format: formatInt,
};

/** One mark drawn alone on the frame, as a normalised SVG. */
export function drawn(mark: Mark): { svg: SVGSVGElement; text: string } {
  const svg = plot({ ...frame, title: 'mark', description: 'one mark', marks: [mark] });
  return { svg, text: normaliseSvg(svg) };
}
