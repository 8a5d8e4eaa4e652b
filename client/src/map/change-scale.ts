// Classes of change for a map of what an import does to each council area: coverage gained or lost, more or fewer
// members where it is kept, or no change. Gained and lost take the coverage map's own "covered" and "no member"
// colours (colour-blind-safe blue and orange); more and fewer take the palest of each.
import type { ImportPreview } from '../api.js';
import { formatInt } from '../format.js';
import type { Legend } from './legend.js';
import { BLUES, COVERED, GAP, ORANGES } from './scale.js';

export type AreaChange = ImportPreview['area_changes'][number];
export type ChangeKind = 'gained' | 'lost' | 'more' | 'fewer' | 'unchanged';

export const CHANGE_KINDS: readonly ChangeKind[] = ['gained', 'lost', 'more', 'fewer', 'unchanged'];

export const CHANGE_FILLS: Record<ChangeKind, string> = {
  gained: COVERED,
  lost: GAP,
  more: BLUES[0]!,
  fewer: ORANGES[0]!,
  unchanged: '#f3f2f1',
};

/** The class of an area's change; an area with no change has no row. */
export function changeKind(change: AreaChange | undefined): ChangeKind {
  if (!change || change.change === 0) return 'unchanged';
  if (change.coverage !== null) return change.coverage;
  return change.change > 0 ? 'more' : 'fewer';
}

export interface ChangeWords {
  /** 'teaching school' */
  member: string;
  /** 'teaching schools' */
  members: string;
}

export function changeLabel(kind: ChangeKind, words: ChangeWords): string {
  switch (kind) {
    case 'gained':
      return `Coverage gained (no ${words.member} before)`;
    case 'lost':
      return `Coverage lost (no ${words.member} after)`;
    case 'more':
      return `More ${words.members}, still covered`;
    case 'fewer':
      return `Fewer ${words.members}, still covered`;
    case 'unchanged':
      return 'No change';
  }
}

/** An area's change in words, for its accessible name and the info panel: 'coverage gained: 0 to 1 hub'. */
export function describeChange(change: AreaChange | undefined, words: ChangeWords): string {
  const kind = changeKind(change);
  if (!change || kind === 'unchanged') return 'no change';
  const unit = change.to_members === 1 ? words.member : words.members;
  const counts = `${formatInt(change.from_members)} to ${formatInt(change.to_members)} ${unit}`;
  switch (kind) {
    case 'gained':
      return `coverage gained: ${counts}`;
    case 'lost':
      return `coverage lost: ${counts}`;
    default:
      return `${counts}, still covered`;
  }
}

/** The legend: each class, with how many areas change that way. */
export function changeLegend(preview: ImportPreview, words: ChangeWords): Legend {
  const counts = new Map<ChangeKind, number>(CHANGE_KINDS.map((k) => [k, 0]));
  for (const change of preview.area_changes) {
    const kind = changeKind(change);
    counts.set(kind, counts.get(kind)! + 1);
  }
  return {
    title: 'Change by council area',
    entries: CHANGE_KINDS.map((kind) => ({
      kind,
      label:
        kind === 'unchanged'
          ? changeLabel(kind, words)
          : `${changeLabel(kind, words)}: ${formatInt(counts.get(kind)!)}`,
      fill: CHANGE_FILLS[kind],
    })),
  };
}
