// The public maps' panel as the server drew it, and whether to load the map at once: in the
// site's script, which imports the map's chunk (MapLibre) only when a map is to be shown.

/** What the server drew in `[data-map]` (see server/features/recruitment/pages/map-panel.ts). */
export interface MapPanelData {
  kind: 'committees' | 'events';
  /** The map API with the page's filters. */
  api: string;
  texts: MapTexts;
  styleUrl: string | null;
  /** Longitude and latitude of the place searched. */
  center: [number, number] | null;
  timeZone: string;
}

export interface MapTexts {
  label: string;
  clusterOne: string;
  clusterMany: string;
  open: string;
  show: string;
  failed: string;
  zoomIn: string;
  zoomOut: string;
  resetBearing: string;
  close: string;
  attribution: string;
  outlines: string;
}

/** The panel's data, or null when the element lacks what the map needs. */
export function readPanel(element: HTMLElement): MapPanelData | null {
  const { map: kind, mapApi: api, mapTexts, mapStyle, mapCenter, timeZone } = element.dataset;
  if ((kind !== 'committees' && kind !== 'events') || !api || !mapTexts) return null;
  let texts: MapTexts;
  try {
    texts = JSON.parse(mapTexts) as MapTexts;
  } catch {
    return null;
  }
  const [lng, lat] = (mapCenter ?? '').split(',').map(Number);
  const placed = mapCenter !== undefined && Number.isFinite(lng) && Number.isFinite(lat);
  return {
    kind,
    api,
    texts,
    styleUrl: mapStyle || null,
    center: placed ? [lng!, lat!] : null,
    timeZone: timeZone || 'Europe/Paris',
  };
}

/** What the browser says of itself, for the choice below. */
export interface Device {
  /** The viewport's width in CSS pixels. */
  width: number;
  /** The visitor asked for less data (Save-Data). */
  saveData: boolean;
  /** navigator.connection.effectiveType, where known. */
  effectiveType?: string;
}

/**
 * Load the map with the page, or only when asked ("show the map")? A phone, a slow connection
 * or a visitor saving data gets the button: the map is about 300 kB, the list is the page.
 */
export function loadsAtOnce(device: Device): boolean {
  if (device.saveData) return false;
  if (device.effectiveType && /(^|-)2g$|^3g$/.test(device.effectiveType)) return false;
  return device.width >= 768;
}

/** WebGL 2, which MapLibre draws with: without it the list stays the page, as without script. */
function drawsWebGl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * Shows the map of a `[data-map]` panel: loads its chunk (MapLibre and its style sheet) at
 * once on a wide screen with a fair connection, else behind a "show the map" button.
 */
export function enhanceMap(panel: HTMLElement): void {
  const data = readPanel(panel);
  if (!data || !drawsWebGl()) return;
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  const open = () => {
    panel.setAttribute('aria-busy', 'true');
    import('./map.ts')
      .then(({ drawMap }) => drawMap(panel, data))
      .catch(() => {
        const failed = document.createElement('p');
        failed.className = 'hint';
        failed.textContent = data.texts.failed;
        panel.replaceChildren(failed);
      })
      .finally(() => panel.removeAttribute('aria-busy'));
  };
  panel.hidden = false;
  if (
    loadsAtOnce({
      width: window.innerWidth,
      saveData: connection?.saveData === true,
      effectiveType: connection?.effectiveType,
    })
  ) {
    open();
    return;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = data.texts.show;
  button.addEventListener('click', () => {
    button.remove();
    open();
  });
  panel.replaceChildren(button);
}
