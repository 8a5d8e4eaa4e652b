import type { Progress } from '../contract/progress.js';
import type { Db } from '../db/gateway.js';
import { networkPeriodRows } from '../db/queries/sources.js';
import { snapshotsOf, type SnapshotRef } from '../db/queries/snapshots.js';
import { addDays, periodEnd, periodStart, formatDate, type Precision } from '../../common/dates.js';
import { NotFoundError } from './errors.js';
import { networkRow } from './labels.js';

// A list is in force from its date until the network's next list or the network's end, never after: the one
// rule every answer about a date follows (summary, coverage, members, the map and the area profile alike).

/** When a network started and ended, as published (the answer's shape: server/contract/progress.ts). */
export type NetworkPeriod = Progress['period'];
type PeriodBoundary = NonNullable<NetworkPeriod['started']>;

/** When a network started and ended, as the project's reference table has it; null where no source says. */
export function networkPeriod(db: Db, network: string): NetworkPeriod {
  const rows = networkPeriodRows(db).filter((r) => r.network_id === network);
  const boundary = (which: 'start' | 'end'): PeriodBoundary | null => {
    const row = rows.find((r) => r.boundary === which);
    if (!row) return null;
    const precision = row.precision as Precision;
    const day = which === 'start' ? periodStart(row.date, precision) : periodEnd(row.date, precision);
    const { network_id: _n, boundary: _b, ...published } = row;
    return { ...published, precision, day };
  };
  return { started: boundary('start'), ended: boundary('end') };
}

/** The list in force on a date, and the last day it stays in force. */
export interface ListInForce extends SnapshotRef {
  /** The day before the network's next list, or the network's last day; null: in force with no end known. */
  in_force_to: string | null;
}

/** Why no list is in force on a date: none imported, the date is before the first, or the network had ended. */
export interface NoListInForce {
  reason: 'none-imported' | 'before-first' | 'ended';
  message: string;
}

export function isListInForce(found: ListInForce | NoListInForce): found is ListInForce {
  return 'id' in found;
}

/** A network ended before the date asked about: no list is in force, and the message says when it ended. */
export class NetworkEndedError extends NotFoundError {
  constructor(
    message: string,
    readonly ended: PeriodBoundary,
  ) {
    super(message);
    this.name = 'NetworkEndedError';
  }
}

function endedMessage(
  name: string,
  ended: PeriodBoundary,
  asAt: string,
  last: SnapshotRef | undefined,
): string {
  const when =
    ended.precision === 'day'
      ? formatDate(ended.day, 'day')
      : `${formatDate(ended.day, 'day')}, the end of ${formatDate(ended.date, ended.precision)}`;
  const lastList = last ? ` The last list, as at ${last.as_at}, was in force until ${ended.day}.` : '';
  return `${name} ended on ${when} (${ended.source_title}): no list is in force on ${asAt}.${lastList}`;
}

/** The list of a network in force on a date (its latest when no date is given), or why there is none. */
export function findListInForce(
  db: Db,
  network: string,
  asAt: string | undefined,
): ListInForce | NoListInForce {
  const lists = snapshotsOf(db, network);
  const { ended } = networkPeriod(db, network);
  const name = networkRow(db, network).name;
  if (lists.length === 0) return { reason: 'none-imported', message: `no ${network} list has been imported` };
  if (asAt !== undefined && ended && asAt > ended.day) {
    return {
      reason: 'ended',
      message: endedMessage(name, ended, asAt, lists.filter((l) => l.as_at <= ended.day).at(-1)),
    };
  }
  const index = asAt === undefined ? lists.length - 1 : lists.findLastIndex((l) => l.as_at <= asAt);
  if (index < 0) {
    return {
      reason: 'before-first',
      message: `no ${network} list on or before ${asAt}; the first is as at ${lists[0]!.as_at}`,
    };
  }
  const next = lists[index + 1];
  return { ...lists[index]!, in_force_to: next ? addDays(next.as_at, -1) : (ended?.day ?? null) };
}

/** The list of a network in force on a date. Throws NotFoundError (NetworkEndedError after the end) when none is. */
export function listInForce(db: Db, params: { network: string; as_at?: string | undefined }): ListInForce {
  const found = findListInForce(db, params.network, params.as_at);
  if (isListInForce(found)) return found;
  if (found.reason === 'ended')
    throw new NetworkEndedError(found.message, networkPeriod(db, params.network).ended!);
  throw new NotFoundError(found.message);
}
