// Members as clustered points on the interactive map. Each cluster is a named button ("12 teaching schools: zoom
// in"), each point names its school; a member chosen in the search is brought into view with its popup open.
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { plural } from '../context.js';
import { h } from '../dom.js';
import { giasUrl } from '../../../common/gias.js';

export interface MemberPoint {
  key: string;
  name: string;
  lat: number;
  lon: number;
  group: string | null;
  area: string | null;
  phase: string | null;
  /** The school's URN (a hub's lead school); null where the list names none. */
  urn: number | null;
  /** The school (a hub's lead school) as the GIAS register of June 2024 names it; null: not in it. */
  school_name: string | null;
}

/** The school's registered name, when the member's own name does not already say it (a hub, a renamed school). */
function schoolLine(m: MemberPoint): string | null {
  if (m.school_name === null || m.school_name.toLowerCase() === m.name.toLowerCase()) return null;
  return `School (GIAS register, June 2024): ${m.school_name}`;
}

function memberPopup(m: MemberPoint, memberLabel: string): HTMLElement {
  return h(
    'div',
    {},
    h('strong', {}, m.name),
    schoolLine(m) ? h('br', {}) : null,
    schoolLine(m),
    h('br', {}),
    `${memberLabel}${m.phase ? `, ${m.phase.toLowerCase()}` : ''}`,
    m.group ? h('br', {}) : null,
    m.group ? `Group: ${m.group}` : null,
    m.area ? h('br', {}) : null,
    m.area ? `Council area: ${m.area}` : null,
    m.urn !== null ? h('br', {}) : null,
    m.urn !== null ? `URN ${m.urn}: ` : null,
    m.urn !== null
      ? h(
          'a',
          { class: 'govuk-link', href: giasUrl(m.urn), target: '_blank', rel: 'external noopener' },
          'its record on Get Information about Schools',
        )
      : null,
  );
}

/** A cluster's icon: its count shown, and in words for a screen reader, which reads the button by its content. */
function clusterIcon(count: number, memberLabel: string): L.DivIcon {
  const words = `${count} ${count === 1 ? memberLabel : plural(memberLabel)}: zoom in`;
  return L.divIcon({
    html: `<span aria-hidden="true">${count}</span><span class="govuk-visually-hidden">${words}</span>`,
    className: 'app-cluster',
    iconSize: L.point(34, 34),
  });
}

export interface MemberLayer {
  layer: L.MarkerClusterGroup;
  /** Zooms to a member and opens its popup; false when it is not on the map. */
  reveal(key: string): boolean;
}

export function memberLayer(members: MemberPoint[], memberLabel: string, animate: boolean): MemberLayer {
  const layer = L.markerClusterGroup({
    showCoverageOnHover: false,
    animate,
    animateAddingMarkers: false,
    chunkedLoading: false,
    maxClusterRadius: 50,
    iconCreateFunction: (c) => clusterIcon(c.getChildCount(), memberLabel),
  });
  const icon = L.divIcon({ className: 'app-member-dot', iconSize: L.point(14, 14) });
  const byKey = new Map<string, L.Marker>();
  for (const m of members) {
    const marker = L.marker([m.lat, m.lon], { icon, title: m.name, alt: m.name, keyboard: true });
    marker.bindPopup(() => memberPopup(m, memberLabel));
    layer.addLayer(marker);
    byKey.set(m.key, marker);
  }
  return {
    layer,
    reveal(key) {
      const marker = byKey.get(key);
      if (!marker) return false;
      // The popup in view: the map may sit below the fold (a phone, or a tall header above it).
      layer.zoomToShowLayer(marker, () => {
        marker.openPopup();
        marker.getPopup()?.getElement()?.scrollIntoView({ block: 'center' });
      });
      return true;
    },
  };
}
