// Typed fetch wrappers for the analytics API (issue 4). The dashboard knows the server only through HTTP; the
// answer types are the z.output of the answers' zod schemas (server/contract/, type-only imports, erased from the
// bundle), the same types analytics returns, so a change in an answer's shape fails the type-check here rather
// than in a browser.
// Answers are cached per URL for the life of the page: a data version's figures never change. Every read names
// the version the page is pinned to (`v`), so that the browser, a CDN or a caching proxy keeps its answer for a
// year and the server is asked for it at most once. After an import an old `v` still answers its own figures
// (the server keeps each version), so a shared link shows what it showed; a `v` no longer kept is a 404.

import type { CouncilAreaProfile, Coverage, Gap, Gaps, Summary } from '../../server/contract/areas.js';
import type {
  Group,
  Groups,
  Members,
  Networks,
  Search as SearchAnswer,
  SnapshotDiff,
  Snapshots,
} from '../../server/contract/registry.js';
import type { AreaCoverage, Member } from '../../server/contract/rows.js';
import type { Progress } from '../../server/contract/progress.js';
import type { Imports, Sources } from '../../server/contract/provenance.js';
import type { SchoolBeyond, SchoolsBeyond } from '../../server/contract/schools-beyond.js';
import type { Version, Versions } from '../../server/contract/versions.js';
import type { ErrorBody } from '../../server/contract/errors.js';
import type { ImportReportAnswer } from '../../server/contract/import-report.js';
import type { ImportKind } from '../../server/importer/kinds.js';
import type { NetworkId } from './state.js';

export type Network = Omit<Networks['rows'][number], 'id'> & { id: NetworkId };
export type { Progress, Version };
export type ProgressPoint = Progress['series'][number];
export type CoveragePoint = Progress['coverage_series'][number];
export type Round = Progress['rounds'][number];
export type Target = Progress['targets'][number];
export type GapRow = Gap;
export type { Coverage, Gaps, Summary };
export type NearbyMember = Gap['nearest_members'][number];
export type { Group, Member };
export type AreaProfile = CouncilAreaProfile;
export type AreaHistoryPoint = CouncilAreaProfile['history'][number];
export type { SnapshotDiff };
export type SnapshotStats = Snapshots['rows'][number];
export type { Sources };
export type ImportRecord = Sources['files'][number];
export type { SearchAnswer };
export type SearchHit = SearchAnswer['rows'][number];
export type { SchoolBeyond, SchoolsBeyond };

type Figures =
  'members' | 'groups' | 'schools' | 'pupils' | 'members_per_100_schools' | 'covered' | 'schools_beyond_km';

/** A council area's figures; null where nothing is known (no member list on the date): "no data", never 0. */
export type CoverageRow = Omit<AreaCoverage, Figures | 'schools_with_coordinates' | 'region_code'> & {
  [K in Figures]: AreaCoverage[K] | null;
} & { region_code?: string | null };

/** An area with nothing known: every figure null. */
export function noDataRow(area: { la_code: string; name: string; region: string | null }): CoverageRow {
  return {
    ...area,
    members: null,
    groups: null,
    schools: null,
    pupils: null,
    members_per_100_schools: null,
    covered: null,
    schools_beyond_km: null,
  };
}

export interface ListAnswer<T> {
  rows: T[];
  total: number;
  limit?: number;
  offset?: number;
}

let pinned: string | null = null;

/** Pins every read to the data version `v` (from api.version(), or a shared link's), or to none. */
export function pinVersion(v: string | null): void {
  pinned = v;
}

/** The data version the page is pinned to, for links ('12.20261123101947'); null before any import ('0'). */
export function pinnedDataVersion(): string | null {
  return pinned === null || pinned === '0' ? null : pinned;
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

/** An API URL; `v` last, so that the dashboard's URLs for one answer are one URL to every cache. */
export function apiUrl(path: string, params: Params = {}, v: string | null = null): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') p.set(key, String(value));
  }
  if (v !== null) p.set('v', v);
  const query = p.toString();
  return query === '' ? path : `${path}?${query}`;
}

const cache = new Map<string, Promise<unknown>>();

async function fetchJson<T>(url: string, what: string, cache: RequestCache = 'default'): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, cache });
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

/** Drops every answer kept for the page: after an import, the same URLs answer with other figures. */
export function forgetAnswers(): void {
  cache.clear();
}

