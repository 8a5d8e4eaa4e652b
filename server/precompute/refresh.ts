// What an import changes beyond its own rows: the figures derived from them (migration 003), worked out inside
// the import's transaction so that readers see the rows and the figures together, and no read computes them.
import type { Db } from '../db/gateway.js';
import { derivedFiguresMissing } from '../db/queries/reach.js';
import { snapshotIds } from '../db/queries/snapshots.js';
import { rewriteSearchIndex } from '../db/writes/derived.js';
import { rewriteAreaSchools } from './area-schools.js';
import { refreshAdjacency } from './adjacency.js';
import { refreshListReach } from './reach.js';

/** What was imported: a kind, and for a network list, its network and date. */
export interface Imported {
  kind: string;
  network: string | null;
  as_at: string | null;
}

/** Works out again what an import of this kind changes. */
export function refreshAfterImport(db: Db, imported: Imported): void {
  switch (imported.kind) {
    case 'establishments':
      // area_schools is tallied by the import's writer as it writes the rows (precompute/area-schools.ts).
      // Every list's distances are from the establishments: all of them change.
      for (const id of snapshotIds(db, null)) refreshListReach(db, id);
      return;
    case 'teaching-schools':
    case 'nles':
    case 'hubs': {
      for (const id of snapshotIds(db, imported.network, imported.as_at)) refreshListReach(db, id);
      rewriteSearchIndex(db);
      return;
    }
    case 'council-areas':
    case 'area-aliases':
    case 'area-successors':
      rewriteSearchIndex(db);
      return;
    case 'boundaries':
      refreshAdjacency(db);
      return;
    default:
      return;
  }
}

/** Works out every derived figure again (a database filled before they were kept). */
export function refreshAll(db: Db): void {
  rewriteAreaSchools(db);
  for (const id of snapshotIds(db, null)) refreshListReach(db, id);
  rewriteSearchIndex(db);
  refreshAdjacency(db);
}

/** Fills in the derived figures of a database that has data but not them; says whether it had to. */
export function ensureDerivedFigures(db: Db): boolean {
  if (!derivedFiguresMissing(db)) return false;
  db.transaction(() => refreshAll(db))();
  return true;
}
