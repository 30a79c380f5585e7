// The turf's map: MapLibre on the app's plain base (no tile server, so it works offline), with
// the turf's outline, its streets and its addresses drawn from the pack. Its own chunk, imported
// by MapPanel.tsx once the list is shown.
import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import {
  LngLatBounds,
  Map as MapLibre,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { VisitOutcome } from '../../../contracts/field-turfs.ts';
import type { CanvassPack } from '../../../contracts/field-visits.ts';
import { turfStyle, positionData } from './style.ts';

export interface MapAddress {
  id: number;
  /** The marker's title: "12 bis Rue de la Paix". */
  label: string;
  /** What the marker shows: the number. */
  text: string;
  lat: number;
  lng: number;
  outcome: VisitOutcome | null;
  doNotVisit: boolean;
}

export interface MapPosition {
  lat: number;
  lng: number;
}

export interface TurfMapHandle {
  update(markers: readonly MapAddress[]): void;
  setPosition(position: MapPosition | null): void;
  destroy(): void;
}

export interface TurfMapOptions {
  pack: CanvassPack;
  markers: readonly MapAddress[];
  position: MapPosition | null;
  texts: { label: string; zoomIn: string; zoomOut: string; me: string };
  onSelect: (addressId: number) => void;
}

const MAX_ZOOM = 19;

const markerClass = (marker: MapAddress) =>
  `pin pin-${marker.outcome ?? 'none'}${marker.doNotVisit ? ' pin-do-not-visit' : ''}`;

export function drawTurfMap(container: HTMLElement, options: TurfMapOptions): TurfMapHandle {
  setWorkerUrl(new URL(workerUrl, window.location.href).href);
  const { pack, texts } = options;
  const bounds = new LngLatBounds();
  for (const address of pack.addresses) bounds.extend([address.lng, address.lat]);
  for (const corner of pack.turf.outline) bounds.extend(corner);
  const map = new MapLibre({
    container,
    style: turfStyle(pack, options.position),
    ...(bounds.isEmpty()
      ? { center: [2.35, 46.6], zoom: 5 }
      : { bounds, fitBoundsOptions: { padding: 32, maxZoom: 18 } }),
    maxZoom: MAX_ZOOM,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: false,
    locale: {
      'Map.Title': texts.label,
      'NavigationControl.ZoomIn': texts.zoomIn,
      'NavigationControl.ZoomOut': texts.zoomOut,
    },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }));
  // With no streets' names drawn, the scale says how far apart the doors are.
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

  // HTML markers: numbers need no glyph server, and each is a button the finger can hit.
  // Hidden from the keyboard and screen readers: the list below holds the same addresses, each
  // named once.
  const markers = new Map<number, { marker: Marker; element: HTMLButtonElement }>();
  const update = (next: readonly MapAddress[]) => {
    const keep = new Set(next.map((m) => m.id));
    for (const [id, { marker }] of markers) {
      if (keep.has(id)) continue;
      marker.remove();
      markers.delete(id);
    }
    for (const address of next) {
      const known = markers.get(address.id);
      if (known) {
        known.element.className = markerClass(address);
        continue;
      }
      const element = document.createElement('button');
      element.type = 'button';
      element.tabIndex = -1;
      element.className = markerClass(address);
      element.textContent = address.text;
      element.setAttribute('aria-hidden', 'true');
      element.title = address.label;
      element.addEventListener('click', (event) => {
        event.stopPropagation();
        options.onSelect(address.id);
      });
      const marker = new Marker({ element }).setLngLat([address.lng, address.lat]).addTo(map);
      markers.set(address.id, { marker, element });
    }
  };
  update(options.markers);

  let position = options.position;
  const setPosition = (next: MapPosition | null) => {
    position = next;
    const source = map.getSource<GeoJSONSource>('me');
    if (source) void source.setData(positionData(position));
  };
  map.once('load', () => setPosition(position));

  return {
    update,
    setPosition,
    destroy: () => map.remove(),
  };
}
