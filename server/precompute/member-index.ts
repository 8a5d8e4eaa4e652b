import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import type { MemberPoint } from '../db/queries/members.js';

export interface Place {
  latitude: number;
  longitude: number;
}

export const kmBetween = (a: Place, b: Place) => distance(a.longitude, a.latitude, b.longitude, b.latitude);

/** Places in a spatial index: kdbush (a static k-d tree) searched by geokdbush (nearest first, on the sphere). */
export class PlaceIndex<T extends Place> {
  readonly index: KDBush;

  constructor(readonly places: readonly T[]) {
    this.index = new KDBush(Math.max(1, places.length));
    for (const p of places) this.index.add(p.longitude, p.latitude);
    this.index.finish();
  }

  /** The nearest place to `from`, with its distance in km. */
  nearest(from: Place): { place: T; km: number } {
    const place = this.places[around(this.index, from.longitude, from.latitude, 1)[0]!]!;
    return { place, km: kmBetween(from, place) };
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
