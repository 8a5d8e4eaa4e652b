import type { Db } from '../db/gateway.js';
import { councilAreaRow, councilAreaRows } from '../db/queries/areas.js';
import { knownSchoolNames, type SchoolPoint } from '../db/queries/establishments.js';
import type { MemberPoint } from '../db/queries/members.js';
import { answeredFrom, type Answered, type NetworkOnDate, phaseName, regionCode, round } from './context.js';
import { locatedSchools, memberIndex } from './distance.js';
import { NotFoundError, ParameterError } from './errors.js';
import { networkRow, plural } from './labels.js';
import { listInForce } from './list-in-force.js';

// Which schools are beyond reach of a network: every located establishment (of the phase) farther than the radius
// from every located member (of the phase), with the member nearest to it. The same rule as coverage's
// schools_beyond_km, so an area's list has exactly as many rows as its count there.

export interface SchoolsBeyondParams extends NetworkOnDate {
  radius_km: number;
  /** One council area (DfE or ONS code), or one region (code or name); neither: England. */
  la_code?: string | undefined;
  region?: string | undefined;
  phase?: string | undefined;
}

export interface SchoolBeyond {
  urn: number;
  /** Known only for schools listed as members of a network: GIAS here has no names. */
  name: string | null;
  phase: string | null;
  la_code: string;
  la_name: string | null;
  region: string | null;
  /** To the nearest member, km to one decimal. */
  km: number;
  nearest_member_key: string;
  nearest_member_name: string;
  nearest_member_la_code: string | null;
  /** The school's page on Get Information about Schools, where its name and address are. */
  gias_url: string;
}

export interface SchoolsBeyond extends Answered {
  radius_km: number;
  la_code: string | null;
  region: string | null;
  phase: string | null;
  /** Located schools in the scope (of the phase): the list is those of them beyond the radius. */
  schools_located: number;
  note: string;
  rows: SchoolBeyond[];
}

/** The nearest member to a school and how far it is. */
export interface Reach {
  school: SchoolPoint;
  member: MemberPoint;
  km: number;
}

export const GIAS_URL =
  'https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/';

/**
 * The located schools of the phase in the areas kept, each farther than radiusKm from every member, with its
 * nearest member. The one place this question is measured, so that nearest members stored at import can replace
 * the spatial search here without changing the rest.
 */
export function schoolsOutOfReach(
  db: Db,
  scope: { snapshot: number; phase: string | null; radiusKm: number; keep: (laCode: string) => boolean },
): { located: number; far: Reach[] } {
  const index = memberIndex(db, scope.snapshot, scope.phase);
  const schools = locatedSchools(db, scope.phase).filter((s) => scope.keep(s.la_code));
  const far: Reach[] = [];
  for (const school of schools) {
    if (index.anyWithin(school.latitude, school.longitude, scope.radiusKm)) continue;
    const [nearest] = index.nearest(school.latitude, school.longitude, 1);
    if (nearest) far.push({ school, member: nearest.point.item, km: nearest.km });
  }
  return { located: schools.length, far };
}

function areaScope(db: Db, params: SchoolsBeyondParams) {
  if (params.la_code && params.region) {
    throw new ParameterError('region', params.region, 'give a council area (la_code) or a region, not both');
  }
  const areas = councilAreaRows(db);
  if (params.la_code) {
    const area = councilAreaRow(db, params.la_code);
    if (!area) throw new NotFoundError(`no council area '${params.la_code}'`);
    return { areas, laCode: area.la_code, region: null, keep: (code: string) => code === area.la_code };
  }
  const region = regionCode(db, params.region);
  const codes = new Set(
    areas.filter((a) => region === null || a.region_code === region).map((a) => a.la_code),
  );
  const regionName = areas.find((a) => a.region_code === region)?.region ?? null;
  return { areas, laCode: null, region: regionName, keep: (code: string) => codes.has(code) };
}

/** The schools of an area, a region or England farther than radius_km from every member, farthest first. */
export function schoolsBeyond(db: Db, params: SchoolsBeyondParams): SchoolsBeyond {
  const snapshot = listInForce(db, params);
  const phase = phaseName(db, params.phase);
  const scope = areaScope(db, params);
  const label = plural(networkRow(db, params.network).member_label);
  if (memberIndex(db, snapshot.id, phase).size === 0) {
    throw new NotFoundError(
      `none of the ${label}${phase ? ` of phase ${phase}` : ''} on the list of ${snapshot.as_at} has a ` +
        'location, so distances to them cannot be measured',
    );
  }
  const { located, far } = schoolsOutOfReach(db, {
    snapshot: snapshot.id,
    phase,
    radiusKm: params.radius_km,
    keep: scope.keep,
  });
  const areas = new Map(scope.areas.map((a) => [a.la_code, a]));
  const names = knownSchoolNames(db);
  const rows = far
    .map(({ school, member, km }): SchoolBeyond => {
      const area = areas.get(school.la_code);
      return {
        urn: school.urn,
        name: names.get(school.urn) ?? null,
        phase: school.phase,
        la_code: school.la_code,
        la_name: area?.name ?? null,
        region: area?.region ?? null,
        km: round(km, 1),
        nearest_member_key: member.member_key,
        nearest_member_name: member.name,
        nearest_member_la_code: member.la_code,
        gias_url: `${GIAS_URL}${school.urn}`,
      };
    })
    .sort((a, b) => b.km - a.km || a.urn - b.urn);
  return {
    ...answeredFrom(params, snapshot),
    radius_km: params.radius_km,
    la_code: scope.laCode,
    region: scope.region,
    phase,
    schools_located: located,
    note:
      'The establishments data (GIAS) held here has no school names: a school is named only when it is on a ' +
      'member list; gias_url opens its record on Get Information about Schools.',
    rows,
  };
}
