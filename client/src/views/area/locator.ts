// The area profile's locator map: the area outlined among its neighbours, coloured by covered or not, with its
// legend; downloaded, the image also carries the legend and the area's figures in words.
import { noDataRow, type CoverageRow } from '../../api.js';
import { membersLabel, type ViewContext } from '../../context.js';
import { radiusOf } from '../../columns.js';
import { h } from '../../dom.js';
import { downloadButtons, fileSlug } from '../../download.js';
import { formatDate, formatDecimal, formatInt } from '../../format.js';
import type { Boundaries } from '../../map/boundaries.js';
import { choroplethSvg } from '../../map/choropleth-svg.js';
import { legendList } from '../../map/legend.js';
import { colourScale, metricValue } from '../../map/scale.js';
import { insetText } from '../../messages.js';

export interface LocatorInput {
  laCode: string;
  name: string;
  /** Every area's coverage on the date (empty: no member list). */
  rows: CoverageRow[];
  /** The area's own figures, for the downloaded image. */
  row: CoverageRow | null;
  boundaries: Boundaries | null;
  csv: () => string;
  source: string;
}

/** The area's figures in words, under the downloaded map. */
export function figureLines(ctx: ViewContext, row: CoverageRow | null): string[] {
  const label = membersLabel(ctx.network);
  if (!row || row.members === null) return [`No member list of ${label} is held for this date: no figures.`];
  const lines = [
    `${formatInt(row.members)} ${row.members === 1 ? ctx.network.member_label : label} serving ${row.name}; ` +
      `${formatInt(row.schools)} establishments; ${formatDecimal(row.members_per_100_schools)} per 100 establishments.`,
  ];
  if (row.schools_beyond_km !== null) {
    lines.push(
      `${formatInt(row.schools_beyond_km)} establishments more than ${radiusOf(ctx)} km from a ${ctx.network.member_label}.`,
    );
  }
  return lines;
}

export function locatorFigure(ctx: ViewContext, input: LocatorInput): HTMLElement {
  const { network } = ctx;
  const { laCode, name, boundaries } = input;
  if (!boundaries?.areas.features.some((f) => f.properties.la_code === laCode)) {
    return insetText('No boundary is held for this area.');
  }
  const words = { member: network.member_label, members: membersLabel(network), radiusKm: radiusOf(ctx) };
  const scale = colourScale(
    input.rows.length > 0 ? input.rows : [noDataRow({ la_code: laCode, name, region: null })],
    'covered',
    words,
  );
  const values = new Map(input.rows.map((r) => [r.la_code, metricValue(r, 'covered')]));
  const locator = (legend: boolean): SVGSVGElement =>
    choroplethSvg({
      title: `${name} and its neighbours`,
      description: `${name} outlined in black; areas coloured by whether they have a ${network.member_label}.`,
      areas: boundaries.areas,
      regions: boundaries.regions,
      values,
      scale,
      focus: laCode,
      legend,
      notes: legend ? figureLines(ctx, input.row) : [],
      width: 420,
      height: 360,
    });
  const onPage = locator(false);
  onPage.classList.add('app-locator');
  return h(
    'figure',
    { class: 'app-figure', 'data-testid': 'area-locator' },
    onPage,
    legendList(scale),
    downloadButtons({
      name: fileSlug(network.id, 'area', laCode, name, ctx.asAt),
      what: `the map of ${name}`,
      about: {
        title: `${name}: ${membersLabel(network)}`,
        date: `As at ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source: input.source,
      },
      image: () => locator(true),
      csv: input.csv,
    }),
  );
}
