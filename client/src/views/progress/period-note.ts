// When the network ran, as published: said above its figures, with the sources.
import type { Network } from '../../api.js';
import { h } from '../../dom.js';
import { formatDate } from '../../format.js';

type Boundary = NonNullable<Network['started']>;

const when = (b: Boundary) => formatDate(b.date, b.precision);

export function periodWords(network: Pick<Network, 'name' | 'started' | 'ended'>): string | null {
  const { started, ended } = network;
  if (!started && !ended) return null;
  const sources = [...new Set([started, ended].flatMap((b) => (b ? [b.source_title] : [])))];
  const span =
    started && ended
      ? `ran from ${when(started)} to ${when(ended)} (its last day ${formatDate(ended.day)})`
      : started
        ? `started in ${when(started)}; no end is recorded`
        : `ended in ${when(ended!)} (its last day ${formatDate(ended!.day)})`;
  return `${network.name} ${span}. Source${sources.length > 1 ? 's' : ''}: ${sources.join('; ')}.`;
}

export function periodNote(network: Network): HTMLElement | null {
  const words = periodWords(network);
  return words ? h('p', { class: 'govuk-body', 'data-testid': 'network-period' }, words) : null;
}
