import { useEffect, useMemo, useRef, useState } from 'react';
import type { CanvassPack } from '../../contracts/field-visits.ts';
import { useI18n } from './i18n.ts';
import type { MapAddress, MapPosition, TurfMapHandle } from './map/draw.ts';
import { addressLabel, type AddressState } from './walk-list.ts';

const SHOWN_KEY = 'levier.canvass.map';

function storedShown(): boolean {
  try {
    return window.localStorage.getItem(SHOWN_KEY) !== '0';
  } catch {
    return true;
  }
}

/** MapLibre 6 draws with WebGL 2 only. */
function canDrawMaps(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

type MapStatus = 'loading' | 'ready' | 'unsupported' | 'failed';

/**
 * The turf's map, under a button that hides it. MapLibre is a chunk of its own, imported once
 * the list is on screen (this effect runs after it is drawn), and precached by the service
 * worker for offline use; the list never waits for it.
 */
export function MapPanel({
  pack,
  states,
  position,
  onSelect,
}: {
  pack: CanvassPack;
  states: ReadonlyMap<number, AddressState>;
  position: MapPosition | null;
  onSelect: (addressId: number) => void;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(storedShown);
  const [status, setStatus] = useState<MapStatus>('loading');
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<TurfMapHandle | null>(null);
  const markers = useMemo<MapAddress[]>(
    () =>
      pack.addresses.map((address) => ({
        id: address.id,
        label: addressLabel(address),
        text: `${address.number}${address.suffix ? address.suffix.slice(0, 1) : ''}`,
        lat: address.lat,
        lng: address.lng,
        outcome: states.get(address.id)?.outcome ?? null,
        doNotVisit: address.doNotVisit,
      })),
    [pack.addresses, states],
  );
  // The latest values, read by the map when it is drawn (the drawing itself does not redo).
  const latest = useRef({ markers, position, onSelect });
  latest.current = { markers, position, onSelect };
  const texts = {
    label: t('map.label'),
    zoomIn: t('map.zoomIn'),
    zoomOut: t('map.zoomOut'),
    me: t('map.me'),
  };
  const textsKey = JSON.stringify(texts);

  useEffect(() => {
    if (!shown) return;
    if (!canDrawMaps()) {
      setStatus('unsupported');
      return;
    }
    setStatus('loading');
    let cancelled = false;
    let drawn: TurfMapHandle | null = null;
    import('./map/draw.ts')
      .then(({ drawTurfMap }) => {
        if (cancelled || !container.current) return;
        drawn = drawTurfMap(container.current, {
          pack,
          markers: latest.current.markers,
          position: latest.current.position,
          texts: JSON.parse(textsKey) as typeof texts,
          onSelect: (id) => latest.current.onSelect(id),
        });
        handle.current = drawn;
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
      drawn?.destroy();
      handle.current = null;
    };
    // `texts` is read through its key: a new object each render would redraw the map.
  }, [shown, pack, textsKey]);

  useEffect(() => handle.current?.update(markers), [markers, status]);
  useEffect(() => handle.current?.setPosition(position), [position, status]);

  const toggle = () => {
    const next = !shown;
    setShown(next);
    try {
      window.localStorage.setItem(SHOWN_KEY, next ? '1' : '0');
    } catch {
      // kept for this visit only
    }
  };

  return (
    <section className="turf-map-panel" aria-label={t('map.label')}>
      <button
        type="button"
        className="button button-small button-secondary"
        aria-expanded={shown}
        onClick={toggle}
      >
        {shown ? t('map.hide') : t('map.show')}
      </button>
      {shown && (
        <>
          {status === 'loading' && <p className="hint">{t('map.loading')}</p>}
          {status === 'unsupported' && <p className="hint">{t('map.unsupported')}</p>}
          {status === 'failed' && <p className="hint">{t('map.failed')}</p>}
          <div
            ref={container}
            className="turf-map"
            hidden={status === 'unsupported' || status === 'failed'}
          />
        </>
      )}
    </section>
  );
}
