// MapLibre for the field pages' maps: imported only by the map components, loaded on demand.
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  Map as MapLibre,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type LngLatBoundsLike,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { baseStyle } from '../../core/map/baseStyle.ts';

// Bundled, the worker is no longer beside the library's module: say where the build put it.
setWorkerUrl(workerUrl);

/** Metropolitan France, where a map with nothing to show opens. */
const FRANCE: LngLatBoundsLike = [
  [-5.2, 41.3],
  [9.6, 51.1],
];

/** A map on the app's plain base, with zoom buttons and a scale, and no rotation. */
export function newFieldMap(container: HTMLElement): MapLibre {
  const map = new MapLibre({
    container,
    style: baseStyle(),
    bounds: FRANCE,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.touchZoomRotate.disableRotation();
  return map;
}

/** Frames the points (longitude, latitude), or leaves the view as it is when there are none. */
export function fitPoints(map: MapLibre, points: ReadonlyArray<readonly [number, number]>) {
  if (points.length === 0) return;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  map.fitBounds(
    [
      [Math.min(...lngs), Math.min(...lats)],
      [Math.max(...lngs), Math.max(...lats)],
    ],
    { padding: 48, maxZoom: 16, duration: 0 },
  );
}

/** A name on the map, in HTML: the offline base has no font files for map labels. */
export function labelMarker(text: string, lng: number, lat: number): Marker {
  const element = document.createElement('div');
  element.className = 'field-map-label';
  element.textContent = text;
  Object.assign(element.style, {
    font: '600 12px/1.2 system-ui, sans-serif',
    color: '#212529',
    background: 'rgba(255, 255, 255, 0.85)',
    padding: '1px 4px',
    borderRadius: '3px',
    pointerEvents: 'none',
    whiteSpace: 'nowrap',
  });
  return new Marker({ element }).setLngLat([lng, lat]);
}
