import type { FieldError } from './format.js';
import type { BoundaryLevel } from '../db/writes/boundaries.js';
import { arcsProblem, geometryProblem, type TopologyDoc, type TopologyGeometry } from './topology-shape.js';

export interface BoundaryRecord {
  level: BoundaryLevel;
  object: string;
  features: number;
  topojson: string;
}

/** The codes a boundaries file must hold, one geometry each: the registry's council areas and regions. */
export interface KnownCodes {
  councilAreas: readonly string[];
  regions: readonly string[];
  /** The council areas a file must cover: those of 2011-2018 (later areas may be drawn too). Default: all. */
  requiredAreas?: readonly string[];
}

const fileError = (message: string, value = ''): FieldError => ({
  row: 0,
  column: 'topojson',
  value,
  message,
});

type Checked<T> = { ok: true; record: T } | { ok: false; errors: FieldError[] };
const failed = (message: string, value = ''): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [fileError(message, value)],
});

/** The topology's one object, a GeometryCollection with geometries. */
function theObject(
  text: string,
): Checked<{ doc: TopologyDoc; name: string; geometries: TopologyGeometry[] }> {
  let doc: TopologyDoc;
  try {
    doc = JSON.parse(text) as TopologyDoc;
  } catch (error) {
    return failed(`not JSON: ${(error as Error).message}`);
  }
  if (doc?.type !== 'Topology' || typeof doc.objects !== 'object' || doc.objects === null) {
    return failed("not a TopoJSON topology (type must be 'Topology' with objects)");
  }
  const names = Object.keys(doc.objects);
  if (names.length !== 1) return failed(`expected one object, found ${names.length}`, names.join(', '));
  const name = names[0]!;
  const object = doc.objects[name];
  if (object?.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
    return failed(`the object must be a GeometryCollection of areas, not ${String(object?.type)}`, name);
  }
  if (object.geometries.length === 0) return failed('the object has no geometries', name);
  const problem = arcsProblem(doc);
  if (problem !== null) return failed(problem);
  return { ok: true, record: { doc, name, geometries: object.geometries as TopologyGeometry[] } };
}

/**
 * A TopoJSON file of the council areas (each geometry with a 'la_code' property) or of England's regions (ids
 * 'E12000001'...): one drawable polygon for each code the registry knows, and no other. The text is kept as it
 * came, so what is served is what was published.
 */
export function validateTopology(text: string, known: KnownCodes): Checked<BoundaryRecord> {
  const found = theObject(text);
  if (!found.ok) return found;
  const { doc, name, geometries } = found.record;
  const isAreas = geometries.some((g) => g.properties && 'la_code' in g.properties);
  const expected = new Set(isAreas ? known.councilAreas : known.regions);
  const column = isAreas ? 'properties.la_code' : 'id';
  const what = isAreas ? 'a known council area code' : 'a known region code (E12...)';
  const arcCount = (doc.arcs as unknown[]).length;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  geometries.forEach((geometry, index) => {
    const id = String(isAreas ? (geometry.properties?.la_code ?? '') : (geometry.id ?? ''));
    const row = index + 1;
    const shape = geometryProblem(geometry, arcCount);
    if (!expected.has(id)) errors.push({ row, column, value: id, message: `'${id}' is not ${what}` });
    else if (seen.has(id)) errors.push({ row, column, value: id, message: `'${id}' appears twice` });
    else if (shape !== null)
      errors.push({ row, column: 'type', value: id, message: `the geometry of '${id}' ${shape}` });
    seen.add(id);
  });
  const required = isAreas && known.requiredAreas ? new Set(known.requiredAreas) : expected;
  const missing = [...required].filter((code) => !seen.has(code));
  if (missing.length > 0) {
    const shown =
      missing.slice(0, 20).join(', ') + (missing.length > 20 ? `, ... (${missing.length} in all)` : '');
    const of = isAreas ? 'council areas' : 'regions';
    errors.push(
      fileError(`the file has no boundary for ${missing.length} of the ${required.size} ${of}: ${shown}`),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      level: isAreas ? 'council-areas' : 'regions',
      object: name,
      features: geometries.length,
      topojson: text,
    },
  };
}
