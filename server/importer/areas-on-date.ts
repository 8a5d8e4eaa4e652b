// A council-area name (or code) -> the areas in force on a date. Files are matched to the 2011-2018 areas
// (AreaIndex); a list dated after a reorganisation means the areas of its own day: 'Cumberland' on 2025-09-30 is
// 942, 'Allerdale' (a district of Cumbria) is the area of that day holding it (942), 'Dorset' is 835 before
// April 2019 and 838 after. Pure: the caller loads the areas of every date and the district codes.
import { type AreaIndex, type AreaMatch, normaliseAreaName } from './areas.js';

export interface DatedArea {
  la_code: string;
  name: string;
  /** First and last day in force, both included; the frame's first day for an area of 2011; null: still in force. */
  valid_from: string;
  valid_to: string | null;
  /** ONS codes of the 2016 districts it is made of. */
  districts_2016: string[];
}

export interface DistrictTables {
  /** A 2013 district's ONS code by its normalised name. */
  codeOf: Map<string, string>;
  /** The 2013 districts (by name) a later or sub-divided name is made of, by normalised name (reference table). */
  compositions: Map<string, string[]>;
  /** The 2013 districts (by name) of each 2011-2018 area. */
  districtsOf: Map<string, string[]>;
}

const inForce = (a: DatedArea, day: string) =>
  a.valid_from <= day && (a.valid_to === null || a.valid_to >= day);

export class AreasOnDate {
  private readonly byCode: Map<string, DatedArea>;

  constructor(
    private readonly index: AreaIndex,
    private readonly areas: readonly DatedArea[],
    private readonly districts: DistrictTables,
  ) {
    this.byCode = new Map(areas.map((a) => [a.la_code, a]));
  }

  /**
   * The areas in force on `day` that a value names: an area of that day by its own name or code; else the areas
   * of 2011-2018 it is matched to, each replaced by the areas of that day that hold the value's districts (all of
   * them when its districts do not say).
   */
  match(value: string, day: string): AreaMatch {
    const trimmed = value.trim();
    const key = normaliseAreaName(trimmed);
    const own = this.areas.filter(
      (a) => inForce(a, day) && (a.la_code === trimmed || normaliseAreaName(a.name) === key),
    );
    if (own.length === 1)
      return { ok: true, la_codes: [own[0]!.la_code], via: /^\d{3}$/.test(trimmed) ? 'code' : 'name' };
    const base = this.index.match(value);
    if (!base.ok) return base;
    const codes = new Set(this.districtCodes(trimmed, base.la_codes));
    const found = new Set<string>();
    for (const code of base.la_codes) {
      const area = this.byCode.get(code);
      if (area && inForce(area, day)) {
        found.add(code);
        continue;
      }
      const later = this.areas.filter(
        (a) => inForce(a, day) && a.districts_2016.some((d) => this.holds(code, d)),
      );
      const holding = later.filter((a) => a.districts_2016.some((d) => codes.has(d)));
      for (const a of holding.length > 0 ? holding : later) found.add(a.la_code);
    }
    if (found.size === 0) {
      return { ok: false, message: `'${value}' names no council area in force on ${day}`, closest: null };
    }
    return { ok: true, la_codes: [...found].sort(), via: base.via };
  }

  /** Whether a 2016 district lies in an area of 2011-2018 (by the area's own districts). */
  private holds(code: string, district: string): boolean {
    return this.byCode.get(code)?.districts_2016.includes(district) ?? false;
  }

  /** The ONS codes of the districts a value stands for: its composition, itself as a district, or none. */
  private districtCodes(value: string, baseCodes: string[]): string[] {
    const key = normaliseAreaName(value);
    const names = this.districts.compositions.get(key) ?? [value];
    const codes = names.flatMap((n) => {
      const code = this.districts.codeOf.get(normaliseAreaName(n));
      return code ? [code] : [];
    });
    // A name of a whole area of 2011-2018 stands for all its districts.
    if (codes.length === 0 && baseCodes.length === 1) {
      return (this.districts.districtsOf.get(baseCodes[0]!) ?? []).flatMap((n) => {
        const code = this.districts.codeOf.get(normaliseAreaName(n));
        return code ? [code] : [];
      });
    }
    return codes;
  }
}
