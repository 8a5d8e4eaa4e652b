// What the hub matcher takes and gives (see match.ts).
import type { Place } from './places.js';

/** A hub as one list gives it. */
export interface ListedHub {
  key: string;
  name: string;
  website: string | null;
  urn: number | null;
  lead_school: string | null;
  /** The code of the 2024-2028 designation (lists from December 2023): the hub itself. Absent or null before. */
  code?: string | null;
  places: Place[];
}

export const HUB_CLASSES = ['continuing', 'successor', 'another-hub', 'new', 'ended', 'redrawn'] as const;
/**
 * continuing: the same area, the same hub (renamed where its name changed); successor: the same area, served on
 * the later list by the hub of the largest overlap, and no code, URN, website or name says whether it is the same
 * hub or another (the area is the matching rule before codes: a successor by areas, not a leaver and a joiner);
 * another-hub: the same area, led by another hub (a different code or lead school says so); new: an area no hub
 * served before; ended: an area no hub serves after; redrawn: districts moved.
 */
export type HubClass = (typeof HUB_CLASSES)[number];

/** shared: the same, but several hubs of one list have it, so on its own it tells none of them apart. */
export type Verdict = 'same' | 'shared' | 'different' | 'not listed';

/** What two hubs' entries say of each other: the area first, then the evidence of continuity. */
export interface HubEvidence {
  /**
   * same: the same districts; likely: the same as far as the lists say (one names a part, or a district two hubs
   * share, so its districts are not all known); overlap: some districts in common, not all; apart: none (two
   * entries of one code whose areas moved apart).
   */
  area: 'same' | 'likely' | 'overlap' | 'apart';
  /** The code of the 2024-2028 designation: the hub itself, from December 2023. */
  code: Verdict;
  urn: Verdict;
  website: Verdict;
  /** shared: the same, but several hubs of one list bear it. */
  name: 'same' | 'shared' | 'similar' | 'different';
}

/** A pair of hubs the lists say are one hub; its location carries over only when confirmed. */
export interface SameHub {
  from: string;
  to: string;
  /** URN, website or name the same; false: only a similar name. */
  confirmed: boolean;
}

export interface HubChange {
  class: HubClass;
  /** Continuing under another name ('TS Hub' for 'Teaching School Hub', case and punctuation are not renames). */
  renamed: boolean;
  /** Continuing under its code, run by another organisation (name and website both changed): no leaver, no joiner. */
  organisation_changed: boolean;
  /** The evidence that decided this change, in words. */
  decided_by: string;
  /** Keys on the earlier list (several only when redrawn). */
  from: string[];
  /** Keys on the later list (several only when redrawn). */
  to: string[];
  /** For a pair of areas: what the lists say (null for new, ended and redrawn). */
  evidence: HubEvidence | null;
  /** For another-hub: who leads it now, as far as the lists say. */
  led_by: string | null;
  /** Why the match rests on weak evidence, with that evidence; empty when it does not. */
  weak: string[];
  /** For redrawn: every district whose hub changed. */
  moved: { district: string; from: string[]; to: string[] }[];
  same_hub: SameHub[];
}

export type HubCounts = Record<HubClass, number> & {
  renamed: number;
  organisation_changed: number;
  weak: number;
};

export interface HubMatch {
  changes: HubChange[];
  counts: HubCounts;
}
