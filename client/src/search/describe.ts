// A search hit in words: what it is ('Council area', 'Teaching school hub', 'Alliance') and where it leads.
import type { Network, SearchHit } from '../api.js';
import { capitalise } from '../context.js';
import type { NetworkId, ViewState } from '../state.js';

/** 'Council area'; 'Teaching school in Cornwall'; 'Alliance of teaching schools'. */
export function hitKind(hit: SearchHit, networks: Network[]): string {
  const network = networks.find((n) => n.id === hit.network_id);
  if (hit.kind === 'council-area') return 'Council area';
  // Named by the GIAS register of June 2024, in its council area of 2024.
  if (hit.kind === 'establishment') return `Establishment${hit.la_name ? ` in ${hit.la_name}` : ''}`;
  if (hit.kind === 'group') {
    return network?.group_label
      ? `${capitalise(network.group_label)} (${network.name.toLowerCase()})`
      : 'Group';
  }
  return `${capitalise(network?.member_label ?? 'member')}${hit.la_name ? ` in ${hit.la_name}` : ''}`;
}

/** Where choosing a hit goes: an area's profile, a member on the map, a group in the registry, an establishment's area. */
export function hitTarget(hit: SearchHit): Partial<ViewState> {
  const network = (hit.network_id ?? undefined) as NetworkId | undefined;
  const fresh = {
    region: null,
    phase: null,
    sort: null,
    page: 1,
    at: null,
    q: null,
    tab: null,
    member: null,
  };
  switch (hit.kind) {
    case 'council-area':
      return { ...fresh, view: 'area', area: hit.key };
    case 'member':
      return { ...fresh, view: 'map', network, asAt: null, area: hit.la_code, member: hit.key };
    case 'group':
      return { ...fresh, view: 'registry', network, asAt: null, area: null, tab: 'groups', q: hit.name };
    case 'establishment':
      // Its council area's profile: who serves the area it lies in.
      return { ...fresh, view: 'area', area: hit.la_code };
  }
}
