import type { FeatureCollection, Point } from 'geojson';
import {
  Map as MapLibre,
  NavigationControl,
  Popup,
  ScaleControl,
  type ExpressionSpecification,
  type GeoJSONSource,
} from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { ImpactMap as ImpactMapData } from '../../../contracts/insights.ts';
import { rampExpression } from '../field/colourRamps.ts';
import { fitPoints } from '../field/fieldMap.ts';
import outlinesUrl from '../../site/france-outlines.json?url';
import { builtInStyle, FRANCE_BOUNDS } from '../../site/map-options.ts';
import { SHORTNESS_RAMP } from './ramp.ts';

/** A territory on the map, as a popup says it. */
export interface MapTexts {
  label: string;
  /** The outlines' attribution ("Contours : Natural Earth"). */
  outlines: string;
  describe: (id: string) => string;
}

const NO_MARGIN_COLOUR = '#adb5bd';

function pointsData(
  map: ImpactMapData,
  shortness: ReadonlyMap<string, number | null>,
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: map.features.map((feature) => {
      const short = shortness.get(feature.properties.id);
      return {
        type: 'Feature',
        properties: {
          id: feature.properties.id,
          short: short ?? -1,
          approximate: feature.properties.placedBy === 'commune',
        },
        geometry: {
          type: 'Point',
          coordinates: [feature.geometry.coordinates[0], feature.geometry.coordinates[1]],
        },
      };
    }),
  };
}

const colour = [
  'case',
  ['<', ['get', 'short'], 0],
  NO_MARGIN_COLOUR,
  rampExpression(SHORTNESS_RAMP, 'short'),
] as unknown as ExpressionSpecification;

/**
 * The territories as circles over the built-in outlines of France, coloured by how
 * short of contacts they are against the margin; a click tells a territory's figures. Loaded on
 * demand: the rest of HQ does not carry MapLibre.
 */
export function ImpactMap({
  data,
  shortness,
  texts,
  fitKey,
}: {
  data: ImpactMapData;
  shortness: ReadonlyMap<string, number | null>;
  texts: MapTexts;
  /** The view frames the points again when this changes (the level, the département). */
  fitKey: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibre | null>(null);
  const fitted = useRef<string | null>(null);
  const latest = useRef(texts);
  useEffect(() => {
    latest.current = texts;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // The built-in outlines of the public maps (land, France's départements), from this build.
    const created = new MapLibre({
      container: element,
      style: builtInStyle(new URL(outlinesUrl, window.location.href).href, latest.current.outlines),
      bounds: FRANCE_BOUNDS,
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    created.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    created.touchZoomRotate.disableRotation();
    let stopped = false;
    created.on('load', () => {
      if (stopped) return;
      created.addSource('territories', {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
      });
      created.addLayer({
        id: 'territories',
        type: 'circle',
        source: 'territories',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 5, 10, 9, 15, 12],
          'circle-color': colour,
          'circle-opacity': ['case', ['get', 'approximate'], 0.55, 0.9],
          'circle-stroke-color': '#495057',
          'circle-stroke-width': 0.75,
        },
      });
      created.on('click', 'territories', (event) => {
        const feature = event.features?.[0];
        const id: unknown = feature?.properties?.id;
        if (typeof id !== 'string' || feature?.geometry.type !== 'Point') return;
        const [lng, lat] = feature.geometry.coordinates;
        const text = document.createElement('div');
        text.textContent = latest.current.describe(id);
        new Popup({ closeButton: true }).setLngLat([lng, lat]).setDOMContent(text).addTo(created);
      });
      created.on('mouseenter', 'territories', () => {
        created.getCanvas().style.cursor = 'pointer';
      });
      created.on('mouseleave', 'territories', () => {
        created.getCanvas().style.cursor = '';
      });
      element.dataset.ready = 'true';
      setMap(created);
    });
    return () => {
      stopped = true;
      setMap(null);
      created.remove();
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    void map.getSource<GeoJSONSource>('territories')?.setData(pointsData(data, shortness));
    if (fitted.current === fitKey || data.features.length === 0) return;
    fitted.current = fitKey;
    fitPoints(
      map,
      data.features.map((f) => [f.geometry.coordinates[0], f.geometry.coordinates[1]] as const),
    );
  }, [map, data, shortness, fitKey]);

  return (
    <div
      ref={container}
      className="impact-map"
      role="region"
      aria-label={texts.label}
      data-territories={data.features.length}
      style={{ height: 440, width: '100%', borderRadius: 4, overflow: 'hidden' }}
    />
  );
}
