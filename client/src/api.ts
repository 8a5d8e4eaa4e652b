// Typed fetch wrappers for the analytics API (issue 4). The dashboard knows the server only through these.
// Answers are cached per URL for the life of the page: a data version's figures never change.

import type { NetworkId } from './state.js';

export interface ListAnswer<T> {
  rows: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Network {
  id: NetworkId;
  name: string;
  member_label: string;
  group_label: string | null;
  description?: string;
  snapshot_dates: string[];
  latest?: { as_at: string | null; members: number | null; groups: number | null } | null;
}

export interface AreaRef {
  la_code: string;
  name: string;
  region: string | null;
}

export interface Summary {
  network: NetworkId;
  as_at: string | null;
  members: number | null;
  groups: number | null;
  council_areas_total: number;
  council_areas_covered: number | null;
  coverage_pct: number | null;
  uncovered: AreaRef[];
  schools_total: number | null;
  pupils_in_member_schools: number | null;
}

export interface CoverageRow extends AreaRef {
  members: number | null;
  groups: number | null;
  schools: number | null;
  pupils: number | null;
  members_per_100_schools: number | null;
  covered: boolean | null;
  schools_beyond_km: number | null;
}

export type Qualifier = 'exact' | 'over' | 'just over' | 'about' | 'around' | 'derived' | string;

export interface ProgressPoint {
  date: string;
  precision: 'day' | 'month' | 'year';
  total: number;
  qualifier: Qualifier;
  /** Where the figure comes from: a published milestone or a count of an imported snapshot. */
  source: string;
  source_title: string | null;
  source_url: string | null;
}

export interface Round {
  round: number;
  date: string;
  designated: number | null;
}

export type TargetStatus = 'met' | 'missed' | 'on_track' | 'at_risk' | 'undetermined';

export interface Target {
  metric: string;
  value: number;
  deadline: string;
  status: TargetStatus;
  met_on: string | null;
  days_early: number | null;
  evidence: string | null;
  required_per_month: number | null;
  actual_per_month: number | null;
  forecast_date: string | null;
}

export interface CoveragePoint {
  date: string;
  covered: number | null;
  total?: number | null;
  coverage_pct?: number | null;
}

export interface UndatedMilestone {
  metric?: string;
  value: number;
  qualifier: Qualifier;
  source_title: string | null;
  source_url?: string | null;
}

export interface Progress {
  network: NetworkId;
  series: ProgressPoint[];
  rounds: Round[];
  targets: Target[];
  coverage_series: CoveragePoint[];
  undated?: UndatedMilestone[];
}

export interface NearbyMember {
  name: string;
  urn?: number | null;
  la_code?: string | null;
  la_name?: string | null;
  distance_km: number | null;
}

export interface GapRow extends CoverageRow {
  rank?: number;
  reason: string;
  nearest_members: NearbyMember[];
}

export interface Member {
  id?: number | string;
  member_key?: string;
  urn: number | null;
  name: string;
  group: string | null;
  la_code: string | null;
  la_name: string | null;
  region: string | null;
  phase: string | null;
  establishment_type?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface Group {
  id: number | string;
  name: string;
  members: number;
  la_codes?: string[];
  regions?: string[];
}

export interface AreaHistoryPoint {
  as_at: string;
  members: number | null;
  groups: number | null;
}

export interface AreaProfile extends CoverageRow {
  la_type?: string | null;
  member_list: Member[];
  group_list: { name: string; members: number }[];
  neighbours: CoverageRow[];
  history: AreaHistoryPoint[];
}

export interface Snapshot {
  network: NetworkId;
  as_at: string;
  members: number;
  groups?: number | null;
}

export interface SnapshotDiff {
  from: string;
  to: string;
  joiners: Member[];
  leavers: Member[];
  group_moves: { name: string; from_group: string | null; to_group: string | null }[];
  coverage_change: { la_code: string; name: string; from: number; to: number }[];
}

export interface ImportRecord {
  id: number;
  kind: string;
  network_id: string | null;
  file_name: string;
  sha256: string;
  bytes: number;
  as_at: string | null;
  rows_read: number;
  rows_written: number;
  outcome: string;
  finished_at: string;
}

export interface SourceRecord {
  title: string;
  url: string | null;
  licence?: string | null;
  files?: string[];
}

export interface Sources {
  sources: SourceRecord[];
  licence: string;
  attribution: string;
}

export interface Health {
  status: string;
  data_version: string | null;
}

/** A failed API call: the page shows `message` (which names what failed) instead of a blank panel. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, params: Params = {}): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') p.set(key, String(value));
  }
  const query = p.toString();
  return query === '' ? path : `${path}?${query}`;
}

const cache = new Map<string, Promise<unknown>>();

async function fetchJson<T>(url: string, what: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(
      `Could not reach the server to load ${what}. Check your connection and try again.`,
      0,
      url,
    );
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`.trim();
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not the API's JSON error shape: keep the status line
    }
    throw new ApiError(`Could not load ${what}: ${message}`, response.status, url);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(`Could not load ${what}: the server's answer was not JSON`, response.status, url);
  }
}

function get<T>(path: string, params: Params, what: string): Promise<T> {
  const url = apiUrl(path, params);
  let pending = cache.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = fetchJson<T>(url, what);
    cache.set(url, pending);
    pending.catch(() => cache.delete(url));
  }
  return pending;
}

export interface Scope {
  network: NetworkId;
  as_at?: string | null;
  region?: string | null;
  phase?: string | null;
}

const V1 = '/api/v1';

export const api = {
  health: () => get<Health>('/healthz', {}, 'the server status'),
  networks: () => get<ListAnswer<Network>>(`${V1}/networks`, {}, 'the networks'),
  summary: (s: Scope) => get<Summary>(`${V1}/summary`, { ...s }, 'the summary'),
  coverage: (s: Scope & { radius_km?: number }) =>
    get<ListAnswer<CoverageRow>>(`${V1}/coverage`, { ...s, limit: 1000 }, 'coverage by council area'),
  progress: (network: NetworkId) => get<Progress>(`${V1}/progress`, { network }, 'progress over time'),
  gaps: (s: Scope) => get<ListAnswer<GapRow>>(`${V1}/gaps`, { ...s, limit: 1000 }, 'the gap finder'),
  councilAreas: () =>
    get<ListAnswer<AreaRef>>(`${V1}/council-areas`, { limit: 1000 }, 'the list of council areas'),
  councilArea: (laCode: string, s: Scope) =>
    get<AreaProfile>(`${V1}/council-areas/${encodeURIComponent(laCode)}`, { ...s }, `council area ${laCode}`),
  members: (
    s: Scope & {
      q?: string | null;
      la?: string | null;
      group?: string | null;
      limit: number;
      offset: number;
    },
  ) => get<ListAnswer<Member>>(`${V1}/members`, { ...s }, 'the members'),
  groups: (s: Scope & { q?: string | null; limit: number; offset: number }) =>
    get<ListAnswer<Group>>(`${V1}/groups`, { ...s }, 'the groups'),
  snapshots: (network: NetworkId) =>
    get<ListAnswer<Snapshot>>(`${V1}/snapshots`, { network }, 'the snapshot dates'),
  diff: (network: NetworkId, from: string, to: string) =>
    get<SnapshotDiff>(`${V1}/snapshots/diff`, { network, from, to }, 'the changes between snapshots'),
  boundaries: (level: 'council-areas' | 'regions') =>
    get<unknown>(`${V1}/boundaries`, { level }, `the ${level} boundaries`),
  imports: () => get<ListAnswer<ImportRecord>>(`${V1}/imports`, { limit: 1000 }, 'the import history'),
  sources: () => get<Sources>(`${V1}/sources`, {}, 'the sources'),
};

/** The API's own CSV for a list, with the same filters as the page (for "download all" links). */
export function csvUrl(path: string, params: Params): string {
  return apiUrl(`${V1}/${path}`, { ...params, format: 'csv', limit: 1000 });
}
