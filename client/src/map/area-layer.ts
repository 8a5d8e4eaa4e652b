// The council areas of the interactive map: one SVG path each, coloured by the map's measure, each a named link
// (or button) reachable by Tab that answers hover, focus, click, tap and Enter. A focused or pointed-at area is
// outlined above all the others (in the focus pane), so it shows at every zoom, even when small.
import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CouncilAreaProperties } from './boundaries.js';

export type AreaFeature = Feature<Geometry, CouncilAreaProperties>;

export interface AreaLayerOptions {
  areas: FeatureCollection<Geometry, CouncilAreaProperties>;
  fill: (laCode: string) => string;
  /** The area and its figure in words: the path's accessible name and the info panel's text. */
  label: (laCode: string) => string;
  onInfo: (laCode: string | null) => void;
  onSelect: (laCode: string) => void;
  /** What selecting an area does, for its role and accessible name; default: a link to the area's profile. */
  select?: { role: 'link' | 'button'; hint: string };
  /** Areas to fit the view to (a region); all areas when null. */
  fitTo: Set<string> | null;
  /** Areas outside the chosen region are drawn faded. */
  dimOutside: boolean;
  selected: string | null;
}

export const FOCUS_PANE = 'app-focus';

function styleOf(f: AreaFeature, options: AreaLayerOptions): L.PathOptions {
  const code = f.properties.la_code;
  const faded = options.dimOutside && options.fitTo !== null && !options.fitTo.has(code);
  const selected = code === options.selected;
  return {
    color: selected ? '#0b0c0c' : '#ffffff',
    weight: selected ? 3 : 0.6,
    opacity: 1,
    fillColor: options.fill(code),
    fillOpacity: faded ? 0.25 : 1,
    className: 'app-area',
  };
}

/** The outline drawn over a focused or pointed-at area: GOV.UK's focus colours, yellow around black. */
export function focusOutline(map: L.Map): { show(f: AreaFeature | null): void } {
  // Above the member markers (600), so that a cluster over a small area (London's over the City of London at
  // national zoom) cannot hide its outline; below tooltips and popups. It takes no pointer events, so the markers
  // under it stay clickable.
  const pane = map.createPane(FOCUS_PANE);
  pane.style.zIndex = '620';
  pane.style.pointerEvents = 'none';
  const halo = L.geoJSON(undefined, {
    pane: FOCUS_PANE,
    interactive: false,
    style: { color: '#ffdd00', weight: 8, fill: false, opacity: 1 },
  }).addTo(map);
  const line = L.geoJSON(undefined, {
    pane: FOCUS_PANE,
    interactive: false,
    style: { color: '#0b0c0c', weight: 3, fill: false, opacity: 1 },
  }).addTo(map);
  return {
    show(f) {
      halo.clearLayers();
      line.clearLayers();
      if (f) {
        halo.addData(f);
        line.addData(f);
      }
    },
  };
}

type Outline = { show(f: AreaFeature | null): void };

/** Pointing at (or focusing) an area outlines it and shows its figures; leaving it goes back to the chosen one. */
function attention(options: AreaLayerOptions, outline: Outline) {
  return {
    enter(feature: AreaFeature): void {
      outline.show(feature);
      options.onInfo(feature.properties.la_code);
    },
    leave(): void {
      outline.show(null);
      options.onInfo(options.selected);
    },
  };
}

/** The areas in name order (the Tab order), each with its events. */
export function areaLayer(options: AreaLayerOptions, outline: Outline): L.GeoJSON {
  const features = [...options.areas.features].sort((a, b) =>
    a.properties.name.localeCompare(b.properties.name, 'en-GB'),
  );
  return L.geoJSON({ type: 'FeatureCollection', features } as FeatureCollection, {
    style: (f) => styleOf(f as AreaFeature, options),
    onEachFeature: (f, path) => {
      const feature = f as AreaFeature;
      const code = feature.properties.la_code;
      const { enter, leave } = attention(options, outline);
      path.on('mouseover', () => enter(feature));
      path.on('mouseout', leave);
      path.on('click', () => options.onSelect(code));
    },
  });
}

/** Names each path and makes it a keyboard stop that opens the area with Enter or Space. */
export function makeAccessible(layer: L.GeoJSON, options: AreaLayerOptions, outline: Outline): void {
  layer.eachLayer((l) => {
    const path = l as L.Path & { feature?: AreaFeature };
    const el = path.getElement();
    const feature = path.feature;
    if (!el || !feature) return;
    const code = feature.properties.la_code;
    el.setAttribute('data-testid', `area-${code}`);
    el.setAttribute('data-la-code', code);
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', options.select?.role ?? 'link');
    el.setAttribute(
      'aria-label',
      `${options.label(code)}. ${options.select?.hint ?? 'Open the area profile.'}`,
    );
    const { enter, leave } = attention(options, outline);
    el.addEventListener('focus', () => enter(feature));
    el.addEventListener('blur', leave);
    el.addEventListener('keydown', (event) => {
      const { key } = event as KeyboardEvent;
      if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        options.onSelect(code);
      }
    });
  });
}

/** The bounds to show: the areas to fit (with neighbours around a single one), or all. */
export function boundsToFit(layer: L.GeoJSON, fitTo: Set<string> | null): L.LatLngBounds {
  let bounds = L.latLngBounds([]);
  layer.eachLayer((l) => {
    const polygon = l as L.Polygon & { feature?: AreaFeature };
    const code = polygon.feature?.properties.la_code;
    if (fitTo === null || (code && fitTo.has(code))) bounds.extend(polygon.getBounds());
  });
  if (!bounds.isValid()) bounds = layer.getBounds();
  return fitTo?.size === 1 ? bounds.pad(2) : bounds;
}
