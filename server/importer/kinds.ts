import type { NetworkId } from '../../common/networks.js';
import type { Db } from '../db/gateway.js';
import { areaContext, areaTables } from './area-context.js';
import { boundaryImportIds, replaceBoundaries } from '../db/writes/boundaries.js';
import { aliasKey, insertAlias, upsertArea, upsertComposition } from '../db/writes/council-areas.js';
import {
  ESTABLISHMENT_FIELDS,
  clearEstablishments,
  clearRegister,
  establishmentsAsAt,
  insertEstablishment,
  insertEstablishmentValues,
  insertRegisterEstablishment,
} from '../db/writes/establishments.js';
import { committedImports } from '../db/writes/imports.js';
import { unknownMetrics } from '../db/queries/milestones.js';
import { clearMilestones, insertMilestone, upsertMetric } from '../db/writes/milestones.js';
import {
  findSnapshot,
  type HubListingFields,
  insertSnapshotMember,
  memberKeysAsAt,
  pruneUnlisted,
  replaceSnapshot,
} from '../db/writes/networks.js';
import type { CsvFormat } from './format.js';
import { areaList, districtLookup, type CouncilAreaRecord } from './formats/council-areas.js';
import { giasExtract, type EstablishmentRecord } from './formats/establishments.js';
import { milestoneList, type MilestoneRecord } from './formats/milestones.js';
import { hubFinderList, hubListByArea, type HubRecord } from './formats/hub-lists.js';
import { nleList, teachingSchoolList, type MemberRecord } from './formats/networks.js';
import { hubListings, type HubListingRow } from '../db/queries/hubs.js';
import { matchHubs } from '../hubs/match.js';
import type { HubClass } from '../hubs/types.js';
import { placeTables, placesOf } from './hub-places.js';
import {
  aliasTable,
  metricTable,
  successorTable,
  type AliasRecord,
  type MetricRecord,
} from './formats/reference.js';
import { networkPeriodTable, publicationTable } from './formats/sources.js';
import { giasRegister, OPEN_STATUSES, type RegisterRecord } from './formats/register.js';
import { areasOnDate } from './area-context.js';
import { upsertNetworkPeriod, upsertPublication } from '../db/writes/sources.js';
import type { BoundaryRecord } from './boundaries.js';
import { AreaSchoolsTally } from '../precompute/area-schools.js';
import { SchoolPoints } from '../precompute/school-points.js';
import { replaceAreaSchools } from '../db/writes/derived.js';

