// The columns that head every list of establishments (the reach list, the establishments no hub serves): its name
// as a link to its GIAS record (its URN where no name is held), its URN and its phase.
import { giasUrl } from '../../../../common/gias.js';
import { h } from '../../dom.js';
import type { Column } from '../../table.js';

interface Named {
  urn: number;
  name: string | null;
  phase: string | null;
}

export function establishmentColumns<T extends Named>(label: string): Column<T>[] {
  return [
    {
      key: 'name',
      label,
      value: (s) => s.name,
      // Heads the row (and the card on a phone): its name where known, else its URN; either way a link to GIAS.
      cell: (s) =>
        h(
          'a',
          { class: 'govuk-link', href: giasUrl(s.urn), rel: 'external' },
          s.name ?? `URN ${s.urn}`,
          h(
            'span',
            { class: 'govuk-visually-hidden' },
            `${s.name ? '' : ', name not held'} (its GIAS record)`,
          ),
        ),
    },
    { key: 'urn', label: 'URN', value: (s) => s.urn },
    { key: 'phase', label: 'Phase', value: (s) => s.phase },
  ];
}
