import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibre, Marker } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { AreaPolygon } from '../../../contracts/committee-area.ts';
import type { Turf } from '../../../contracts/field-turfs.ts';
import { PROGRESS_RAMP, rampExpression } from './colourRamps.ts';
import { fitPoints, labelMarker, newFieldMap } from './fieldMap.ts';

export interface TurfsMapProps {
  turfs: readonly Turf[];
  selected: ReadonlySet<number>;
  onPick: (turf: Turf) => void;
  /** A drawn area's polygon, shown under its turfs. */
  polygon: AreaPolygon | null;
  label: string;
}

/** Up to this many turfs, their names are always written; beyond, from this zoom on. */
const FEW_TURFS = 12;
const LABEL_ZOOM = 14;

const progress = (turf: Turf) => (turf.addressCount > 0 ? turf.visited / turf.addressCount : 0);

const closed = (ring: Turf['outline']) => {
  const [first] = ring;
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
};

function turfData(turfs: readonly Turf[], selected: ReadonlySet<number>) {
  const properties = (turf: Turf) => ({
    id: turf.id,
    progress: progress(turf),
    selected: selected.has(turf.id),
  });
  const outlines: FeatureCollection<Polygon> = {
    type: 'FeatureCollection',
    features: turfs
      .filter((turf) => turf.outline.length >= 3)
      .map((turf) => ({
        type: 'Feature',
        properties: properties(turf),
        geometry: { type: 'Polygon', coordinates: [closed(turf.outline)] },
      })),
  };
  // Every turf has a dot at its centre: seen when the map is zoomed out (and for a turf of one
  // or two addresses, which has no outline).
  const dots: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: turfs.flatMap((turf) => {
      const point = labelPoint(turf);
      return point
        ? [
            {
              type: 'Feature' as const,
              properties: properties(turf),
              geometry: { type: 'Point' as const, coordinates: point },
            },
          ]
        : [];
    }),
  };
  return { outlines, dots };
}

/** Where a turf's name goes: its centre, else the middle of its outline. */
function labelPoint(turf: Turf): [number, number] | null {
  if (turf.lat !== null && turf.lng !== null) return [turf.lng, turf.lat];
  if (turf.outline.length === 0) return null;
  const n = turf.outline.length;
  return [
    turf.outline.reduce((sum, p) => sum + p[0], 0) / n,
    turf.outline.reduce((sum, p) => sum + p[1], 0) / n,
  ];
}

const allPoints = (turfs: readonly Turf[], polygon: AreaPolygon | null) => [
  ...turfs.flatMap((turf) => turf.outline),
  ...turfs.flatMap((turf) => {
    const point = labelPoint(turf);
    return point ? [point] : [];
  }),
  ...((polygon?.coordinates[0] ?? []) as Array<[number, number]>),
];

/** The area's turfs: outlines coloured by the share of doors visited, named, picked by a click. */
export function TurfsMap({ turfs, selected, onPick, polygon, label }: TurfsMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const labels = useRef<Marker[]>([]);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef({ turfs, selected, onPick, polygon });
  useEffect(() => {
    latest.current = { turfs, selected, onPick, polygon };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = newFieldMap(element);
    let stopped = false;
    map.on('load', () => {
      if (stopped) return;
      const first = latest.current;
      const { outlines, dots } = turfData(first.turfs, first.selected);
      if (first.polygon) {
        map.addSource('area', {
          type: 'geojson',
          data: { type: 'Feature', properties: {}, geometry: first.polygon },
        });
        map.addLayer({
          id: 'area',
          type: 'line',
          source: 'area',
          paint: { 'line-color': '#1864ab', 'line-width': 2, 'line-dasharray': [3, 2] },
        });
      }
      map.addSource('turfs', { type: 'geojson', data: outlines });
      map.addSource('turf-dots', { type: 'geojson', data: dots });
      const colour = rampExpression(PROGRESS_RAMP, 'progress');
      map.addLayer({
        id: 'turfs',
        type: 'fill',
        source: 'turfs',
        paint: { 'fill-color': colour, 'fill-opacity': 0.55 },
      });
      map.addLayer({
        id: 'turf-lines',
        type: 'line',
        source: 'turfs',
        paint: {
          'line-color': ['case', ['get', 'selected'], '#1c3f8f', '#495057'],
          'line-width': ['case', ['get', 'selected'], 3, 1],
        },
      });
      map.addLayer({
        id: 'turf-dots',
        type: 'circle',
        source: 'turf-dots',
        paint: {
          'circle-radius': 6,
          'circle-color': colour,
          'circle-stroke-color': ['case', ['get', 'selected'], '#1c3f8f', '#495057'],
          'circle-stroke-width': ['case', ['get', 'selected'], 3, 1],
        },
      });
      // One handler for both layers: a click on a dot inside its outline picks the turf once.
      const pickable = ['turf-dots', 'turfs'];
      map.on('click', (event) => {
        const [feature] = map.queryRenderedFeatures(event.point, { layers: pickable });
        const id: unknown = feature?.properties?.id;
        const turf = latest.current.turfs.find((t) => t.id === id);
        if (turf) latest.current.onPick(turf);
      });
      for (const layer of pickable) {
        map.on('mouseenter', layer, () => {
          map.getCanvas().style.cursor = 'pointer';
        });
        map.on('mouseleave', layer, () => {
          map.getCanvas().style.cursor = '';
        });
      }
      mapRef.current = map;
      setLoaded(true);
      element.dataset.ready = 'true';
    });
    return () => {
      stopped = true;
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const { outlines, dots } = turfData(turfs, selected);
    void map.getSource<GeoJSONSource>('turfs')?.setData(outlines);
    void map.getSource<GeoJSONSource>('turf-dots')?.setData(dots);
  }, [turfs, selected, loaded]);

  // Names follow the turfs (a cut, a split or a merge changes them), above their dots; zoomed
  // out over many turfs, they would cover one another and are left out until one zooms in.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    for (const marker of labels.current) marker.remove();
    labels.current = turfs.flatMap((turf) => {
      const point = labelPoint(turf);
      return point ? [labelMarker(turf.name, point[0], point[1]).setOffset([0, -16])] : [];
    });
    const show = () => {
      const visible = turfs.length <= FEW_TURFS || map.getZoom() >= LABEL_ZOOM;
      for (const marker of labels.current) {
        if (visible) marker.addTo(map);
        else marker.remove();
      }
    };
    show();
    map.on('zoomend', show);
    return () => {
      map.off('zoomend', show);
    };
  }, [turfs, loaded]);

  // Other turfs (a cut, a split, a merge): the map frames them again.
  const turfIds = turfs.map((turf) => turf.id).join(',');
  useEffect(() => {
    const map = mapRef.current;
    if (map) fitPoints(map, allPoints(latest.current.turfs, latest.current.polygon));
  }, [turfIds, loaded]);

  return (
    <div
      ref={container}
      role="application"
      aria-label={label}
      style={{ height: 420, width: '100%', borderRadius: 4, overflow: 'hidden' }}
    />
  );
}
