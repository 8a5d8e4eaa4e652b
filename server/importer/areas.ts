// Council-area matching: a value from a file (a DfE 3-digit code, a name in any of its real spellings, a 2013
// district, or an area named after a later boundary change) -> the 2011-2018 education LA code(s) it lies in.
// Pure: the caller loads the 152 areas and the alias rows (data/reference/, the 2013 district lookup).

export interface AreaName {
  la_code: string;
  name: string;
}

export interface AreaAlias {
  alias: string;
  la_code: string;
  kind: 'alias' | 'district' | 'successor';
  source: string;
}

export type AreaVia = 'code' | 'name' | 'alias' | 'district' | 'successor';

export type AreaMatch =
  { ok: true; la_codes: string[]; via: AreaVia } | { ok: false; message: string; closest: string | null };

/** The key names are matched by: lower case, accents and apostrophes dropped, `&` = `and`, other punctuation = space. */
export function normaliseAreaName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Levenshtein distance, two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

type NameKind = Exclude<AreaVia, 'code'>;
// When one key is known several ways, the first kind here wins (and the others must agree with it).
const PRECEDENCE: NameKind[] = ['name', 'alias', 'district', 'successor'];

interface Entry {
  via: NameKind;
  la_codes: Set<string>;
  /** The spelling to suggest: the area's own name for names and aliases, else the district/successor name. */
  suggest: string;
}

const sameCodes = (a: Set<string>, b: Set<string>): boolean =>
  a.size === b.size && [...a].every((c) => b.has(c));

const MEMO_LIMIT = 10_000;
const SUGGESTIONS = 1000;

export class AreaIndex {
  private readonly byCode = new Map<string, AreaName>();
  private readonly byKey = new Map<string, Entry>();

  /** Throws if the tables contradict each other: an unknown code, or one key meaning different areas. */
  constructor(areas: AreaName[], aliases: AreaAlias[]) {
    for (const area of areas) this.byCode.set(area.la_code, area);
    const candidates = new Map<string, Map<NameKind, Entry>>();
    const add = (spelling: string, via: NameKind, la_code: string, suggest: string, source: string): void => {
      if (!this.byCode.has(la_code)) {
        throw new Error(`council area '${spelling}' (${source}) points to unknown LA code '${la_code}'`);
      }
      const key = normaliseAreaName(spelling);
      const byKind = candidates.get(key) ?? new Map<NameKind, Entry>();
      candidates.set(key, byKind);
      const entry = byKind.get(via);
      if (!entry) byKind.set(via, { via, la_codes: new Set([la_code]), suggest });
      else if (via === 'name' || via === 'alias') {
        if (!entry.la_codes.has(la_code)) {
          throw new Error(
            `council area ${via} '${spelling}' (${source}) means both ${[...entry.la_codes]} and ${la_code}`,
          );
        }
      } else entry.la_codes.add(la_code);
    };
    for (const area of areas) add(area.name, 'name', area.la_code, area.name, 'council areas');
    for (const a of aliases) {
      const suggest = a.kind === 'alias' ? (this.byCode.get(a.la_code)?.name ?? a.alias) : a.alias;
      add(a.alias, a.kind, a.la_code, suggest, a.source);
    }
    for (const [key, byKind] of candidates) {
      const [first, ...rest] = PRECEDENCE.flatMap((kind) => byKind.get(kind) ?? []);
      for (const other of rest) {
        if (!sameCodes(first!.la_codes, other.la_codes)) {
          throw new Error(
            `council area '${key}' is a ${first!.via} for ${[...first!.la_codes]} but a ${other.via} for ${[...other.la_codes]}`,
          );
        }
      }
      this.byKey.set(key, first!);
    }
  }

  /** The area with this DfE code, if it is one of the index's areas. */
  area(la_code: string): AreaName | undefined {
    return this.byCode.get(la_code);
  }

  // A large file names the same ~150 areas again and again: each distinct value is matched once. A hostile file
  // names a million different ones: the memo stops growing, and after the first SUGGESTIONS unknown names no
  // closest name is looked for (each look compares with every known spelling; a report keeps 1,000 errors).
  private readonly matches = new Map<string, AreaMatch>();
  private suggestions = 0;

  /** Whether a value names known areas: match() without looking for the closest name when it does not. */
  knows(value: string): boolean {
    const trimmed = value.trim();
    return /^\d{3}$/.test(trimmed) ? this.byCode.has(trimmed) : this.byKey.has(normaliseAreaName(trimmed));
  }

  match(value: string): AreaMatch {
    let result = this.matches.get(value);
    if (result === undefined) {
      result = this.matchUncached(value);
      if (this.matches.size < MEMO_LIMIT) this.matches.set(value, result);
    }
    return result;
  }

  private matchUncached(value: string): AreaMatch {
    const trimmed = value.trim();
    if (trimmed === '') return { ok: false, message: 'is empty', closest: null };
    if (/^\d{3}$/.test(trimmed)) {
      if (this.byCode.has(trimmed)) return { ok: true, la_codes: [trimmed], via: 'code' };
      return { ok: false, message: `'${value}' is not a known council area code`, closest: null };
    }
    const key = normaliseAreaName(trimmed);
    const entry = this.byKey.get(key);
    if (entry) return { ok: true, la_codes: [...entry.la_codes].sort(), via: entry.via };
    const closest = this.suggestions++ < SUGGESTIONS ? this.closest(key) : null;
    const message = `'${value}' is not a known council area` + (closest ? `; closest is '${closest}'` : '');
    return { ok: false, message, closest };
  }

  /** The known spelling nearest to `key`, or null when nothing is near enough to be a likely typo. */
  private closest(key: string): string | null {
    let best: { distance: number; rank: number; suggest: string } | null = null;
    for (const [other, entry] of this.byKey) {
      const distance = editDistance(key, other);
      const rank = PRECEDENCE.indexOf(entry.via);
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (rank < best.rank || (rank === best.rank && entry.suggest < best.suggest)))
      ) {
        best = { distance, rank, suggest: entry.suggest };
      }
    }
    return best && best.distance <= Math.max(2, Math.floor(key.length / 3)) ? best.suggest : null;
  }
}

/** Non-throwing check for callers that only need a yes or no. */
export function isValidAreaName(index: AreaIndex, value: string): boolean {
  return index.match(value).ok;
}
