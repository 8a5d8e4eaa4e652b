// Recruitment rounds as the sources name them: designations, the total published after, and about how many before.
import type { Round } from '../../api.js';
import { formatDate, formatInt } from '../../format.js';
import { figureWords } from '../../published.js';
import { dataTable, type Column } from '../../table.js';

const total = (value: number | null, qualifier: string | null) =>
  value === null ? '' : figureWords(value, qualifier ?? 'exact');

export function roundColumns(): Column<Round>[] {
  return [
    { key: 'round', label: 'Round', value: (r) => r.round },
    { key: 'date', label: 'Date', value: (r) => r.date, cell: (r) => formatDate(r.date, r.precision) },
    {
      key: 'designated',
      label: 'Designated',
      numeric: true,
      value: (r) => r.designated,
      cell: (r) => formatInt(r.designated),
    },
    {
      key: 'total_after',
      label: 'Total published after it',
      value: (r) => total(r.total_after, r.total_after_qualifier),
      cell: (r) =>
        r.total_after === null
          ? 'not published'
          : `${total(r.total_after, r.total_after_qualifier)} (${formatDate(r.total_after_date)})`,
    },
    {
      key: 'total_before',
      label: 'So before it',
      value: (r) => total(r.total_before, r.total_before_qualifier),
    },
    // Where the figures disagree (about 348 before round 4, just over 360 after round 3): both, and what it implies.
    { key: 'implies', label: 'What the figures imply', value: (r) => r.implies ?? '' },
  ];
}

export function roundsTable(rounds: Round[]): HTMLElement | null {
  if (rounds.length === 0) return null;
  return dataTable({
    caption: 'Recruitment rounds',
    columns: roundColumns(),
    rows: rounds,
    testid: 'rounds-table',
  });
}
