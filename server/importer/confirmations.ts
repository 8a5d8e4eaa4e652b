// Two mistakes a careless admin makes in one step and regrets: a list that drops most of the list in force (a
// one-row file for the same date replaces 808 members), and a list dated after today. Both are imported only when
// the request confirms them by name; the dry run says which, with the numbers.

export const CONFIRMATIONS = ['removes-most', 'future-date'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export interface ConfirmationNeeded {
  code: Confirmation;
  message: string;
}

/** More than this share of the members in force leaving is a replacement to confirm. */
export const MOST = 0.5;

/**
 * Earlier than any list this registry holds can be (the programmes and the council areas it counts date from
 * 2011): a hubs list as at 0001-01-01 was taken, and would have been the list in force on every date before the
 * real ones.
 */
export const EARLIEST_AS_AT = '2000-01-01';

/**
 * Why an as-at date cannot be right at all: before 2000 or more than a year after today (0001-01-01 and
 * 9999-12-31 are typos, not history or plans).
 */
export function asAtProblem(asAt: string | null, today: string): string | null {
  if (asAt === null) return null;
  if (asAt < EARLIEST_AS_AT) {
    return `as_at ${asAt} is before ${EARLIEST_AS_AT.slice(0, 4)}, before any of these lists: is the date a mistake?`;
  }
  // The same day a year on, compared as text (29 February's 'next year' is a day that sorts correctly anyway).
  const latest = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return asAt > latest
    ? `as_at ${asAt} is more than a year after today (${today}): is the date a mistake?`
    : null;
}

/** What an import found it changes: the parts of its report the confirmations are judged on. */
export interface FoundChanges {
  as_at: string | null;
  rows_written: number;
  changes: { compared_with: string | null; joined: string[]; left: string[] } | null;
}

/** What a network list asks to be confirmed before it is imported, from what the import found it changes. */
export function confirmationsNeeded(report: FoundChanges, today: string): ConfirmationNeeded[] {
  const needed: ConfirmationNeeded[] = [];
  const changes = report.changes;
  if (changes !== null && changes.compared_with !== null) {
    const kept = report.rows_written - changes.joined.length;
    const before = kept + changes.left.length;
    if (before > 0 && changes.left.length / before > MOST) {
      const share = Math.round((100 * changes.left.length) / before);
      needed.push({
        code: 'removes-most',
        message:
          `this list removes ${changes.left.length} of the ${before} members in the list of ` +
          `${changes.compared_with} (${share}%) and keeps ${kept}`,
      });
    }
  }
  if (report.as_at !== null && report.as_at > today) {
    needed.push({
      code: 'future-date',
      message: `this list is dated ${report.as_at}, after today (${today})`,
    });
  }
  return needed;
}

/** The message that refuses an import its request did not confirm, or null. */
export function unconfirmed(needed: ConfirmationNeeded[], confirmed: readonly Confirmation[]): string | null {
  const missing = needed.filter((n) => !confirmed.includes(n.code));
  if (missing.length === 0) return null;
  const codes = missing.map((n) => n.code).join(',');
  return `not imported: ${missing.map((n) => n.message).join('; ')}. To import it anyway, confirm=${codes}`;
}
