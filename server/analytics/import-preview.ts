import type { ImportPreview } from '../contract/import-report.js';
import type { Db } from '../db/gateway.js';
import { councilAreaRows } from '../db/queries/areas.js';
import { snapshotOn, snapshotsOf } from '../db/queries/snapshots.js';
import { NotFoundError } from './errors.js';
import type { NetworkId } from './context.js';
import { listChanges, listState } from './snapshots.js';

export type { ImportPreview };

export interface ImportPreviewParams {
  network: NetworkId;
  as_at: string;
  /**
   * The database as readers see it now: a connection of its own, outside the import's transaction. The list in
   * force before the import is read from it, since an import that replaces a list of the same date has already
   * deleted that list inside its transaction.
   */
  committed: Db;
}

/**
 * The preview of a network list's import, computed inside the import's transaction (`db`) once every row is
 * written: the list in force on its date before (from `committed`) against the new list (from `db`).
 */
export function importPreview(db: Db, params: ImportPreviewParams): ImportPreview {
  const { network, as_at } = params;
  const after = snapshotOn(db, network, as_at);
  if (!after || after.as_at !== as_at)
    throw new NotFoundError(`no ${network} list as at ${as_at} to preview`);
  const before = snapshotOn(params.committed, network, as_at) ?? null;
  const a = listState(params.committed, network, before?.id ?? null);
  const b = listState(db, network, after.id);
  const next = snapshotsOf(db, network).find((s) => s.as_at > as_at) ?? null;
  const areas = councilAreaRows(db);
  return {
    network,
    as_at,
    compared_with: before?.as_at ?? null,
    members: { from: a.members.length, to: b.members.length },
    next_list: next?.as_at ?? null,
    ...listChanges(areas, a, b),
    against_next: next && listChanges(areas, b, listState(db, network, next.id)),
  };
}
