import { type Db, all, run } from '../gateway.js';

export type BoundaryLevel = 'council-areas' | 'regions';

/** One TopoJSON document per level; a new one replaces the old. */
export function replaceBoundaries(
  db: Db,
  importId: number,
  b: { level: BoundaryLevel; object: string; features: number; topojson: string },
): void {
  run(
    db,
    `INSERT INTO boundaries (level, object, features, topojson, import_id) VALUES (@level, @object, @features, @topojson, @import_id)
     ON CONFLICT (level) DO UPDATE SET object = excluded.object, features = excluded.features,
       topojson = excluded.topojson, import_id = excluded.import_id`,
    { ...b, import_id: importId },
  );
}

/** The import whose boundaries a level holds now, if any. */
export function boundaryImportIds(db: Db, level: BoundaryLevel): number[] {
  return all<{ import_id: number }>(db, 'SELECT import_id FROM boundaries WHERE level = ?', [level]).map(
    (row) => row.import_id,
  );
}
