import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibre, Marker } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Position } from '../../../contracts/committee-area.ts';
import type { StationPriority } from '../../../contracts/field.ts';
import { PRIORITY_RAMP, rampExpression } from './colourRamps.ts';
import { fitPoints, labelMarker, newFieldMap } from './fieldMap.ts';

export interface StationsMapProps {
  stations: readonly StationPriority[];
  /** Stations drawn as chosen (a thick outline). */
  selected: ReadonlySet<string>;
  /** A station clicked (not while drawing). */
  onPick: (station: StationPriority) => void;
  /** Whether clicks draw a polygon instead of picking stations. */
  drawing: boolean;
  onRing: (ring: Position[] | null) => void;
  /** Changes whenever the drawing must be wiped. */
  clearSignal: number;
  label: string;
}

const placed = (stations: readonly StationPriority[]) =>
  stations.filter(
    (s): s is StationPriority & { lat: number; lng: number } => s.lat !== null && s.lng !== null,
  );

function stationsData(
  stations: readonly StationPriority[],
  selected: ReadonlySet<string>,
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: placed(stations).map((s) => ({
      type: 'Feature',
      properties: {
        id: s.id,
        relative: s.relative,
        selected: selected.has(s.id),
        approximate: s.placedBy === 'commune',
      },
      geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
    })),
  };
}

/** Beyond this many communes, their names would cover the map: none is written. */
const MAX_COMMUNE_LABELS = 60;

/** Each commune's name at the mean of its stations' points, to find one's way without tiles. */
function communeLabels(stations: readonly StationPriority[]) {
  const byCommune = new Map<string, { name: string; lngs: number[]; lats: number[] }>();
  for (const s of placed(stations)) {
    const commune = byCommune.get(s.communeCode) ?? { name: s.communeName, lngs: [], lats: [] };
    commune.lngs.push(s.lng);
    commune.lats.push(s.lat);
    byCommune.set(s.communeCode, commune);
  }
  if (byCommune.size > MAX_COMMUNE_LABELS) return [];
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return [...byCommune.values()].map((c) => ({
    name: c.name,
    lng: mean(c.lngs),
    lat: mean(c.lats),
  }));
}

/**
 * The polling stations as circles coloured by relative priority (chosen ones ringed), picked by
 * a click; or, while drawing, a polygon drawn with terra-draw as in the committee area editor.
 */
export function StationsMap(props: StationsMapProps) {
  const { stations, selected, drawing, clearSignal, label } = props;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const labels = useRef<Marker[]>([]);
  const [loaded, setLoaded] = useState(false);
  const draw = useRef<TerraDraw | null>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = newFieldMap(element);
    let stopped = false;
    map.on('load', () => {
      if (stopped) return;
      const { stations: first, selected: chosen } = latest.current;
      map.addSource('stations', { type: 'geojson', data: stationsData(first, chosen) });
      map.addLayer({
        id: 'stations',
        type: 'circle',
        source: 'stations',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 4, 12, 8, 16, 12],
          'circle-color': rampExpression(PRIORITY_RAMP, 'relative'),
          'circle-opacity': ['case', ['get', 'approximate'], 0.55, 0.9],
          'circle-stroke-color': ['case', ['get', 'selected'], '#1c3f8f', '#495057'],
          'circle-stroke-width': ['case', ['get', 'selected'], 3, 0.75],
        },
      });
      map.on('click', 'stations', (event) => {
        if (latest.current.drawing) return;
        const id: unknown = event.features?.[0]?.properties?.id;
        const station = latest.current.stations.find((s) => s.id === id);
        if (station) latest.current.onPick(station);
      });
      map.on('mouseenter', 'stations', () => {
        if (!latest.current.drawing) map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', 'stations', () => {
        map.getCanvas().style.cursor = '';
      });
      const terraDraw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map }),
        modes: [
          new TerraDrawPolygonMode({
            editable: true,
            showCoordinatePoints: true,
            styles: { fillColor: '#1c7ed6', outlineColor: '#1864ab', fillOpacity: 0.15 },
          }),
        ],
      });
      terraDraw.start();
      terraDraw.setMode(latest.current.drawing ? 'polygon' : 'static');
      terraDraw.on('finish', (id) => {
        // One area: a new polygon replaces the one before.
        const others = terraDraw
          .getSnapshot()
          .filter((f) => f.id !== id && f.geometry.type === 'Polygon')
          .map((f) => f.id!);
        if (others.length > 0) terraDraw.removeFeatures(others);
        const feature = terraDraw.getSnapshotFeature(id);
        if (feature?.geometry.type === 'Polygon') {
          latest.current.onRing(
            feature.geometry.coordinates[0]!.map(([x, y]) => [x!, y!] as Position),
          );
        }
      });
      draw.current = terraDraw;
      mapRef.current = map;
      setLoaded(true);
      element.dataset.ready = 'true';
    });
    return () => {
      stopped = true;
      draw.current?.stop();
      draw.current = null;
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const source = mapRef.current?.getSource<GeoJSONSource>('stations');
    void source?.setData(stationsData(stations, selected));
  }, [stations, selected]);

  // Another place shown (not the same stations ranked again): frame its stations.
  const communes = useMemo(
    () => [...new Set(stations.map((s) => s.communeCode))].sort().join(','),
    [stations],
  );
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    fitPoints(
      map,
      placed(latest.current.stations).map((s) => [s.lng, s.lat]),
    );
    for (const marker of labels.current) marker.remove();
    // Set above the circles, so that a click on a station is not caught by a name.
    labels.current = communeLabels(latest.current.stations).map((c) =>
      labelMarker(c.name, c.lng, c.lat).setOffset([0, -16]).addTo(map),
    );
  }, [communes, loaded]);

  useEffect(() => {
    draw.current?.setMode(drawing ? 'polygon' : 'static');
  }, [drawing]);

  useEffect(() => {
    if (clearSignal === 0) return;
    draw.current?.clear();
    latest.current.onRing(null);
  }, [clearSignal]);

  return (
    <div
      ref={container}
      role="application"
      aria-label={label}
      style={{ height: 460, width: '100%', borderRadius: 4, overflow: 'hidden' }}
    />
  );
}
