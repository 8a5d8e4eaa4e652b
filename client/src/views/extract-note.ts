// Which establishments a view's figures count, said beside them: the extract nearer the date (the server picks it,
// establishments_extract in the answer), what it lacks, and how many establishments distances could not measure.
import type { Coverage } from '../api.js';
import { h } from '../dom.js';
import { formatInt } from '../format.js';

type Extract = NonNullable<Coverage['establishments_extract']>;

/** 'Establishments: GIAS register of 17 June 2024 (the extract nearer this date; it gives no pupils).' */
export function extractWords(
  extract: Extract | null,
  located?: { schools: number; with_coordinates: number },
): string {
  if (extract === null) return 'Establishments: no GIAS extract is held.';
  const lacks = extract.has_pupils ? '' : '; it gives no pupils, so pupils are not known';
  const unlocated = located ? located.schools - located.with_coordinates : 0;
  const distances =
    extract.kind === 'register' && located && extract.locations_from
      ? ` Distances use each establishment\u2019s location in the ${extract.locations_from}: ` +
        `${formatInt(unlocated)} of ${formatInt(located.schools)} have none there.`
      : '';
  return `Establishments: ${extract.name} (the extract nearer this date${lacks}).${distances}`;
}

/** The words above as a paragraph for a view, near its figures. */
export function extractNote(
  extract: Extract | null,
  located?: { schools: number; with_coordinates: number },
): HTMLElement {
  return h(
    'p',
    { class: 'govuk-body-s', 'data-testid': 'establishments-extract' },
    extractWords(extract, located),
  );
}

/** The establishments and located establishments of some coverage rows, for extractNote. */
export function locatedOf(rows: readonly { schools: number; schools_with_coordinates: number }[]) {
  return {
    schools: rows.reduce((n, r) => n + r.schools, 0),
    with_coordinates: rows.reduce((n, r) => n + r.schools_with_coordinates, 0),
  };
}
