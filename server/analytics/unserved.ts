// Which establishments no hub serves, area by area: all of an area no hub serves, and those in the part of an area
// no hub names, where the data can say which they are. Establishments are placed no finer than council areas
// (areas of 2011-2018, and the areas made since of their districts), so the part no hub names is known exactly
// when it is made of whole later areas: Cumbria served but for Barrow-in-Furness, Eden and South Lakeland has
// those of it placed in Westmorland and Furness unserved. A part the list itself does not define (North Yorkshire
// West) could cover any of the districts no hub names, so nothing is said of which establishments it leaves.
import { andList } from '../../common/words.js';
import type { Gap } from '../contract/areas.js';
import type { Db } from '../db/gateway.js';
import { areaSpans, type AreaSpan } from '../db/queries/areas.js';
import { namedEstablishmentsOfDay, type NamedOfDay } from './establishments-of-day.js';
import type { AreaService } from './hub-service.js';

/** What of an area no hub serves (the gap finder's `unserved`). */
export type Unserved = NonNullable<Gap['unserved']>;
type UnservedEstablishment = NonNullable<Unserved['establishments']>[number];

const listed = ({ area_of_day: _, ...e }: NamedOfDay): UnservedEstablishment => e;

/** The part of a partly served area no hub names, with its establishments where whole later areas make it. */
function unservedPart(
  db: Db,
  day: string,
  spans: AreaSpan[],
  laCode: string,
  service: AreaService,
  phase: string | null,
): Unserved {
  const part = andList(service.unnamed.map((d) => d.name));
  if (service.undefinedParts.length > 0) {
    const parts = andList(service.undefinedParts);
    return {
      part,
      establishments: null,
      note:
        `${parts} ${service.undefinedParts.length === 1 ? 'is a part' : 'are parts'} the list does not define, ` +
        `which may cover any of ${part}, so which establishments no hub serves cannot be said`,
    };
  }
  const own = new Set(spans.find((a) => a.la_code === laCode)?.districts_2016 ?? []);
  const unnamed = new Set(service.unnamed.flatMap((d) => (d.code === null ? [] : [d.code])));
  // A later area lies in the part when every district it took from this area is one no hub names.
  const holding = spans.filter((later) => {
    const taken = later.districts_2016.filter((d) => own.has(d));
    return later.predecessors.includes(laCode) && taken.length > 0 && taken.every((d) => unnamed.has(d));
  });
  const inHolding = new Set(holding.flatMap((l) => l.districts_2016));
  const isHeld = (d: AreaService['unnamed'][number]) => d.code !== null && inHolding.has(d.code);
  const rest = service.unnamed.filter((d) => !isHeld(d)).map((d) => d.name);
  const held = service.unnamed.filter(isHeld).map((d) => d.name);
  const establishments = namedEstablishmentsOfDay(
    db,
    day,
    holding.map((l) => l.la_code),
    phase,
  )
    .filter((e) => e.area_of_day === laCode)
    .map(listed);
  if (rest.length === 0) return { part, establishments, note: null };
  const finer = `establishments are placed no finer than council areas, so which lie in ${andList(rest)} cannot be said`;
  return holding.length === 0
    ? { part, establishments: null, note: finer }
    : { part, establishments, note: `${finer}; those listed lie in ${andList(held)}` };
}

/**
 * la_code -> what of it no hub serves, among the areas of one day (`service`: hubService of that day): each area no
 * hub serves, and each area served in part. Areas served whole are absent.
 */
export function unservedByArea(
  db: Db,
  day: string,
  areas: readonly { la_code: string }[],
  service: Map<string, AreaService>,
  phase: string | null,
): Map<string, Unserved> {
  const out = new Map<string, Unserved>();
  const none = areas.filter((a) => !service.has(a.la_code)).map((a) => a.la_code);
  const establishments = namedEstablishmentsOfDay(db, day, none, phase);
  for (const code of none) {
    out.set(code, {
      part: null,
      establishments: establishments.filter((e) => e.la_code === code).map(listed),
      note: null,
    });
  }
  const spans = areaSpans(db);
  for (const area of areas) {
    const served = service.get(area.la_code);
    if (served && served.part !== null) {
      out.set(area.la_code, unservedPart(db, day, spans, area.la_code, served, phase));
    }
  }
  return out;
}
