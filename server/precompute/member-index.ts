import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import type { MemberPoint } from '../db/queries/members.js';

export interface Place {
  latitude: number;
  longitude: number;
}

export const kmBetween = (a: Place, b: Place) => distance(a.longitude, a.latitude, b.longitude, b.latitude);

// A flat map of England for a first cut: x and y in km at the middle latitude. Its distances are within 8% of the
// great-circle distance over England (the scale of longitude changes with latitude), so a flat search 15% wider
// than a distance on the sphere holds every place that near.
const KM_PER_DEGREE = 111.195;
const FLAT_COS = Math.cos((52.5 * Math.PI) / 180);
const SLACK = 1.15;
const flat = (p: Place) => [p.longitude * KM_PER_DEGREE * FLAT_COS, p.latitude * KM_PER_DEGREE] as const;

/** Places in a spatial index: kdbush (a static k-d tree) searched by geokdbush (nearest first, on the sphere). */
export class PlaceIndex<T extends Place> {
  readonly index: KDBush;
  private readonly flat: KDBush;
  /** The last answer of nearest(): the next place asked about is usually close by (schools come area by area). */
  private last: T | undefined;

  constructor(readonly places: readonly T[]) {
    this.index = new KDBush(Math.max(1, places.length));
    this.flat = new KDBush(Math.max(1, places.length));
    for (const p of places) {
      this.index.add(p.longitude, p.latitude);
      this.flat.add(...flat(p));
    }
    this.index.finish();
    this.flat.finish();
  }

  /**
   * The nearest place to `from`, with its distance in km. The last answer bounds it: only places within that
   * distance (on the flat map, with slack) are measured, which is a few; with none to go by, geokdbush searches.
   */
  nearest(from: Place): { place: T; km: number } {
    let best: { place: T; km: number };
    if (this.last) {
      best = { place: this.last, km: kmBetween(from, this.last) };
      const [x, y] = flat(from);
      for (const i of this.flat.within(x, y, best.km * SLACK + 0.01)) {
        const km = kmBetween(from, this.places[i]!);
        if (km < best.km) best = { place: this.places[i]!, km };
      }
    } else {
      const place = this.places[around(this.index, from.longitude, from.latitude, 1)[0]!]!;
      best = { place, km: kmBetween(from, place) };
    }
    this.last = best.place;
    return best;
  }

  /** The `k` nearest places to `from` that `keep` accepts (by their position in `places`), nearest first. */
  around(from: Place, k: number, keep: (i: number) => boolean): number[] {
    return around(this.index, from.longitude, from.latitude, k, Infinity, keep);
  }
}

/** A list's located members, indexed, with the areas each serves. */
export class MemberIndex extends PlaceIndex<MemberPoint> {
  private readonly serves: Set<string>[];

  constructor(members: readonly MemberPoint[]) {
    super(members);
    this.serves = members.map((m) => new Set((m.serves ?? '').split(';')));
  }

  servesArea(i: number, laCode: string): boolean {
    return this.serves[i]!.has(laCode);
  }
}
