// How a figure is marked: the shape says what kind of figure it is, a hollow mark that it is not exact.
import { symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3';

export interface Marker {
  symbol: SymbolType;
  filled: boolean;
  label: string;
}

export function markerFor(point: { qualifier: string; source: string }): Marker {
  if (point.source === 'snapshot')
    return { symbol: symbolSquare, filled: true, label: 'count of a member list' };
  switch (point.qualifier) {
    case 'exact':
      return { symbol: symbolCircle, filled: true, label: 'published, exact' };
    case 'over':
      return { symbol: symbolTriangle, filled: false, label: 'published, "over" (a lower bound)' };
    case 'just over':
      return { symbol: symbolTriangle, filled: false, label: 'published, "just over" (a little above)' };
    case 'about':
    case 'around':
      return { symbol: symbolCircle, filled: false, label: 'published, approximate' };
    case 'derived':
      return { symbol: symbolDiamond, filled: false, label: 'derived from a stated change' };
    default:
      return { symbol: symbolCircle, filled: false, label: `published, ${point.qualifier}` };
  }
}

const STATUS_WORDS: Record<string, string> = {
  met: 'met',
  missed: 'missed',
  on_track: 'on track',
  at_risk: 'at risk',
  undetermined: 'undetermined',
  not_yet_published: 'not yet published',
  undated_source: 'undated source',
};

export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status;
}