function get<T>(path: string, params: Params, what: string): Promise<T> {
  const url = apiUrl(path, params, pinned);
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

/**
 * The networks on the current data version, asked before the page is pinned, beside api.version(): the first
 * answers of a page then wait one round trip, not two. Resolves with the version the server answered from
 * (X-Data-Version), and keeps the answer under that version's URL, which the page pinned to it asks next.
 */
async function networksNow(): Promise<{ v: string }> {
  const url = `${V1}/networks`;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const madeOn = response.headers.get('X-Data-Version');
  if (!response.ok || madeOn === null)
    throw new ApiError(`the networks: ${response.status}`, response.status, url);
  const answer = (await response.json()) as ListAnswer<Network>;
  cache.set(apiUrl(url, {}, madeOn), Promise.resolve(answer));
  return { v: madeOn };
}

export const api = {
  /**
   * Never pinned nor kept for the page: it says what to pin to, and whether newer data exists than a link's.
   * Revalidated (a 304 while unchanged) rather than taken from the browser's copy, fresh for a few seconds, which
   * could still name the version an import has just replaced; the cache in front still answers it. After the
   * page's own import (`afterWrite`), asked of the server itself: no copy anyone holds is the new version.
   */
  version: (afterWrite = false) =>
    fetchJson<Version>(`${V1}/version`, 'the data version', afterWrite ? 'reload' : 'no-cache'),
  /** The data versions the server keeps (never pinned: the list grows with each import). */
  versions: () => fetchJson<Versions>(`${V1}/versions`, 'the data versions'),
  networks: () => get<ListAnswer<Network>>(`${V1}/networks`, {}, 'the networks'),
  networksNow,
  summary: (s: Scope) => get<Summary>(`${V1}/summary`, { ...s }, 'the summary'),
  coverage: (s: Scope & { radius_km?: number }) =>
    get<Coverage>(`${V1}/coverage`, { ...s, limit: 1000 }, 'coverage by council area'),
  progress: (network: NetworkId) => get<Progress>(`${V1}/progress`, { network }, 'progress over time'),
  gaps: (s: Scope & { radius_km?: number }) =>
    get<Gaps>(`${V1}/gaps`, { ...s, limit: 1000 }, 'the gap finder'),
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
  ) => get<Members>(`${V1}/members`, { ...s }, 'the members'),
  groups: (s: Scope & { q?: string | null; limit: number; offset: number }) =>
    get<Groups>(`${V1}/groups`, { ...s }, 'the groups'),
  snapshots: (network: NetworkId) => get<Snapshots>(`${V1}/snapshots`, { network }, 'the member lists'),
  diff: (network: NetworkId, from: string, to: string) =>
    get<SnapshotDiff>(`${V1}/snapshots/diff`, { network, from, to }, 'the changes between snapshots'),
  /** Quantized for drawing (about 8 m): a third of the bytes of the stored coordinates. */
  boundaries: (level: 'council-areas' | 'regions') =>
    get<unknown>(`${V1}/boundaries`, { level, detail: 'map' }, `the ${level} boundaries`),
  imports: () => get<Imports>(`${V1}/imports`, { limit: 1000 }, 'the import history'),
  sources: () => get<Sources>(`${V1}/sources`, {}, 'the sources'),
  search: (q: string, limit = 8, asAt: string | null = null) =>
    get<SearchAnswer>(`${V1}/search`, { q, limit, as_at: asAt ?? undefined }, 'the search'),
  schoolsBeyond: (s: Scope & { la_code?: string | null; radius_km: number; limit: number; offset: number }) =>
    get<SchoolsBeyond>(`${V1}/schools-beyond`, { ...s }, 'the schools beyond reach'),
};

/** The API's own CSV for a list, with the same filters as the page (for "download all" links). */
export function csvUrl(path: string, params: Params): string {
  return apiUrl(`${V1}/${path}`, { ...params, format: 'csv', limit: 1000 }, pinned);
}

// Uploads (issue 6): the admin's only write. The token is sent as a header and never kept by this module.

/** The importer's report, with the preview of what a network list changes (null for other kinds). */
export type UploadReport = ImportReportAnswer;
export type UploadFieldError = UploadReport['errors'][number];
export type ImportPreview = NonNullable<UploadReport['preview']>;

export interface UploadRequest {
  file: File;
  kind: ImportKind;
  asAt: string | null;
  dryRun: boolean;
  token: string;
  /** What the admin confirmed of a list that needs it (report.confirmations of its dry run). */
  confirm?: string[];
}

export interface UploadAnswer {
  /** The kept report's id (GET /api/v1/imports/:id), null when the server could not keep it. */
  id: number | null;
  report: UploadReport;
}

/** An upload the server refused: its status, its message, and the bad values it listed (422). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: { parameter?: string; value?: unknown; row?: number; message: string }[] = [],
    /** For a rejected commit: the kept report (every error with its row, column and value). */
    readonly report: UploadAnswer | null = null,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

async function errorOf(response: Response): Promise<UploadError> {
  let message = `${response.status} ${response.statusText}`.trim();
  let details: UploadError['details'] = [];
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (body.error?.message) message = body.error.message;
    details = body.error?.details ?? [];
  } catch {
    // not the API's JSON error shape: keep the status line
  }
  let report: UploadAnswer | null = null;
  const location = response.headers.get('location');
  if (response.status === 422 && location?.startsWith(`${V1}/imports/`)) {
    try {
      const kept = await fetch(location, { headers: { accept: 'application/json' } });
      if (kept.ok) {
        const body = (await kept.json()) as { id: number; report: UploadReport };
        report = { id: body.id, report: body.report };
      }
    } catch {
      // the error shape's details still list every bad value
    }
  }
  return new UploadError(message, response.status, details, report);
}

/** POST /api/v1/imports as a multipart form. Resolves with the report (200, 201); rejects with an UploadError. */
export async function uploadImport(request: UploadRequest): Promise<UploadAnswer> {
  const form = new FormData();
  form.set('kind', request.kind);
  if (request.asAt) form.set('as_at', request.asAt);
  form.set('dry_run', String(request.dryRun));
  if (request.confirm && request.confirm.length > 0) form.set('confirm', request.confirm.join(','));
  form.set('file', request.file, request.file.name);
  let response: Response;
  try {
    response = await fetch(`${V1}/imports`, {
      method: 'POST',
      headers: { accept: 'application/json', authorization: `Bearer ${request.token}` },
      body: form,
      cache: 'no-store',
    });
  } catch {
    throw new UploadError(
      'Could not reach the server to send the file. Check your connection and try again.',
      0,
    );
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as UploadAnswer;
}
