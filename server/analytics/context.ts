import type { Db } from '../db/gateway.js';
import { phaseNames, type RegionRow, regionRows } from '../db/queries/areas.js';
import { REACH_STEP_KM } from '../db/queries/reach.js';
import { daysBetween } from '../../common/dates.js';
import { ParameterError } from './errors.js';
import type { ListInForce } from './list-in-force.js';

// What most questions start from: a network's snapshot on a date, and the filters named by the caller.

export { NETWORKS, type NetworkId } from '../../common/networks.js';
import type { Answered } from '../contract/common.js';
export type { Answered };
import type { NetworkId } from '../../common/networks.js';

export interface NetworkOnDate {
  network: NetworkId;
  /** YYYY-MM-DD; absent: the latest snapshot. */
  as_at?: string | undefined;
}

/** The region a value names by its code or name, in any case; undefined when it names none. */
export function regionNamed(db: Db, value: string): RegionRow | undefined {
  const wanted = value.toLowerCase();
  return regionRows(db).find((r) => r.code.toLowerCase() === wanted || r.name.toLowerCase() === wanted);
}

/** A region's code from its code or name (any case); null when not given. */
export function regionCode(db: Db, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const found = regionNamed(db, value);
  if (found) return found.code;
  throw new ParameterError(
    'region',
    value,
    `'${value}' is not a region (${regionRows(db)
      .map((r) => r.name)
      .join(', ')})`,
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

/** The day an answer is about: the date asked, or the list's own date when none is. */
export function dayAsked(params: NetworkOnDate, list: ListInForce): string {
  return params.as_at ?? list.as_at;
}

/**
 * What every answer about a date says first: the network, the date asked about, the list that answered, the last
 * day that list is in force, and how old it is on the date asked about.
 */
export function answeredFrom(params: NetworkOnDate, list: ListInForce): Answered {
  const asAt = dayAsked(params, list);
  return {
    network: params.network,
    as_at: asAt,
    snapshot_as_at: list.as_at,
    snapshot_in_force_to: list.in_force_to,
    snapshot_age_days: daysBetween(list.as_at, asAt),
  };
}

/**
 * A radius as distances are kept: to the nearest REACH_STEP_KM (0.5 km), at least one step. 15.2 km and 15 km ask
 * the same question, and are answered (and cached) as one.
 */
export function roundRadius(km: number): { km: number; steps: number } {
  const steps = Math.max(1, Math.round(km / REACH_STEP_KM));
  return { km: steps * REACH_STEP_KM, steps };
}
