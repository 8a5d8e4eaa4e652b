import type { Db } from '../db/gateway.js';
import { phaseNames, regionRows } from '../db/queries/areas.js';
import { REACH_STEP_KM } from '../db/queries/reach.js';
import { snapshotOn, snapshotsOf, type SnapshotRef } from '../db/queries/snapshots.js';
import { NotFoundError, ParameterError } from './errors.js';

// What most questions start from: a network's snapshot on a date, and the filters named by the caller.

export { NETWORKS, type NetworkId } from '../../common/networks.js';
import type { NetworkId } from '../../common/networks.js';

export interface NetworkOnDate {
  network: NetworkId;
  /** YYYY-MM-DD; absent: the latest snapshot. */
  as_at?: string | undefined;
}

/** The snapshot in force: the network's latest on or before as_at. Throws NotFoundError when there is none. */
export function snapshotFor(db: Db, { network, as_at }: NetworkOnDate): SnapshotRef {
  const snapshot = snapshotOn(db, network, as_at);
  if (snapshot) return snapshot;
  const first = snapshotsOf(db, network)[0];
  if (!first) throw new NotFoundError(`no ${network} list has been imported`);
  throw new NotFoundError(`no ${network} list on or before ${as_at}; the first is as at ${first.as_at}`);
}

/** A region's code from its code or name (any case); null when not given. */
export function regionCode(db: Db, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const regions = regionRows(db);
  const wanted = value.toLowerCase();
  const found = regions.find((r) => r.code.toLowerCase() === wanted || r.name.toLowerCase() === wanted);
  if (found) return found.code;
  throw new ParameterError(
    'region',
    value,
    `'${value}' is not a region (${regions.map((r) => r.name).join(', ')})`,
  );
}

/** A phase as the registry spells it, matched ignoring case; null when not given. */
export function phaseName(db: Db, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const phases = phaseNames(db);
  const found = phases.find((p) => p.toLowerCase() === value.toLowerCase());
  if (found) return found;
  throw new ParameterError('phase', value, `'${value}' is not a phase (${phases.join(', ')})`);
}

/** A LIKE pattern matching names containing the text (wildcards in it taken literally); null when not given. */
export function containsPattern(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Rounds to a number of decimals (half away from zero), for percentages and rates. */
export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.sign(value) * (Math.round(Math.abs(value) * f + Number.EPSILON) / f);
}

/** What every answer about a date says first: the network, the date asked about, and the list that answered. */
export function answeredFrom(params: NetworkOnDate, snapshot: SnapshotRef) {
  return { network: params.network, as_at: params.as_at ?? snapshot.as_at, snapshot_as_at: snapshot.as_at };
}

/**
 * A radius as distances are kept: to the nearest REACH_STEP_KM (0.5 km), at least one step. 15.2 km and 15 km ask
 * the same question, and are answered (and cached) as one.
 */
export function roundRadius(km: number): { km: number; steps: number } {
  const steps = Math.max(1, Math.round(km / REACH_STEP_KM));
  return { km: steps * REACH_STEP_KM, steps };
}
