import type { Locale } from '../../../../contracts/common.ts';
import { escapeHtml } from './text.ts';

/** The texts every public map shares (MapLibre's controls included), French and English. */
const common = {
  fr: {
    show: 'Afficher la carte',
    failed: 'La carte n’a pas pu être chargée. La liste ci-dessous reste à jour.',
    zoomIn: 'Zoomer',
    zoomOut: 'Dézoomer',
    resetBearing: 'Remettre le nord en haut',
    close: 'Fermer',
    attribution: 'Afficher les sources de la carte',
    outlines: 'Contours : Natural Earth',
  },
  en: {
    show: 'Show the map',
    failed: 'The map could not be loaded. The list below is up to date.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetBearing: 'Reset bearing to north',
    close: 'Close',
    attribution: 'Show the map’s sources',
    outlines: 'Outlines: Natural Earth',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** What the page's script reads to draw the map (see web/site/map.ts). */
export interface MapPanelTexts {
  /** The map's accessible name. */
  label: string;
  /** A cluster's name, `{count}` replaced: one, several. */
  clusterOne: string;
  clusterMany: string;
  /** The link of a marker's popup to the page of what it marks. */
  open: string;
}

export interface MapPanel {
  locale: Locale;
  kind: 'committees' | 'events';
  /** The map API with the page's filters; the script adds the view. */
  api: string;
  texts: MapPanelTexts;
  /** MAP_STYLE_URL, when set; else the built-in outlines. */
  styleUrl: string | null;
  /** Where the search was made: the map opens there; over France otherwise. */
  center: { lat: number; lng: number } | null;
  /** The campaign's time zone, for the events' dates. */
  timeZone: string;
}

/**
 * The place of a public page's map: empty and hidden until the site's script, finding it,
 * loads the map (or offers to, on a phone). Without a script the list is the page.
 */
export function mapPanel(panel: MapPanel): string {
  const texts = { ...common[panel.locale], ...panel.texts };
  const attributes = [
    `data-map="${panel.kind}"`,
    `data-map-api="${escapeHtml(panel.api)}"`,
    `data-map-texts="${escapeHtml(JSON.stringify(texts))}"`,
    `data-time-zone="${escapeHtml(panel.timeZone)}"`,
    ...(panel.styleUrl ? [`data-map-style="${escapeHtml(panel.styleUrl)}"`] : []),
    ...(panel.center
      ? [`data-map-center="${panel.center.lng.toFixed(4)},${panel.center.lat.toFixed(4)}"`]
      : []),
  ];
  // The map itself is the labelled region (MapLibre's canvas): no second one around it.
  return `<div class="map-panel" ${attributes.join(' ')} hidden></div>`;
}
