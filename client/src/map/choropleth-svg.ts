// A static choropleth of council areas as one SVG (d3-geo): the downloadable and embeddable form of the map, and
// the small locator map on an area's profile. A pure function of boundaries, figures and scale.
import { geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { chartRoot, check, INK, SECONDARY_INK } from '../charts/svg.js';
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
  width?: number;
  height?: number;
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

export function choroplethSvg(input: ChoroplethSvgInput): SVGSVGElement {
  const width = input.width ?? 600;
  const legendRows = input.legend === false ? 0 : input.scale.entries.length;
  const mapHeight = input.height ?? 640;
  const height = mapHeight + (legendRows > 0 ? 28 + legendRows * 20 : 0);
  check(width >= 100, 'width', width);
  check(input.areas.features.length > 0, 'areas', `${input.areas.features.length} features`);

  const focus = input.focus
    ? input.areas.features.find((f) => f.properties.la_code === input.focus)
    : undefined;
  check(!input.focus || focus !== undefined, 'focus', input.focus);
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [width - 8, mapHeight - 8],
    ],
    focus ?? input.areas,
  );
  if (focus) {
    // Zoom out a little from the area so its neighbours show.
    projection.scale(projection.scale() / 4);
    const [cx, cy] = geoPath(projection).centroid(focus);
    const [tx, ty] = projection.translate();
    projection.translate([tx + width / 2 - cx, ty + mapHeight / 2 - cy]);
  }
  const path = geoPath(projection);

  const svg = chartRoot({ width, height, title: input.title, description: input.description });
  svg.append('rect').attr('width', width).attr('height', mapHeight).attr('fill', SEA);
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
  if (input.regions) {
    svg
      .append('path')
      .attr('d', path(input.regions) ?? '')
      .attr('fill', 'none')
      .attr('stroke', INK)
      .attr('stroke-width', 1)
      .attr('aria-hidden', 'true');
  }
  if (focus) {
    svg
      .append('path')
      .attr('d', path(focus) ?? '')
      .attr('fill', 'none')
      .attr('stroke', INK)
      .attr('stroke-width', 3)
      .attr('aria-hidden', 'true');
  }

  if (legendRows > 0) {
    const legend = svg
      .append('g')
      .attr('aria-label', 'Legend')
      .attr('transform', `translate(8,${mapHeight + 18})`);
    legend.append('text').attr('font-weight', 700).text(input.scale.title);
    input.scale.entries.forEach((entry, i) => {
      const g = legend.append('g').attr('transform', `translate(0,${10 + i * 20})`);
      g.append('rect')
        .attr('width', 22)
        .attr('height', 14)
        .attr('fill', entry.fill)
        .attr('stroke', SECONDARY_INK);
      g.append('text').attr('x', 30).attr('y', 11).text(entry.label);
    });
  }

  const node = svg.node()!;
  if (input.scale.entries.some((e) => e.fill === NO_DATA_FILL)) appendNoDataPattern(node);
  return node;
}
