// A static choropleth of council areas as one SVG (d3-geo): the downloadable and embeddable form of the map, and
// the small locator map on an area's profile. A pure function of boundaries, figures and scale.
import { geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { chartRoot, check, INK, SECONDARY_INK, type Svg } from '../charts/svg.js';
import { wrapText } from '../charts/text.js';
import { NO_DATA_FILL, NO_DATA_PATTERN_ID, type ColourScale } from './scale.js';

export interface AreaProperties {
  la_code: string;
  name?: string;
}

/** The background: a pale blue-grey, so that coasts read without a tile layer. */
export const SEA = '#eef3f6';

export type AreaFeature = Feature<Geometry, AreaProperties>;

export interface ChoroplethSvgInput {
  title: string;
  description: string;
  areas: FeatureCollection<Geometry, AreaProperties>;
  regions?: MultiLineString | null;
  /** The mapped figure per la_code; missing or null = no data. */
  values: Map<string, number | null>;
  scale: ColourScale;
  /** An area to outline and zoom to (with its neighbours in view). */
  focus?: string | null;
  legend?: boolean;
  /** Lines of text under the map and its legend (the summary, an area's figures), wrapped to the width. */
  notes?: string[];
  width?: number;
  /** The map's height; without it, the height the areas take at this width, up to maxHeight (default 640). */
  height?: number;
  maxHeight?: number;
}

/** The hatch used for "no data": defined once per SVG so each downloaded image stands alone. */
export function appendNoDataPattern(svg: SVGSVGElement): void {
  const ns = 'http://www.w3.org/2000/svg';
  const defs = document.createElementNS(ns, 'defs');
  const pattern = document.createElementNS(ns, 'pattern');
  pattern.setAttribute('id', NO_DATA_PATTERN_ID);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '6');
  pattern.setAttribute('height', '6');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '6');
  bg.setAttribute('height', '6');
  bg.setAttribute('fill', '#ffffff');
  const stroke = document.createElementNS(ns, 'line');
  stroke.setAttribute('x1', '0');
  stroke.setAttribute('y1', '0');
  stroke.setAttribute('x2', '0');
  stroke.setAttribute('y2', '6');
  stroke.setAttribute('stroke', '#6f777b');
  stroke.setAttribute('stroke-width', '2');
  pattern.append(bg, stroke);
  defs.append(pattern);
  svg.insertBefore(defs, svg.firstChild);
}

type Projection = ReturnType<typeof geoMercator>;

/** Mercator fitted to the areas, or zoomed out around one area so that its neighbours show. */
function projectionFor(input: ChoroplethSvgInput, width: number, mapHeight: number, focus?: AreaFeature) {
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [width - 8, mapHeight - 8],
    ],
    focus ?? input.areas,
  );
  if (focus) {
    projection.scale(projection.scale() / 4);
    const [cx, cy] = geoPath(projection).centroid(focus);
    const [tx, ty] = projection.translate();
    projection.translate([tx + width / 2 - cx, ty + mapHeight / 2 - cy]);
  }
  return projection;
}

function drawAreas(svg: Svg, input: ChoroplethSvgInput, projection: Projection, focus?: AreaFeature): void {
  const path = geoPath(projection);
  const areas = svg.append('g').attr('stroke', '#ffffff').attr('stroke-width', 0.5);
  for (const f of input.areas.features) {
    const value = input.values.get(f.properties.la_code) ?? null;
    const d = path(f);
    if (!d) continue;
    areas
      .append('path')
      .attr('d', d)
      .attr('fill', input.scale.fill(value))
      .attr('data-la-code', f.properties.la_code)
      .append('title')
      .text(`${f.properties.name ?? f.properties.la_code}: ${input.scale.describe(value)}`);
  }
  const outline = (d: string | null, width: number) =>
    svg
      .append('path')
      .attr('d', d ?? '')
      .attr('fill', 'none')
      .attr('stroke', INK)
      .attr('stroke-width', width)
      .attr('aria-hidden', 'true');
  if (input.regions) outline(path(input.regions), 1);
  if (focus) outline(path(focus), 3);
}

const LEGEND = { size: 12, fill: INK };
const ROW = 20;
const LINE = 16;

/** The legend's lines and rows, and the notes' lines, wrapped to the image's width; and their height. */
function below(input: ChoroplethSvgInput, width: number) {
  const legend = input.legend === false ? null : input.scale;
  const title = legend ? wrapText(legend.title, width - 16, { ...LEGEND, weight: 700 }) : [];
  const notes = (input.notes ?? []).flatMap((n) => wrapText(n, width - 16, LEGEND));
  const entries = legend?.entries ?? [];
  const height =
    (legend ? 12 + title.length * LINE + entries.length * ROW : 0) +
    (notes.length ? 8 + notes.length * LINE : 0);
  return { title, entries, notes, height: height > 0 ? height + 8 : 0 };
}

function drawBelow(svg: Svg, parts: ReturnType<typeof below>, top: number): void {
  let y = top + 12;
  const g = svg.append('g').attr('transform', 'translate(8,0)');
  if (parts.entries.length > 0) {
    const legend = g.append('g').attr('aria-label', 'Legend');
    for (const line of parts.title) {
      legend
        .append('text')
        .attr('y', (y += LINE) - 4)
        .attr('font-weight', 700)
        .text(line);
    }
    for (const entry of parts.entries) {
      legend
        .append('rect')
        .attr('y', y + 2)
        .attr('width', 22)
        .attr('height', 14)
        .attr('fill', entry.fill)
        .attr('stroke', SECONDARY_INK);
      legend
        .append('text')
        .attr('x', 30)
        .attr('y', y + 13)
        .text(entry.label);
      y += ROW;
    }
  }
  if (parts.notes.length) y += 8;
  for (const line of parts.notes)
    g.append('text')
      .attr('y', (y += LINE) - 4)
      .attr('fill', INK)
      .text(line);
}

/** The height the areas take when fitted to the width (a region wider than tall leaves no empty band). */
function naturalHeight(input: ChoroplethSvgInput, width: number): number {
  const [[, top], [, bottom]] = geoPath(geoMercator().fitWidth(width - 16, input.areas)).bounds(input.areas);
  return Math.min(input.maxHeight ?? 640, Math.ceil(bottom - top) + 16);
}

export function choroplethSvg(input: ChoroplethSvgInput): SVGSVGElement {
  const width = input.width ?? 600;
  check(input.areas.features.length > 0, 'areas', `${input.areas.features.length} features`);
  const mapHeight = input.height ?? naturalHeight(input, width);
  check(width >= 100, 'width', width);
  check(input.areas.features.length > 0, 'areas', `${input.areas.features.length} features`);
  const focus = input.focus
    ? input.areas.features.find((f) => f.properties.la_code === input.focus)
    : undefined;
  check(!input.focus || focus !== undefined, 'focus', input.focus);
  const parts = below(input, width);
  const svg = chartRoot({
    width,
    height: mapHeight + parts.height,
    title: input.title,
    description: input.description,
  });
  svg.append('rect').attr('width', width).attr('height', mapHeight).attr('fill', SEA);
  drawAreas(svg, input, projectionFor(input, width, mapHeight, focus), focus);
  if (parts.height > 0) drawBelow(svg, parts, mapHeight);
  const node = svg.node()!;
  if (input.scale.entries.some((e) => e.fill === NO_DATA_FILL)) appendNoDataPattern(node);
  return node;
}
