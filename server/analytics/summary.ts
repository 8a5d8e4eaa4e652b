import type { Summary } from '../contract/areas.js';
import type { Db } from '../db/gateway.js';
import { areasInForce } from '../db/queries/areas.js';
import { establishmentsNotPlaced, extractsHeld, registerOpenIn } from '../db/queries/establishments.js';
import { daysBetween, formatDate, type Precision } from '../../common/dates.js';
import { regionRows } from '../db/queries/areas.js';
import { memberTotals, membersByHomeRegion } from '../db/queries/members.js';
import { answeredFrom, dayAsked, phaseName, regionCode, round, type NetworkOnDate } from './context.js';
import { areaCoverage } from './coverage.js';
import { establishmentsOfDay, extractOfDay } from './establishments-of-day.js';
import { latestPublished, publishedFigures } from './figures.js';
import { networkRow } from './labels.js';
import { listInForce } from './list-in-force.js';

export interface SummaryParams extends NetworkOnDate {
  region?: string | undefined;
  phase?: string | undefined;
}

/** The headline figures of a network on a date: members, groups, council areas covered, establishments. */
export function summary(db: Db, params: SummaryParams): Summary {
  const list = listInForce(db, params);
  const phase = phaseName(db, params.phase);
  const region = regionCode(db, params.region);
  const network = networkRow(db, params.network);
  const totals = memberTotals(db, { snapshot: list.id, la: null, region, group: null, phase, name: null });
  const areas = areaCoverage(db, {
    snapshot: list.id,
    day: dayAsked(params, list),
    grouped: network.group_label !== null,
    phase,
    region,
    radiusKm: null,
  });
  const covered = areas.filter((a) => a.covered).length;
  const answered = answeredFrom(params, list);
  // Pupils on a day the register answers are not known: it gives none, and 2018's are not that day's.
  const pupilsKnown = network.members_are_schools && extractOfDay(db, answered.as_at)?.has_pupils !== false;
  const published = latestPublished(publishedFigures(db, params.network), 'members', answered.as_at);
  return {
    ...answered,
    members: totals.members,
    groups: network.group_label === null ? null : totals.groups,
    groups_note: network.groups_note,
    council_areas_total: areas.length,
    council_areas_covered: covered,
    coverage_pct: areas.length > 0 ? round((covered / areas.length) * 100, 1) : 0,
    uncovered: areas
      .filter((a) => !a.covered)
      .map((a) => ({ la_code: a.la_code, name: a.name, region: a.region })),
    schools_total: areas.reduce((sum, a) => sum + a.schools, 0),
    pupils_in_member_schools: pupilsKnown ? totals.pupils : null,
    member_schools_with_pupils: pupilsKnown ? totals.with_pupils : 0,
    ...denominators(
      db,
      answered.as_at,
      areas.map((a) => a.la_code),
    ),
    list_note: listNote(answered.snapshot_as_at, answered.as_at, published),
    published_total: published && {
      date: published.date,
      precision: published.precision,
      total: published.value,
      qualifier: published.qualifier,
      source_title: published.source_title,
      source_url: published.source_url,
      publication: published.publication,
    },
    by_region: byRegion(db, list.id, phase, areas, region),
  };
}

function byRegion(
  db: Db,
  snapshot: number,
  phase: string | null,
  areas: ReturnType<typeof areaCoverage>,
  region: string | null,
): Summary['by_region'] {
  const members = new Map(membersByHomeRegion(db, snapshot, phase).map((r) => [r.region_code, r.members]));
  return regionRows(db)
    .filter((r) => region === null || r.code === region)
    .map((r) => {
      const own = areas.filter((a) => a.region_code === r.code);
      return {
        region_code: r.code,
        region: r.name,
        members: members.get(r.code) ?? 0,
        council_areas: own.length,
        council_areas_covered: own.filter((a) => a.covered).length,
      };
    });
}

/** Which establishments extract the counts come from, and the register's count where it speaks of the same areas. */
function denominators(db: Db, day: string, codes: string[]) {
  const held = extractsHeld(db);
  const gap = (date: string) => Math.abs(daysBetween(date, day));
  const sameAreas = (date: string) => {
    const then = areasInForce(db, date).map((a) => a.la_code);
    return then.length === codes.length && then.every((c, i) => c === codes[i]);
  };
  const register =
    held.register && sameAreas(held.register.as_at)
      ? {
          file_name: held.register.file_name,
          as_at: held.register.as_at,
          ...(({ open, without_area }) => ({ open, pre_lgr: without_area }))(registerOpenIn(db, codes)),
          nearest: held.establishments === null || gap(held.register.as_at) < gap(held.establishments.as_at),
        }
      : null;
  const extract = extractOfDay(db, day);
  return {
    establishments_extract: extract && { ...extract, days_from_as_at: daysBetween(extract.as_at, day) },
    establishments_not_placed:
      extract?.kind === 'register'
        ? establishmentsOfDay(db, day, null).registerNotPlaced
        : establishmentsNotPlaced(db, day),
    register_open: register,
  };
}

/** 'list of 12 March 2018, 1,268 days before 31 August 2021; 733 published for March 2021 is nearer the date'. */
export function listNote(
  listDate: string,
  asAt: string,
  published: { date: string; precision: string; value: number; qualifier: string } | null,
): string {
  const age = daysBetween(listDate, asAt);
  const list =
    age === 0
      ? `list of ${formatDate(listDate, 'day')}, its own date`
      : `list of ${formatDate(listDate, 'day')}, ${age.toLocaleString('en-GB')} day${age === 1 ? '' : 's'} before ` +
        `${formatDate(asAt, 'day')}: nothing between them is observed`;
  if (!published || published.date <= listDate) return list;
  const when = formatDate(published.date, published.precision as Precision);
  const qualifier = published.qualifier === 'exact' ? '' : `${published.qualifier} `;
  return `${list}; a published total nearer the date: ${qualifier}${published.value.toLocaleString('en-GB')} (${when})`;
}
