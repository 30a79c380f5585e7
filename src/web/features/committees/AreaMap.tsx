import 'maplibre-gl/dist/maplibre-gl.css';
import {
  Map as MapLibre,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { TerraDraw, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { useEffect, useRef } from 'react';
import type { Position } from '../../../contracts/committee-area.ts';
import { baseStyle } from '../../core/map/baseStyle.ts';

// Bundled, the worker is no longer beside the library's module: say where the build put it.
setWorkerUrl(workerUrl);

export interface Landmark {
  name: string;
  lat: number;
  lng: number;
}

export interface AreaMapProps {
  /** The committee's place: the map opens on it. */
  place: { lat: number; lng: number; label: string };
  /** Communes' centres shown by name, to find one's way on a map without tiles. */
  landmarks: readonly Landmark[];
  /** The ring drawn so far (closed), if any. */
  ring: readonly Position[] | null;
  onChange: (ring: Position[] | null) => void;
  /** Changes whenever the drawing must be wiped (the "clear" button). */
  clearSignal: number;
  label: string;
}

/** A town's name on the map (HTML: the offline style has no font files for map labels). */
function townLabel(text: string) {
  const element = document.createElement('div');
  element.className = 'area-map-town';
  element.textContent = text;
  Object.assign(element.style, {
    font: '600 12px/1.2 system-ui, sans-serif',
    color: '#343a40',
    background: 'rgba(255, 255, 255, 0.8)',
    padding: '1px 4px',
    borderRadius: '3px',
    pointerEvents: 'none',
    whiteSpace: 'nowrap',
  });
  return element;
}

const polygonFeature = (ring: readonly Position[]) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [ring.map(([x, y]) => [x, y])] },
  properties: { mode: 'polygon' },
});

/**
 * A MapLibre map where one polygon is drawn and edited (terra-draw's polygon mode): a click
 * adds a corner, a click on the first corner closes it; corners can then be dragged.
 * Loaded on demand (React.lazy): the rest of the app does not carry MapLibre.
 */
export function AreaMap({ place, landmarks, ring, onChange, clearSignal, label }: AreaMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const draw = useRef<TerraDraw | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  // The map is built once per place: what it opens with is read then, not followed.
  const opening = useRef({ ring, landmarks });
  useEffect(() => {
    opening.current = { ring, landmarks };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = new MapLibre({
      container: element,
      style: baseStyle(),
      center: [place.lng, place.lat],
      zoom: 10,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.touchZoomRotate.disableRotation();
    const markers = [
      ...opening.current.landmarks.map((l) =>
        new Marker({ element: townLabel(l.name) }).setLngLat([l.lng, l.lat]).addTo(map),
      ),
      new Marker({ color: '#1c7ed6' }).setLngLat([place.lng, place.lat]).addTo(map),
    ];
    let stopped = false;
    map.on('load', () => {
      if (stopped) return;
      const terraDraw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map }),
        modes: [
          new TerraDrawPolygonMode({
            editable: true,
            showCoordinatePoints: true,
            styles: { fillColor: '#1c7ed6', outlineColor: '#1864ab', fillOpacity: 0.2 },
          }),
        ],
      });
      terraDraw.start();
      terraDraw.setMode('polygon');
      const first = opening.current.ring;
      if (first && first.length >= 4) {
        terraDraw.addFeatures([polygonFeature(first)]);
        const lngs = first.map((p) => p[0]);
        const lats = first.map((p) => p[1]);
        map.fitBounds(
          [
            [Math.min(...lngs), Math.min(...lats)],
            [Math.max(...lngs), Math.max(...lats)],
          ],
          { padding: 40, duration: 0 },
        );
      }
      terraDraw.on('finish', (id) => {
        // One area: a new polygon replaces the one before.
        const others = terraDraw
          .getSnapshot()
          .filter((f) => f.id !== id && f.geometry.type === 'Polygon')
          .map((f) => f.id!);
        if (others.length > 0) terraDraw.removeFeatures(others);
        const feature = terraDraw.getSnapshotFeature(id);
        if (feature?.geometry.type === 'Polygon') {
          changed.current(feature.geometry.coordinates[0]!.map(([x, y]) => [x!, y!] as Position));
        }
      });
      draw.current = terraDraw;
      element.dataset.ready = 'true';
    });
    return () => {
      stopped = true;
      draw.current?.stop();
      draw.current = null;
      for (const marker of markers) marker.remove();
      map.remove();
    };
  }, [place.lat, place.lng]);

  useEffect(() => {
    if (clearSignal === 0) return;
    draw.current?.clear();
    changed.current(null);
  }, [clearSignal]);

  return (
    <div
      ref={container}
      className="area-map"
      role="application"
      aria-label={label}
      style={{ height: 420, width: '100%', borderRadius: 4, overflow: 'hidden' }}
    />
  );
}
