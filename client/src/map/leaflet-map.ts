// The interactive coverage map: Leaflet with no tile layer (the boundaries alone draw England); one SVG path per
// council area (area-layer.ts), region outlines, and member schools as clustered points (member-layer.ts). The
// coverage map and the Admin view's import preview both draw with it.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MultiLineString } from 'geojson';
import { areaLayer, boundsToFit, focusOutline, makeAccessible, type AreaLayerOptions } from './area-layer.js';
import { appendNoDataPattern } from './choropleth-svg.js';
import type { MemberPoint } from './member-layer.js';

export type { MemberPoint };

/** Where the map looks: its centre and zoom, as a link keeps them ('lat,lon,zoom'). */
export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

export interface CoverageMapOptions extends AreaLayerOptions {
  container: HTMLElement;
  regions: MultiLineString | null;
  /** Drawn when they come: the areas do not wait for them (on a slow phone, 54 KB more). */
  members: Promise<MemberPoint[]>;
  memberLabel: string;
  reducedMotion: boolean;
  /** Where to look first (from a link); fitted to fitTo when null. */
  view?: MapView | null;
  /** Called when the reader moves or zooms the map. */
  onMove?: (view: MapView) => void;
  /** A legend to draw over the map, bottom left (in an embed, where there is no room beside it). */
  legend?: HTMLElement | null;
  /** A member to bring into view, with its popup open. */
  member?: string | null;
}

function createMap(options: CoverageMapOptions): L.Map {
  const animate = !options.reducedMotion;
  const map = L.map(options.container, {
    zoomSnap: 0.25,
    minZoom: 4,
    maxZoom: 13,
    renderer: L.svg({ padding: 0.5 }),
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
    attributionControl: true,
    // With a legend over the map (bottom left), the zoom buttons go top right, clear of it in a small frame.
    zoomControl: false,
  });
  L.control.zoom({ position: options.legend ? 'topright' : 'topleft' }).addTo(map);
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Boundaries: ONS, OGL v3.0');
  return map;
}

/** Draws the legend over the map; returns its width, so the areas can be fitted beside it. */
function legendControl(map: L.Map, legend: HTMLElement): number {
  const Control = L.Control.extend({
    onAdd: () => {
      const box = L.DomUtil.create('div', 'app-map-legend-control');
      box.append(legend);
      L.DomEvent.disableClickPropagation(box);
      return box;
    },
  });
  const control = new Control({ position: 'bottomleft' }).addTo(map);
  return control.getContainer()?.getBoundingClientRect().width ?? 0;
}

/** Keeps the map drawn for its container's size (an embed's frame, a phone turned sideways). */
function followSize(map: L.Map, container: HTMLElement): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
  observer.observe(container);
  return () => observer.disconnect();
}

/** Says where the map looks after the reader moved it (not after a resize or a fit the page made). */
function recordMoves(map: L.Map, container: HTMLElement, onMove: (view: MapView) => void): void {
  let touched = false;
  for (const type of ['pointerdown', 'wheel', 'keydown', 'touchstart']) {
    container.addEventListener(type, () => (touched = true), { passive: true });
  }
  map.on('moveend', () => {
    if (!touched) return;
    const c = map.getCenter();
    onMove({ lat: c.lat, lon: c.lng, zoom: map.getZoom() });
  });
}

export function coverageMap(options: CoverageMapOptions): { membersDrawn: Promise<void>; destroy(): void } {
  const map = createMap(options);
  const outline = focusOutline(map);
  const layer = areaLayer(options, outline);
  const legendWidth = options.legend ? legendControl(map, options.legend) : 0;
  // Leaflet adds layers only once the map has a view: set it first, so the paths exist below.
  // A link's centre off every area (a hand-edited at=0,0,0) would show an empty sea: the areas are fitted instead.
  const view =
    options.view && layer.getBounds().contains([options.view.lat, options.view.lon]) ? options.view : null;
  if (view) map.setView([view.lat, view.lon], view.zoom, { animate: false });
  else {
    const bounds = boundsToFit(layer, options.fitTo);
    map.fitBounds(bounds, {
      paddingTopLeft: [legendWidth + 8, 8],
      paddingBottomRight: [8, 8],
      animate: false,
    });
  }
  layer.addTo(map);
  makeAccessible(layer, options, outline);
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
  let removed = false;
  // The clustering code (markercluster) is asked with the members, not before the areas: on a slow phone its
  // bytes came in beside the boundaries, which the areas wait for.
  const clusters = options.members.then((points) => (points.length > 0 ? import('./member-layer.js') : null));
  const membersDrawn = Promise.all([options.members, clusters]).then(([points, layers]) => {
    if (removed || layers === null) return;
    const members = layers.memberLayer(points, options.memberLabel, !options.reducedMotion);
    map.addLayer(members.layer);
    if (options.member) members.reveal(options.member);
  });
  if (options.onMove) recordMoves(map, options.container, options.onMove);
  const unfollow = followSize(map, options.container);
  return {
    membersDrawn,
    destroy() {
      removed = true;
      unfollow();
      map.remove();
    },
  };
}
