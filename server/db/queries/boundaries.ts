import { one, type Db } from '../gateway.js';

export interface BoundaryRow {
  level: string;
  object: string;
  features: number;
  topojson: string;
  import_id: number;
}

/** The TopoJSON document of a level ('council-areas' or 'regions'), as imported. */
export function boundaryRow(db: Db, level: string): BoundaryRow | undefined {
  return one<BoundaryRow>(
    db,
    'SELECT level, object, features, topojson, import_id FROM boundaries WHERE level = ?',
    [level],
  );
}