export const IMPORT_KINDS = [
  'council-areas',
  'boundaries',
  'establishments',
  'teaching-schools',
  'nles',
  'hubs',
  'milestones',
  'area-aliases',
  'area-successors',
  'metrics',
  'network-periods',
  'publications',
  'register',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** Writes one kind's records inside the import's transaction. */
export interface KindWriter<R> {
  /** Imports whose rows this one replaces (marked superseded once it commits). */
  supersedes: number[];
  /** Writes a record; returns whether anything changed. */
  add(record: R): boolean;
  /**
   * For a writer that can take records packed as they cross between threads (packed-records.ts): the fields
   * it takes, in order, and what writes a batch of their values (returning how many records it wrote).
   */
  packed?: { fields: readonly string[]; add(values: unknown[]): number };
  /** What the import changes beyond row counts (joiners and leavers of a network list). */
  changes?(): SnapshotChanges;
  /** Last work and checks once every row is written: a message here rejects the whole import. */
  finish?(): string | null;
  /** The located schools written (establishments), for the distances worked out after them. */
  schoolPoints?(): SchoolPoints;
}

export interface SnapshotChanges {
  compared_with: string | null;
  joined: string[];
  left: string[];
  /** Hubs: every match between the two lists that rests on weak evidence, with that evidence (else empty). */
  weak_matches: WeakMatch[];
  /** Hubs: each listed name that is no place known here ('East London'), kept as written and placed nowhere. */
  unplaced?: { key: string; place: string }[];
}

export interface WeakMatch {
  class: HubClass;
  from: string[];
  to: string[];
  weak: string[];
}

export interface KindSpec<R> {
  kind: ImportKind;
  network: NetworkId | null;
  /** The file is a full list as at a date, so the import needs one (given, or carried by the rows). */
  needsAsAt: boolean;
  formats: CsvFormat<R>[];
  writer(db: Db, importId: number, asAt: string | null): KindWriter<R>;
}

const changed = () => true;

interface HubHooks<R> {
  listing: (db: Db) => (record: R) => HubListingFields;
}

function networkSpec<R extends MemberRecord>(
  kind: NetworkId,
  formats: CsvFormat<R>[],
  hubs?: HubHooks<R>,
): KindSpec<R> {
  return {
    kind,
    network: kind,
    needsAsAt: true,
    formats,
    writer(db, importId, asAt) {
      const previous = findSnapshot(db, kind, asAt!);
      const before = listBefore(db, kind, asAt!, hubs !== undefined);
      const snapshot = { id: replaceSnapshot(db, importId, kind, asAt!), network_id: kind };
      const listing = hubs?.listing(db);
      const keys = new Set<string>();
      return {
        supersedes: previous ? [previous.import_id] : [],
        add(record) {
          insertSnapshotMember(db, importId, snapshot, record, listing?.(record));
          keys.add(record.key);
          return true;
        },
        changes: () =>
          before.hubs ? hubListChanges(before, hubListings(db, snapshot.id)) : keyChanges(before, keys),
        // A replaced list's members and groups that no list names any more would linger in search.
        finish: () => (pruneUnlisted(db, kind), null),
      };
    },
  };
}

interface ListBefore {
  as_at: string | null;
  keys: Set<string>;
  /** Hubs: the list's hubs with their districts (read before a same-date list is replaced). */
  hubs: HubListingRow[] | null;
}

function listBefore(db: Db, kind: string, asAt: string, hubs: boolean): ListBefore {
  const before = memberKeysAsAt(db, kind, asAt);
  const snapshot = hubs && before.as_at !== null ? findSnapshot(db, kind, before.as_at) : undefined;
  return { ...before, hubs: hubs ? (snapshot ? hubListings(db, snapshot.id) : []) : null };
}

const keyChanges = (before: ListBefore, keys: Set<string>): SnapshotChanges => ({
  compared_with: before.as_at,
  joined: [...keys].filter((key) => !before.keys.has(key)),
  left: [...before.keys].filter((key) => !keys.has(key)),
  weak_matches: [],
});

/** A hub's code names nothing across lists: who joined and left is what the match of their areas says. */
function hubListChanges(before: ListBefore, after: HubListingRow[]): SnapshotChanges {
  const match = matchHubs(before.hubs!, after);
  const links = match.changes.flatMap((c) => c.same_hub);
  return {
    compared_with: before.as_at,
    joined: after.map((h) => h.key).filter((key) => !links.some((l) => l.to === key)),
    left: before.hubs!.map((h) => h.key).filter((key) => !links.some((l) => l.from === key)),
    weak_matches: match.changes
      .filter((c) => c.weak.length > 0)
      .map((c) => ({ class: c.class, from: c.from, to: c.to, weak: c.weak })),
    unplaced: after.flatMap((h) =>
      h.places.filter((p) => p.unplaced).map((p) => ({ key: h.key, place: p.name })),
    ),
  };
}

/**
 * Hubs: each with the districts it serves as places. A hub is located only by its own list's lead school, never by
 * an earlier list's: it reaches the areas it serves, not a distance from a school (issue 25).
 */
const hubSpec = networkSpec<HubRecord>('hubs', [hubFinderList, hubListByArea], {
  listing(db) {
    const tables = placeTables(db);
    return (record) => ({ ...record.hub, places: placesOf(record.hub.places, tables) });
  },
});

const councilAreas: KindSpec<CouncilAreaRecord> = {
  kind: 'council-areas',
  network: null,
  needsAsAt: false,
  formats: [areaList, districtLookup],
  writer: (db, importId) => ({
    supersedes: [],
    finish: () => areaTablesProblem(db),
    add: (record) =>
      record.variant === 'area'
        ? upsertArea(db, importId, record)
        : insertAlias(db, importId, {
            alias: record.district_name,
            la_code: record.la_code,
            kind: 'district',
            source: record.district_code ? `district ${record.district_code}` : 'district lookup',
          }),
  }),
};

const establishments: KindSpec<EstablishmentRecord> = {
  kind: 'establishments',
  network: null,
  needsAsAt: true,
  formats: [giasExtract],
  writer(db, importId, asAt) {
    const current = establishmentsAsAt(db);
    const supersedes = committedImports(db, 'establishments');
    const tally = new AreaSchoolsTally();
    // Gathered from the rows as they are written: reading them back for the distances took 0.5 s of 400,000.
    const points = new SchoolPoints();
    const restoreIndexes = clearEstablishments(db);
    return {
      supersedes,
      add: (record) => {
        insertEstablishment(db, importId, record);
        tally.add(record);
        const { urn, la_code, in_council_areas, phase, latitude, longitude } = record;
        points.addEstablishment(urn, la_code, in_council_areas, phase, latitude, longitude);
        return true;
      },
      packed: {
        fields: ESTABLISHMENT_FIELDS,
        add: (values) => {
          insertEstablishmentValues(db, importId, values);
          tally.addPacked(values);
          points.addPacked(values);
          return values.length / ESTABLISHMENT_FIELDS.length;
        },
      },
      schoolPoints: () => points,
      finish: () => {
        // One set of establishments is kept: the latest. An older list must not replace a newer one.
        if (current !== null && current > asAt!) {
          return `the establishments held are as at ${current}, later than ${asAt}; an older list would replace them`;
        }
        restoreIndexes();
        replaceAreaSchools(db, tally.rows());
        return null;
      },
    };
  },
};

const milestones: KindSpec<MilestoneRecord> = {
  kind: 'milestones',
  network: null,
  needsAsAt: false,
  formats: [milestoneList],
  writer(db, importId) {
    const supersedes = committedImports(db, 'milestones');
    clearMilestones(db);
    return {
      supersedes,
      add: (record) => (insertMilestone(db, importId, record), true),
      // A milestone the analytics cannot place (which network, what measure) would be left out without a word.
      finish: () => {
        const unknown = unknownMetrics(db, importId);
        return unknown.length === 0
          ? null
          : `metric: ${unknown.map((m) => `'${m}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not ` +
              'in the metrics table; import a metrics file naming each metric (see data/reference/metrics.csv) first';
      },
    };
  },
};

function aliasSpec(
  kind: 'area-aliases' | 'area-successors',
  format: CsvFormat<AliasRecord>,
): KindSpec<AliasRecord> {
  return {
    kind,
    network: null,
    needsAsAt: false,
    formats: [format],
    writer(db, importId) {
      const compositions = new CompositionCheck();
      return {
        supersedes: [],
        add(record) {
          const alias = insertAlias(db, importId, record);
          if (!record.composition) return alias;
          compositions.see(record.alias, record.composition);
          return upsertComposition(db, importId, record.alias, record.composition) || alias;
        },
        finish: () => compositions.problem() ?? areaTablesProblem(db),
      };
    },
  };
}

/** A reference table upserted row by row (metrics, network periods, publications). */
function referenceSpec<R>(
  kind: 'metrics' | 'network-periods' | 'publications',
  format: CsvFormat<R>,
  upsert: (db: Db, importId: number, record: R) => boolean,
): KindSpec<R> {
  return {
    kind,
    network: null,
    needsAsAt: false,
    formats: [format],
    writer: (db, importId) => ({ supersedes: [], add: (record) => upsert(db, importId, record) }),
  };
}

/** A successor named on several rows (one per council area) must give the same districts on each. */
class CompositionCheck {
  private readonly seen = new Map<string, string>();
  private readonly clashes: string[] = [];

  see(name: string, composition: NonNullable<AliasRecord['composition']>): void {
    const key = aliasKey(name);
    const value = JSON.stringify(composition);
    const before = this.seen.get(key);
    if (before !== undefined && before !== value) this.clashes.push(name);
    this.seen.set(key, value);
  }

  problem(): string | null {
    return this.clashes.length === 0
      ? null
      : `districts_2013 and part differ between the rows of ${this.clashes.map((n) => `'${n}'`).join(', ')}`;
  }
}

/** Names and aliases must still say one thing each once a file has changed them, or no later file could be matched. */
function areaTablesProblem(db: Db): string | null {
  try {
    areaContext(areaTables(db));
    return null;
  } catch (error) {
    return `the council-area names would contradict each other: ${(error as Error).message}`;
  }
}

/** Boundaries are TopoJSON, not CSV: they have a writer but no CSV formats. */
export function boundaryWriter(
  db: Db,
  importId: number,
  level: BoundaryRecord['level'],
): KindWriter<BoundaryRecord> {
  return {
    supersedes: boundaryImportIds(db, level),
    add: (record) => (replaceBoundaries(db, importId, record), changed()),
  };
}

/**
 * A GIAS register of a date (names, phase, status, council-area name): it names establishments and says which were
 * open then; its council areas are matched to those in force on its date (a 'Pre-LGR' name of an area split since
 * to none). It replaces the register held.
 */
const register: KindSpec<RegisterRecord> = {
  kind: 'register',
  network: null,
  needsAsAt: true,
  formats: [giasRegister],
  writer(db, importId, asAt) {
    const supersedes = committedImports(db, 'register');
    const areas = areasOnDate(db);
    const codes = new Map<string, string | null>();
    const codeOf = (name: string | null): string | null => {
      if (name === null) return null;
      let code = codes.get(name);
      if (code === undefined) {
        const found = name.startsWith('Pre-LGR') ? null : areas.match(name, asAt!);
        code = found?.ok && found.la_codes.length === 1 ? found.la_codes[0]! : null;
        codes.set(name, code);
      }
      return code;
    };
    clearRegister(db);
    return {
      supersedes,
      add: (record) => (
        insertRegisterEstablishment(db, importId, {
          ...record,
          la_code: codeOf(record.la_name),
          is_open: OPEN_STATUSES.includes(record.status),
        }),
        true
      ),
    };
  },
};

// The union of record types is erased here: each spec only ever sees records of its own formats.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const CSV_KINDS: Record<Exclude<ImportKind, 'boundaries'>, KindSpec<any>> = {
  'council-areas': councilAreas,
  establishments,
  'teaching-schools': networkSpec('teaching-schools', [teachingSchoolList]),
  nles: networkSpec('nles', [nleList]),
  hubs: hubSpec,
  milestones,
  'area-aliases': aliasSpec('area-aliases', aliasTable),
  'area-successors': aliasSpec('area-successors', successorTable),
  metrics: referenceSpec<MetricRecord>('metrics', metricTable, upsertMetric),
  'network-periods': referenceSpec('network-periods', networkPeriodTable, upsertNetworkPeriod),
  publications: referenceSpec('publications', publicationTable, upsertPublication),
  register,
};
