// Shared pieces of every chart: the root SVG with its accessible name, the font and the palette.
// Charts use presentation attributes (not CSS classes) so that a downloaded SVG looks the same as the page.
import { create, type Selection } from 'd3';

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const INK = '#0b0c0c';
export const SECONDARY_INK = '#505a5f';
export const GRID = '#dddddd';
export const ACCENT = '#1d70b8';

/** Status colours, always paired with the status in words. */
export const STATUS_COLOUR: Record<string, string> = {
  met: '#00703c',
  on_track: '#1d70b8',
  at_risk: '#b35900',
  missed: '#d4351c',
  undetermined: '#505a5f',
  // Met, then fell below: neither met's green nor missed's red (GOV.UK's yellow tag's ink).
  met_fell_below: '#594d00',
  not_yet_published: '#505a5f',
  undated_source: '#505a5f',
};

export type Svg = Selection<SVGSVGElement, undefined, null, undefined>;

/** An <svg role="img"> with a <title> and <desc>, sized by its viewBox so it scales to its container. */
export function chartRoot(options: {
  width: number;
  height: number;
  title: string;
  description: string;
}): Svg {
  const svg = create('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('viewBox', `0 0 ${options.width} ${options.height}`)
    .attr('width', options.width)
    .attr('height', options.height)
    .attr('role', 'img')
    .attr('font-family', FONT)
    .attr('font-size', 12)
    .attr('fill', INK);
  svg.append('title').text(options.title);
  svg.append('desc').text(options.description);
  return svg;
}

/** Checks a chart option and names the bad value, in the style of the rest of the project. */
export function check(condition: boolean, name: string, value: unknown): void {
  if (!condition) throw new Error(`invalid ${name}: ${JSON.stringify(value)}`);
}
