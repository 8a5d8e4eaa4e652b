import { GIAS_URL } from '../../common/gias.js';
import type { SchoolBeyond, SchoolsBeyond } from '../contract/schools-beyond.js';
import type { Db } from '../db/gateway.js';
import { areasInForce, councilAreaRow } from '../db/queries/areas.js';
import { knownSchoolNames } from '../db/queries/establishments.js';
import { ALL_PHASES, locatedMembers } from '../db/queries/reach.js';
import { establishmentsOfDay, extractOfDay, farEstablishmentsOfDay } from './establishments-of-day.js';
import {
  answeredFrom,
  dayAsked,
  type NetworkOnDate,
  phaseName,
  regionCode,
  round,
  roundRadius,
} from './context.js';
import { NotFoundError, ParameterError } from './errors.js';
import { networkRow, plural } from './labels.js';
import { listInForce } from './list-in-force.js';

// Which schools are beyond reach of a network: every located establishment (of the phase) farther than the radius
// from every located member (of the phase), with the member nearest to it, as worked out at import (school_reach).
// The same rule and the same radius (rounded to 0.5 km) as coverage's schools_beyond_km, so an area's list has
// exactly as many rows as its count there.

export interface SchoolsBeyondParams extends NetworkOnDate {
  radius_km: number;
  /** One council area (DfE or ONS code), or one region (code or name); neither: England. */
  la_code?: string | undefined;
  region?: string | undefined;
  phase?: string | undefined;
  /** A page of the list (default: all of it). */
  limit?: number | undefined;
  offset?: number | undefined;
}

const ALL_ROWS = 1_000_000_000;

export { GIAS_URL };

function areaScope(db: Db, params: SchoolsBeyondParams, day: string) {
  if (params.la_code && params.region) {
    throw new ParameterError('region', params.region, 'give a council area (la_code) or a region, not both');
  }
  const areas = areasInForce(db, day);
  if (params.la_code) {
    const area = councilAreaRow(db, params.la_code);
    if (!area) throw new NotFoundError(`no council area '${params.la_code}'`);
    return { areas, laCode: area.la_code, region: null, codes: [area.la_code] };
  }
  const region = regionCode(db, params.region);
  // Always the areas of the day, even for all England: a school of a replaced area is held in it and again in
  // the area it is placed in since, and only the areas in force on one day count it once.
  const codes = areas.filter((a) => region === null || a.region_code === region).map((a) => a.la_code);
  const regionName = areas.find((a) => a.region_code === region)?.region ?? null;
  return { areas, laCode: null, region: regionName, codes };
}

/** The schools of an area, a region or England farther than radius_km from every member, farthest first. */
export function schoolsBeyond(db: Db, params: SchoolsBeyondParams): SchoolsBeyond {
  const snapshot = listInForce(db, params);
  const phase = phaseName(db, params.phase);
  const day = dayAsked(params, snapshot);
  const scope = areaScope(db, params, day);
  const network = networkRow(db, params.network);
  const label = plural(network.member_label);
  if (!network.members_are_schools) {
    throw new NotFoundError(
      `${label} reach the council areas they serve, not a distance from a school: an establishment in a served ` +
        `area is served. /api/v1/gaps?network=${params.network} lists each area with the ${label} serving it, ` +
        'and which part of it where only a part is served',
    );
  }
  if (locatedMembers(db, snapshot.id, phase ?? ALL_PHASES) === 0) {
    throw new NotFoundError(
      `none of the ${label}${phase ? ` of phase ${phase}` : ''} on the list of ${snapshot.as_at} has a ` +
        'location, so distances to them cannot be measured',
    );
  }
  const radius = roundRadius(params.radius_km).km;
  const { rows, total } = farEstablishmentsOfDay(
    db,
    day,
    { snapshot: snapshot.id, phase, km: radius, areas: scope.codes },
    params.limit ?? ALL_ROWS,
    params.offset ?? 0,
  );
  const byArea = establishmentsOfDay(db, day, phase).byArea;
  const located = scope.codes.reduce((n, code) => n + (byArea.get(code)?.with_coordinates ?? 0), 0);
  const areas = new Map(scope.areas.map((a) => [a.la_code, a]));
  const names = knownSchoolNames(
    db,
    rows.map((r) => r.urn),
  );
  return {
    ...answeredFrom(params, snapshot),
    radius_km: radius,
    la_code: scope.laCode,
    region: scope.region,
    phase,
    schools_located: located,
    establishments_extract: extractOfDay(db, day),
    note:
      'Names are those of the GIAS register of 17 June 2024 (the 2018 extract that places establishments has ' +
      'none); one not in that register is named only when it is on a member list; gias_url opens its record on ' +
      'Get Information about Schools.',
    rows: rows.map((row): SchoolBeyond => {
      const area = areas.get(row.la_code);
      return {
        urn: row.urn,
        name: names.get(row.urn) ?? null,
        phase: row.phase,
        la_code: row.la_code,
        la_name: area?.name ?? null,
        region: area?.region ?? null,
        km: round(row.km, 1),
        nearest_member_key: row.member_key,
        nearest_member_name: row.member_name,
        nearest_member_la_code: row.member_la_code,
        gias_url: `${GIAS_URL}${row.urn}`,
      };
    }),
    total,
    limit: params.limit ?? ALL_ROWS,
    offset: params.offset ?? 0,
  };
}
