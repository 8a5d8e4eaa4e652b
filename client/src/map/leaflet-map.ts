// The interactive coverage map: Leaflet with no tile layer; one SVG path per council area (data-testid
// area-<la_code>), region outlines, and member schools as clustered points. Areas answer hover, keyboard focus
// (Tab, in name order) and click/Enter. The coverage map and the Admin view's import preview both draw with it.
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { h } from '../dom.js';
import type { CouncilAreaProperties } from './boundaries.js';
import { appendNoDataPattern } from './choropleth-svg.js';

export interface MemberPoint {
  name: string;
  lat: number;
  lon: number;
  group: string | null;
  area: string | null;
  phase: string | null;
}

export interface CoverageMapOptions {
  container: HTMLElement;
  areas: FeatureCollection<Geometry, CouncilAreaProperties>;
  regions: MultiLineString | null;
  fill: (laCode: string) => string;
  /** The area and its figure in words: the path's accessible name and the info panel's text. */
  label: (laCode: string) => string;
  onInfo: (laCode: string | null) => void;
  onSelect: (laCode: string) => void;
  /** What selecting an area does, for its role and accessible name; default: a link to the area's profile. */
  select?: { role: 'link' | 'button'; hint: string };
  members: MemberPoint[];
  memberLabel: string;
  /** Areas to fit the view to (a region); all areas when null. */
  fitTo: Set<string> | null;
  /** Areas outside the chosen region are drawn faded. */
  dimOutside: boolean;
  selected: string | null;
  reducedMotion: boolean;
}

const BASE_STYLE: L.PathOptions = { color: '#ffffff', weight: 0.6, opacity: 1, fillOpacity: 1 };

function memberPopup(m: MemberPoint, memberLabel: string): HTMLElement {
  return h(
    'div',
    {},
    h('strong', {}, m.name),
    h('br', {}),
    `${memberLabel}${m.phase ? `, ${m.phase.toLowerCase()}` : ''}`,
    m.group ? h('br', {}) : null,
    m.group ? `Group: ${m.group}` : null,
    m.area ? h('br', {}) : null,
    m.area ? `Council area: ${m.area}` : null,
  );
}

export function coverageMap(options: CoverageMapOptions): { destroy(): void } {
  const animate = !options.reducedMotion;
  const map = L.map(options.container, {
    zoomSnap: 0.25,
    minZoom: 5,
    maxZoom: 13,
    renderer: L.svg({ padding: 0.5 }),
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
    attributionControl: true,
  });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Boundaries: ONS, OGL v3.0');

  const features = [...options.areas.features].sort((a, b) =>
    a.properties.name.localeCompare(b.properties.name, 'en-GB'),
  );
  const styleOf = (f: Feature<Geometry, CouncilAreaProperties>): L.PathOptions => {
    const code = f.properties.la_code;
    const faded = options.dimOutside && options.fitTo !== null && !options.fitTo.has(code);
    const selected = code === options.selected;
    return {
      ...BASE_STYLE,
      fillColor: options.fill(code),
      fillOpacity: faded ? 0.25 : 1,
      color: selected ? '#0b0c0c' : '#ffffff',
      weight: selected ? 3 : 0.6,
      className: 'app-area',
    };
  };

  const layer = L.geoJSON({ type: 'FeatureCollection', features } as FeatureCollection, {
    style: (f) => styleOf(f as Feature<Geometry, CouncilAreaProperties>),
    onEachFeature: (f, path) => {
      const feature = f as Feature<Geometry, CouncilAreaProperties>;
      const code = feature.properties.la_code;
      const pathLayer = path as L.Path;
      path.on('mouseover', () => {
        pathLayer.setStyle({ weight: 3, color: '#0b0c0c' });
        options.onInfo(code);
      });
      path.on('mouseout', () => {
        pathLayer.setStyle(styleOf(feature));
        options.onInfo(options.selected);
      });
      path.on('click', () => options.onSelect(code));
    },
  });

  // Leaflet adds layers only once the map has a view: set it first, so the paths exist below.
  let bounds = L.latLngBounds([]);
  layer.eachLayer((l) => {
    const polygon = l as L.Polygon & { feature?: Feature<Geometry, CouncilAreaProperties> };
    const code = polygon.feature?.properties.la_code;
    if (options.fitTo === null || (code && options.fitTo.has(code))) bounds.extend(polygon.getBounds());
  });
  if (!bounds.isValid()) bounds = layer.getBounds();
  // A single area is shown with its neighbours around it.
  map.fitBounds(options.fitTo?.size === 1 ? bounds.pad(2) : bounds, { padding: [8, 8], animate: false });

  layer.addTo(map);

  // Accessible paths: each is a link-like control with a name, reachable by Tab.
  layer.eachLayer((l) => {
    const path = l as L.Path & { feature?: Feature<Geometry, CouncilAreaProperties> };
    const el = path.getElement();
    const code = path.feature?.properties.la_code;
    if (!el || !code) return;
    el.setAttribute('data-testid', `area-${code}`);
    el.setAttribute('data-la-code', code);
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', options.select?.role ?? 'link');
    el.setAttribute(
      'aria-label',
      `${options.label(code)}. ${options.select?.hint ?? 'Open the area profile.'}`,
    );
    el.addEventListener('focus', () => options.onInfo(code));
    el.addEventListener('blur', () => options.onInfo(options.selected));
    el.addEventListener('keydown', (event) => {
      const { key } = event as KeyboardEvent;
      if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        options.onSelect(code);
      }
    });
  });
  const svg = options.container.querySelector<SVGSVGElement>('.leaflet-overlay-pane svg');
  if (svg) {
    appendNoDataPattern(svg);
    svg.setAttribute('aria-label', 'Council areas');
  }

  if (options.regions) {
    L.geoJSON(options.regions, {
      style: { color: '#0b0c0c', weight: 1.5, opacity: 0.9, fill: false },
      interactive: false,
    }).addTo(map);
  }

  if (options.members.length > 0) {
    const cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      animate,
      animateAddingMarkers: false,
      chunkedLoading: true,
      maxClusterRadius: 50,
      iconCreateFunction: (c) =>
        L.divIcon({ html: String(c.getChildCount()), className: 'app-cluster', iconSize: L.point(34, 34) }),
    });
    const icon = L.divIcon({ className: 'app-member-dot', iconSize: L.point(14, 14) });
    for (const m of options.members) {
      const marker = L.marker([m.lat, m.lon], { icon, title: m.name, alt: m.name, keyboard: true });
      marker.bindPopup(() => memberPopup(m, options.memberLabel));
      cluster.addLayer(marker);
    }
    map.addLayer(cluster);
  }

  return {
    destroy() {
      map.remove();
    },
  };
}
