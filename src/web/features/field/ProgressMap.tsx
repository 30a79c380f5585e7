import 'maplibre-gl/dist/maplibre-gl.css';
import {
  Map as MapLibre,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, Point } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { progressMapSchema } from '../../../contracts/field-progress.ts';
import { baseStyle } from '../../core/map/baseStyle.ts';
import { outcomeColors } from './progress-labels.ts';

// Bundled, the worker is no longer beside the library's module: say where the build put it.
setWorkerUrl(workerUrl);

export type MapPoint = z.infer<typeof progressMapSchema>['points'][number];

const FRANCE: [number, number] = [2.5, 46.6];

const colorByOutcome = [
  'match',
  ['get', 'outcome'],
  ...Object.entries(outcomeColors).flat(),
  '#868e96',
] as unknown as ExpressionSpecification;

const pointsData = (points: readonly MapPoint[]): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: points.map((point) => ({
    type: 'Feature',
    properties: { outcome: point.outcome },
    geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
  })),
});

/**
 * Visited addresses as dots coloured by their latest outcome, on the app's plain base. Loaded
 * on demand (React.lazy): the rest of HQ does not carry MapLibre. The view fits the dots when
 * `fitKey` (the filters) changes, not on each refresh, so a refresh never moves the map.
 */
export function ProgressMap({
  points,
  fitKey,
  label,
}: {
  points: readonly MapPoint[];
  fitKey: string;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibre | null>(null);
  const fitted = useRef<string | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = new MapLibre({
      container: element,
      style: baseStyle(),
      center: FRANCE,
      zoom: 5,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    created.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    created.touchZoomRotate.disableRotation();
    created.on('load', () => {
      created.addSource('visits', { type: 'geojson', data: pointsData([]) });
      created.addLayer({
        id: 'visits',
        type: 'circle',
        source: 'visits',
        paint: {
          'circle-color': colorByOutcome,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 2, 13, 4, 17, 8],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      });
      element.dataset.ready = 'true';
      setMap(created);
    });
    return () => {
      setMap(null);
      created.remove();
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    const source = map.getSource<GeoJSONSource>('visits');
    if (source) void source.setData(pointsData(points));
    if (fitted.current === fitKey || points.length === 0) return;
    fitted.current = fitKey;
    const lngs = points.map((p) => p.lng);
    const lats = points.map((p) => p.lat);
    map.fitBounds(
      [
        [Math.min(...lngs), Math.min(...lats)],
        [Math.max(...lngs), Math.max(...lats)],
      ],
      { padding: 40, maxZoom: 17, duration: 0 },
    );
  }, [map, points, fitKey]);

  return (
    <div
      ref={container}
      className="progress-map"
      role="img"
      aria-label={label}
      style={{ height: 420, width: '100%', borderRadius: 4, overflow: 'hidden' }}
    />
  );
}
