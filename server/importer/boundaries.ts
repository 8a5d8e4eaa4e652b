import type { FieldError, ValidateContext } from './format.js';
import type { BoundaryLevel } from '../db/writes/boundaries.js';

export interface BoundaryRecord {
  level: BoundaryLevel;
  object: string;
  features: number;
  topojson: string;
}

interface Geometry {
  id?: unknown;
  properties?: Record<string, unknown>;
}

const fileError = (message: string, value = ''): FieldError => ({
  row: 0,
  column: 'topojson',
  value,
  message,
});

/**
 * A TopoJSON file of the 152 council areas (each geometry with a 'la_code' property) or of England's regions
 * (ids 'E12000001'...). The text is kept as it came, so what is served is what was published.
 */
export function validateTopology(
  text: string,
  context: ValidateContext,
): { ok: true; record: BoundaryRecord } | { ok: false; errors: FieldError[] } {
  let doc: { type?: unknown; objects?: Record<string, { geometries?: Geometry[] }> };
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [fileError(`not JSON: ${(error as Error).message}`)] };
  }
  if (doc?.type !== 'Topology' || typeof doc.objects !== 'object' || doc.objects === null) {
    return {
      ok: false,
      errors: [fileError("not a TopoJSON topology (type must be 'Topology' with objects)")],
    };
  }
  const names = Object.keys(doc.objects);
  if (names.length !== 1) {
    return { ok: false, errors: [fileError(`expected one object, found ${names.length}`, names.join(', '))] };
  }
  const object = names[0]!;
  const geometries = doc.objects[object]?.geometries ?? [];
  if (geometries.length === 0)
    return { ok: false, errors: [fileError('the object has no geometries', object)] };
  const isAreas = geometries.some((g) => g.properties && 'la_code' in g.properties);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  geometries.forEach((geometry, index) => {
    const id = String(isAreas ? (geometry.properties?.la_code ?? '') : (geometry.id ?? ''));
    const column = isAreas ? 'properties.la_code' : 'id';
    if (isAreas ? !/^\d{3}$/.test(id) || !context.areas.match(id).ok : !/^E12\d{6}$/.test(id)) {
      const what = isAreas ? 'a known council area code' : 'a region code (E12...)';
      errors.push({ row: index + 1, column, value: id, message: `'${id}' is not ${what}` });
    } else if (seen.has(id)) {
      errors.push({ row: index + 1, column, value: id, message: `'${id}' appears twice` });
    }
    seen.add(id);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      level: isAreas ? 'council-areas' : 'regions',
      object,
      features: geometries.length,
      topojson: text,
    },
  };
}
