// The public maps (committees, events): MapLibre over the configured style or the built-in
// outlines, reading the map API as the view moves. Its own chunk, imported by map-panel.ts.
import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import {
  Map as MapLibre,
  Marker,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  type LngLatLike,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import outlinesUrl from './france-outlines.json?url';
import { locale } from './messages.ts';
import {
  clusterName,
  clusterZoom,
  FRANCE_BOUNDS,
  mapQuery,
  MAX_ZOOM,
  PLACE_ZOOM,
  spread,
  startText,
  styleOf,
} from './map-options.ts';
import type { MapPanelData } from './map-panel.ts';

interface Answer {
  clusters: { lat: number; lng: number; count: number }[];
  markers: { id: number; title: string; lat: number; lng: number; startsAt?: string }[];
}
type Point = Answer['markers'][number];

/** Waits this long after the view stops moving before asking the server. */
const SETTLE_MS = 250;

const absolute = (url: string) => new URL(url, window.location.href).href;

/** A marker's popup: its name, an event's start, and the link to its page. */
function popupContent(data: MapPanelData, point: Point): HTMLElement {
  const box = document.createElement('div');
  box.className = 'map-popup';
  const title = document.createElement('strong');
  title.textContent = point.title;
  box.append(title);
  if (point.startsAt) {
    const when = document.createElement('p');
    when.textContent = startText(point.startsAt, data.timeZone, locale());
    box.append(when);
  }
  const link = document.createElement('a');
  link.href = `/${data.kind}/${point.id}`;
  link.textContent = data.texts.open;
  box.append(link);
  return box;
}

export function drawMap(panel: HTMLElement, data: MapPanelData): void {
  setWorkerUrl(absolute(workerUrl));
  const container = document.createElement('div');
  container.className = 'map';
  panel.replaceChildren(container);
  const { texts } = data;
  const map = new MapLibre({
    container,
    style: styleOf(data, absolute(outlinesUrl)),
    ...(data.center
      ? { center: data.center, zoom: PLACE_ZOOM }
      : { bounds: FRANCE_BOUNDS, fitBoundsOptions: { padding: 8 } }),
    maxZoom: MAX_ZOOM,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: { compact: true },
    locale: {
      'Map.Title': texts.label,
      'NavigationControl.ZoomIn': texts.zoomIn,
      'NavigationControl.ZoomOut': texts.zoomOut,
      'NavigationControl.ResetBearing': texts.resetBearing,
      'Popup.Close': texts.close,
      'AttributionControl.ToggleAttribution': texts.attribution,
    },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }));
  // Without roads or names, the scale is what says how far apart the markers are.
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

  const shown = new Map<string, Marker>();
  /** Puts these markers on the map, keeping those already there, removing the others. */
  const show = (next: Map<string, () => Marker>) => {
    for (const [key, marker] of shown) {
      if (next.has(key)) continue;
      marker.remove();
      shown.delete(key);
    }
    for (const [key, make] of next) {
      if (!shown.has(key)) shown.set(key, make().addTo(map));
    }
  };

  const draw = (answer: Answer) => {
    const next = new Map<string, () => Marker>();
    for (const cluster of answer.clusters) {
      const at: LngLatLike = [cluster.lng, cluster.lat];
      next.set(`c${cluster.lng},${cluster.lat},${cluster.count}`, () => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `map-cluster${cluster.count >= 100 ? ' map-cluster-large' : ''}`;
        button.textContent = cluster.count.toLocaleString(locale() === 'en' ? 'en-GB' : 'fr-FR');
        button.setAttribute('aria-label', clusterName(texts, cluster.count, locale()));
        button.addEventListener('click', (event) => {
          event.stopPropagation();
          map.easeTo({ center: at, zoom: clusterZoom(map.getZoom()) });
        });
        return new Marker({ element: button }).setLngLat(at);
      });
    }
    const offsets = spread(answer.markers);
    for (const point of answer.markers) {
      next.set(`m${point.id}`, () => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'map-marker';
        button.setAttribute('aria-label', point.title);
        return new Marker({ element: button, offset: offsets.get(point) })
          .setLngLat([point.lng, point.lat])
          .setPopup(
            new Popup({ offset: 14, maxWidth: '16rem' }).setDOMContent(popupContent(data, point)),
          );
      });
    }
    show(next);
  };

  let request: AbortController | null = null;
  let timer: number | undefined;
  const load = async () => {
    request?.abort();
    const current = new AbortController();
    request = current;
    const bounds = map.getBounds();
    const url = mapQuery(
      data.api,
      {
        west: bounds.getWest(),
        south: bounds.getSouth(),
        east: bounds.getEast(),
        north: bounds.getNorth(),
        zoom: map.getZoom(),
      },
      window.location.href,
    );
    try {
      const response = await fetch(url, {
        signal: current.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return;
      const answer = (await response.json()) as Answer;
      if (request === current) draw(answer);
    } catch {
      // Aborted by a newer view, or offline: the markers shown stay until the next move.
    }
  };
  const settle = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), SETTLE_MS);
  };
  map.on('movestart', () => {
    window.clearTimeout(timer);
    request?.abort();
  });
  map.on('moveend', settle);
  map.once('load', () => void load());
}
