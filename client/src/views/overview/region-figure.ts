// Members by region, each member counted once (a hub in the region of most of the areas it serves), with the
// council areas covered in each: from the summary, so the bars add up to the network's members.
import type { Summary } from '../../api.js';
import { barChart } from '../../charts/bar-chart.js';
import { membersColumn } from '../../columns.js';
import { capitalise, membersLabel, type ViewContext } from '../../context.js';
import { fileSlug } from '../../download.js';
import { chartFigure, embedFigure } from '../../figure.js';
import { formatDate } from '../../format.js';
import { dataTable, toCsv, type Column } from '../../table.js';

type RegionRow = Summary['by_region'][number];

/** `source`: the imported files the figures come from, for the downloads' caption. */
export function regionFigure(ctx: ViewContext, summary: Summary, source: string): HTMLElement {
  const label = membersLabel(ctx.network);
  const rows = [...summary.by_region].sort(
    (a, b) => b.members - a.members || a.region.localeCompare(b.region),
  );
  const title = `${capitalise(label)} by region, ${formatDate(ctx.asAt)}`;
  // Drawn for the width it is shown at, so its text stays at full size on a phone.
  const chart = (width = 640): SVGSVGElement =>
    barChart({
      title,
      valueLabel: label,
      width,
      rows: rows.map((r) => ({
        label: r.region,
        value: r.members,
        note: `(${r.council_areas_covered} of ${r.council_areas} areas)`,
      })),
    });
  if (ctx.state.embed) return embedFigure(title, `As at ${formatDate(ctx.asAt)}`, chart);
  const columns: Column<RegionRow>[] = [
    { key: 'region', label: 'Region', value: (r) => r.region },
    membersColumn<RegionRow>(label),
    { key: 'covered', label: 'Council areas covered', numeric: true, value: (r) => r.council_areas_covered },
    { key: 'areas', label: 'Council areas', numeric: true, value: (r) => r.council_areas },
  ];
  return chartFigure({
    heading: `${capitalise(label)} by region`,
    summary:
      `Each of the ${summary.members} ${label} counted once, in the ONS region of the council areas it serves ` +
      '(one serving areas in two regions: the region of most of them).',
    chart,
    testid: 'region-figure',
    downloads: {
      name: fileSlug(ctx.network.id, 'by-region', ctx.asAt),
      what: 'the chart of members by region',
      about: {
        title,
        date: `As at ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source,
      },
      image: (room) => chart(room?.width),
      csv: () => toCsv(columns, rows),
    },
    table: dataTable({ caption: `${capitalise(label)} and council areas covered, by region`, columns, rows }),
  });
}
