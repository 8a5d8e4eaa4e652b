// What the coverage map shows, worked out once from the data: the areas in scope (all, or a region's), their
// rows ("no data" where nothing is known), the colour scale, the summary sentence and the title.
import { api, noDataRow, type Coverage, type CoverageRow, type Member, type Summary } from '../../api.js';
import { membersLabel, type ViewContext } from '../../context.js';
import { radiusOf } from '../../columns.js';
import { sourcesOf } from '../../download/sources.js';
import { formatDate, formatInt } from '../../format.js';
import { loadBoundaries, regionNamed, regionNames, type Boundaries } from '../../map/boundaries.js';
import type { MemberPoint } from '../../map/leaflet-map.js';
import { colourScale, metricValue, type ColourScale, type MetricWords } from '../../map/scale.js';
import { mapSummary } from '../../map/summary.js';
import { extractWords } from '../extract-note.js';
import type { Metric } from '../../state.js';

export interface MapData {
  coverage: CoverageRow[];
  boundaries: Boundaries;
  /** Not waited for: the map is drawn without them, its points added when they come; null if they fail. */
  members: Promise<Member[] | null>;
  source: string;
  /** The extract the coverage counts establishments from (the one nearer the date). */
  extract: Coverage['establishments_extract'];
  /** Per area, its establishments with a location (that distances are measured from). */
  located: Map<string, number>;
  /** The chosen region's own figures (null: England, or they could not be loaded). */
  regionSummary: Summary | null;
}

export interface MapModel {
  metric: Metric;
  words: MetricWords & { network: string };
  boundaries: Boundaries;
  regions: string[];
  region: string | null;
  /** The la_codes in scope, and their rows (a no-data row where there is none). */
  scopeCodes: string[];
  scopeRows: CoverageRow[];
  scale: ColourScale;
  summary: string;
  /** Which establishments the figures count, in words ('Establishments: GIAS register of 17 June 2024 ...'). */
  extractNote: string;
  /** The chosen region's total in one sentence; null for England. */
  regionTotal: string | null;
  title: string;
  dateLine: string;
  /** The members' points, and how many members the list has (of the phase); null when they could not be loaded. */
  members: Promise<{ points: MemberPoint[]; count: number } | null>;
  source: string;
  valueOf(code: string): number | null;
  nameOf(code: string): string;
  rowOf(code: string): CoverageRow | undefined;
}

/** Loads what the map needs: coverage and members (of the phase), boundaries, and the sources in words. */
export async function loadMapData(ctx: ViewContext): Promise<MapData> {
  const scope = { network: ctx.network.id, as_at: ctx.asAt, phase: ctx.state.phase };
  const areas = loadBoundaries(ctx.asAt);
  // Asked once the areas are in: on a slow network the two would share it, and the areas come first.
  const members = areas
    .catch(() => null)
    .then(() => api.members({ ...scope, limit: 1000, offset: 0 }))
    .then(
      (m) => m.rows,
      () => null,
    );
  const asked = api.coverage({ ...scope, radius_km: radiusOf(ctx) });
  const [answer, boundaries, source, regionSummary] = await Promise.all([
    asked,
    areas,
    sourcesOf(
      ctx.network,
      ctx.asAt,
      ['list', 'establishments', 'boundaries'],
      asked.then((c) => c.establishments_extract),
    ),
    ctx.state.region ? api.summary({ ...scope, region: ctx.state.region }).catch(() => null) : null,
  ]);
  return {
    coverage: answer.rows,
    boundaries,
    members,
    source,
    extract: answer.establishments_extract,
    located: new Map(answer.rows.map((r) => [r.la_code, r.schools_with_coordinates])),
    regionSummary,
  };
}

export function memberPoints(members: Member[]): MemberPoint[] {
  return members.flatMap((m) =>
    typeof m.latitude === 'number' && typeof m.longitude === 'number'
      ? [
          {
            key: m.member_key,
            name: m.name,
            lat: m.latitude,
            lon: m.longitude,
            group: m.group_name,
            area: m.la_name,
            phase: m.phase,
            urn: m.urn,
            school_name: m.school_name,
          },
        ]
      : [],
  );
}

/** 'London: 85 teaching schools, serving 30 of 33 council areas (90.9%), 2,877 establishments.' */
function regionTotal(region: string | null, summary: Summary | null, members: string): string | null {
  if (region === null || summary === null) return null;
  return (
    `${region}: ${formatInt(summary.members)} ${members}, serving ${formatInt(summary.council_areas_covered)} ` +
    `of ${formatInt(summary.council_areas_total)} council areas (${summary.coverage_pct}%); ` +
    `${formatInt(summary.schools_total)} establishments.`
  );
}

/** 'Number of teaching schools by council area, London, phase Primary'. */
function mapTitle(scale: ColourScale, region: string | null, phase: string | null): string {
  return `${scale.title} by council area, ${region ?? 'England'}${phase ? `, phase ${phase}` : ''}`;
}

export function mapModel(ctx: ViewContext, data: MapData): MapModel {
  const { network, state } = ctx;
  const features = data.boundaries.areas.features;
  const names = new Map(features.map((f) => [f.properties.la_code, f.properties.name]));
  const byCode = new Map(data.coverage.map((r) => [r.la_code, r]));
  const regions = regionNames(data.boundaries);
  const region = regionNamed(data.boundaries, state.region);
  const scopeCodes = features
    .filter((f) => region === null || f.properties.region_name === region)
    .map((f) => f.properties.la_code);
  const nameOf = (code: string): string => names.get(code) ?? code;
  const scopeRows = scopeCodes.map(
    (code) => byCode.get(code) ?? noDataRow({ la_code: code, name: nameOf(code), region }),
  );
  const words = {
    member: network.member_label,
    members: membersLabel(network),
    radiusKm: radiusOf(ctx),
    network: network.name,
  };
  const scale = colourScale(scopeRows, state.metric, words);
  const valueOf = (code: string): number | null => {
    const row = byCode.get(code);
    return row ? metricValue(row, state.metric) : null;
  };
  return {
    metric: state.metric,
    words,
    boundaries: data.boundaries,
    regions,
    region,
    scopeCodes,
    scopeRows,
    scale,
    summary: mapSummary(scopeRows, state.metric, words),
    extractNote: extractWords(
      data.extract,
      network.members_are_schools
        ? {
            schools: scopeRows.reduce((n, r) => n + (r.schools ?? 0), 0),
            with_coordinates: scopeCodes.reduce((n, code) => n + (data.located.get(code) ?? 0), 0),
          }
        : undefined,
    ),
    regionTotal: regionTotal(region, data.regionSummary, words.members),
    title: mapTitle(scale, region, state.phase),
    dateLine: `As at ${formatDate(ctx.asAt)}`,
    members: data.members.then((m) => (m ? { points: memberPoints(m), count: m.length } : null)),
    source: data.source,
    valueOf,
    nameOf,
    rowOf: (code) => byCode.get(code),
  };
}
