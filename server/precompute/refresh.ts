// What an import changes beyond its own rows: the figures derived from them (migration 003), worked out inside
// the import's transaction so that readers see the rows and the figures together, and no read computes them.
import type { Db } from '../db/gateway.js';
import { derivedFiguresMissing } from '../db/queries/reach.js';
import { snapshotIds } from '../db/queries/snapshots.js';
import {
  rewriteEstablishmentIndex,
  rewriteRegisterAreaSchools,
  rewriteSearchIndex,
} from '../db/writes/derived.js';
import { rewriteAreaSchools } from './area-schools.js';
import { refreshAdjacency } from './adjacency.js';
import { refreshEstablishmentAreas, refreshServedAreas } from './later-areas.js';
import { refreshListReach, schoolPointsOnce } from './reach.js';
import type { SchoolPoints } from './school-points.js';

/** What was imported: a kind, and for a network list, its network and date. */
export interface Imported {
  kind: string;
  network: string | null;
  as_at: string | null;
}

/**
 * Works out again what an import of this kind changes. `written`: the located schools an establishments import
 * wrote, gathered as it wrote them (their later areas are added here, once worked out).
 */
export function refreshAfterImport(db: Db, imported: Imported, written: SchoolPoints | null = null): void {
  switch (imported.kind) {
    case 'establishments':
      // area_schools is tallied by the import's writer as it writes the rows (precompute/area-schools.ts), for
      // the areas of 2011-2018; the later areas' are worked out from where their establishments lie.
      // Every list's distances are from the establishments: all of them change. So do the register's
      // establishments with a location, and which establishments are searched.
      refreshEstablishmentAreas(db);
      rewriteRegisterAreaSchools(db);
      refreshEveryListReach(db, schoolPointsOnce(db, written?.addLaterAreas(db) ?? null));
      rewriteEstablishmentIndex(db);
      return;
    case 'teaching-schools':
    case 'nles':
    case 'hubs': {
      for (const id of snapshotIds(db, imported.network, imported.as_at)) refreshListReach(db, id);
      rewriteSearchIndex(db);
      return;
    }
    case 'council-areas':
      // The areas of each date, and so where establishments and members lie in them, may have changed.
      refreshLaterAreas(db);
      rewriteSearchIndex(db);
      return;
    case 'area-aliases':
    case 'area-successors':
      rewriteSearchIndex(db);
      return;
    case 'register':
      // It names the council area of 2024 of establishments in areas split since: they may move. Its names are
      // searched.
      rewriteRegisterAreaSchools(db);
      refreshLaterAreas(db);
      rewriteEstablishmentIndex(db);
      return;
    case 'boundaries':
      refreshAdjacency(db);
      refreshLaterAreas(db);
      return;
    default:
      return;
  }
}

/**
 * What a dry run's preview reads of a network list beyond its rows: the areas each member serves in the areas of
 * every date (the distances, which no preview reads, are spared).
 */
export function refreshServedAreasAfterImport(db: Db, imported: Imported): void {
  if (imported.network === null) return;
  for (const id of snapshotIds(db, imported.network)) refreshServedAreas(db, id);
}

/** Where establishments and members lie in the areas created since 2018, and every list's distances with them. */
function refreshLaterAreas(db: Db): void {
  refreshEstablishmentAreas(db);
  refreshEveryListReach(db);
}

/** Every list's distances, from the same located schools (read once, when a list first needs them). */
function refreshEveryListReach(db: Db, points = schoolPointsOnce(db)): void {
  for (const id of snapshotIds(db, null)) refreshListReach(db, id, points);
}

/** Works out every derived figure again (a database filled before they were kept). */
export function refreshAll(db: Db): void {
  rewriteAreaSchools(db);
  rewriteRegisterAreaSchools(db);
  refreshEstablishmentAreas(db);
  refreshEveryListReach(db);
  rewriteSearchIndex(db);
  rewriteEstablishmentIndex(db);
  refreshAdjacency(db);
}

/** Fills in the derived figures of a database that has data but not them; says whether it had to. */
export function ensureDerivedFigures(db: Db): boolean {
  if (!derivedFiguresMissing(db)) return false;
  db.transaction(() => refreshAll(db))();
  return true;
}
