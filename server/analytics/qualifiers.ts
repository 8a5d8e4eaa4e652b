// What each published qualifier lets us conclude, as the interval of values a figure allows: 'over 1,000' is at
// least 1,000; 'just over 360' at least 360 and at most a tenth more (a round 3 total of 217 + 150 = 367 reads as
// "just over 360"); 'about 2,000' proves nothing either way; exact and derived figures are the value itself.

/** The lowest and highest value a figure allows; null: no bound. */
export interface Bounds {
  low: number | null;
  high: number | null;
}

/** "Just over N" is read as at most this share above N. */
export const JUST_OVER_MARGIN = 0.1;

export function bounds(value: number, qualifier: string): Bounds {
  switch (qualifier) {
    case 'exact':
    case 'derived':
      return { low: value, high: value };
    case 'over':
      return { low: value, high: null };
    case 'just over':
      return { low: value, high: Math.floor(value * (1 + JUST_OVER_MARGIN)) };
    case 'under':
      return { low: null, high: value };
    default:
      return { low: null, high: null };
  }
}

export const provesAtLeast = (b: Bounds, value: number) => b.low !== null && b.low >= value;
export const provesBelow = (b: Bounds, value: number) => b.high !== null && b.high < value;

export { qualified } from '../../common/qualified.js';
