import { useEffect, useMemo, useState } from 'react';
import type { CanvassPack } from '../../contracts/field-visits.ts';
import type { WalkAddress } from '../../contracts/field-turfs.ts';
import { LOGIN_URL } from './api.ts';
import { useScreenHeading } from './focus.ts';
import { usePosition, type PositionState } from './geolocation.ts';
import { dateTimeText, useI18n, type CanvassTranslate } from './i18n.ts';
import { useLiveQuery } from './live.ts';
import { enqueueVisit, localVisits, withdrawVisit } from './outbox.ts';
import { navigate } from './router.ts';
import { useOpenedTurf, useServices, useStore } from './services.tsx';
import { MapPanel } from './MapPanel.tsx';
import {
  addressLabel,
  addressStates,
  progress,
  streetGroups,
  withdrawableLeaflet,
  type AddressState,
} from './walk-list.ts';
import type { CanvassMessageKey } from './messages.ts';

const LEAFLET_KEY = 'levier.canvass.leaflet';

function storedLeafletMode(): boolean {
  try {
    return window.localStorage.getItem(LEAFLET_KEY) === '1';
  } catch {
    return false;
  }
}

/** Screen 2: a turf's walk list and its map, once the turf is opened (session, silence). */
export function WalkListScreen({ turfId }: { turfId: number }) {
  const { t } = useI18n();
  const { opened, retry } = useOpenedTurf(turfId);
  const unauthenticated = opened?.kind === 'unauthenticated';
  useEffect(() => {
    if (unauthenticated) window.location.assign(LOGIN_URL);
  }, [unauthenticated]);
  const back = (
    <a
      className="back"
      href="/canvass/"
      onClick={(event) => {
        event.preventDefault();
        navigate({ screen: 'turfs' });
      }}
    >
      {t('walk.back')}
    </a>
  );
  if (!opened) {
    return (
      <div className="screen">
        {back}
        <p className="note">{t('walk.opening')}</p>
      </div>
    );
  }
  if (opened.kind === 'unauthenticated') return null;
  if (opened.kind !== 'ready') {
    return (
      <div className="screen">
        {back}
        <Refusal opened={opened} t={t} retry={retry} />
      </div>
    );
  }
  return (
    <div className="screen">
      {back}
      <WalkList pack={opened.pack} savedAt={opened.offline ? opened.savedAt : null} />
    </div>
  );
}

function Refusal({
  opened,
  t,
  retry,
}: {
  opened: Exclude<ReturnType<typeof useOpenedTurf>['opened'], null>;
  t: CanvassTranslate;
  retry: () => void;
}) {
  const { locale } = useI18n();
  const heading = useScreenHeading();
  switch (opened.kind) {
    case 'silence':
      return (
        <div className="note note-warning" role="alert">
          <h1 ref={heading} tabIndex={-1} className="h-small">
            {t('walk.silence')}
          </h1>
          {opened.until && (
            <p>{t('walk.silenceUntil', { until: dateTimeText(locale, opened.until) })}</p>
          )}
        </div>
      );
    case 'not_assigned':
      return (
        <h1 ref={heading} tabIndex={-1} className="note note-warning h-small">
          {t('walk.notAssigned')}
        </h1>
      );
    default:
      return (
        <div className="note note-warning">
          <h1 ref={heading} tabIndex={-1} className="h-small">
            {t(opened.kind === 'not_downloaded' ? 'walk.notDownloaded' : 'walk.error')}
          </h1>
          <button type="button" className="button" onClick={retry}>
            {t('turfs.retry')}
          </button>
        </div>
      );
  }
}

const sideKey = (side: WalkAddress['side']): CanvassMessageKey | null =>
  side === 'odd' ? 'walk.side.odd' : side === 'even' ? 'walk.side.even' : null;

function WalkList({ pack, savedAt }: { pack: CanvassPack; savedAt: number | null }) {
  const { db, flash, lastAddress, sync } = useServices();
  const { t, locale } = useI18n();
  const returningTo = useStore(lastAddress);
  const heading = useScreenHeading(returningTo !== null);
  const position = usePosition();
  const [leaflet, setLeaflet] = useState(storedLeafletMode);
  const turfId = pack.turf.id;
  const visits = useLiveQuery(() => localVisits(db, turfId), [db, turfId]);
  const groups = useMemo(() => streetGroups(pack.addresses), [pack.addresses]);
  const states = useMemo(
    () => addressStates(pack.addresses, visits ?? []),
    [pack.addresses, visits],
  );
  const { done, total } = progress(states);

  // Back from an address: the volunteer finds it where they left it, focused.
  useEffect(() => {
    if (returningTo === null || visits === undefined) return;
    const button = document.getElementById(`address-${returningTo}`);
    button?.focus();
    button?.scrollIntoView({ block: 'center' });
    lastAddress.set(null);
  }, [returningTo, visits, lastAddress]);

  const toggleLeaflet = () => {
    const next = !leaflet;
    setLeaflet(next);
    try {
      window.localStorage.setItem(LEAFLET_KEY, next ? '1' : '0');
    } catch {
      // kept for this visit only
    }
  };

  const open = (address: WalkAddress) => {
    lastAddress.set(address.id);
    navigate({ screen: 'address', turfId, addressId: address.id });
  };

  const dropLeaflet = async (address: WalkAddress) => {
    const label = addressLabel(address);
    const state = states.get(address.id);
    const mistake = withdrawableLeaflet(state);
    if (mistake) {
      if (await withdrawVisit(db, mistake.id, sync.inFlight)) {
        flash.set({ text: t('walk.leafletWithdrawn', { address: label }), at: Date.now() });
        return;
      }
    }
    if (state?.outcome === 'leaflet') {
      flash.set({ text: t('walk.leafletAlready', { address: label }), at: Date.now() });
      return;
    }
    await enqueueVisit(db, { turfId, addressId: address.id, outcome: 'leaflet', mode: 'leaflet' });
    flash.set({ text: t('walk.leafletDropped', { address: label }), at: Date.now() });
    void sync.trigger();
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {pack.turf.name}
      </h1>
      {savedAt !== null && (
        <p className="note">{t('walk.offline', { date: dateTimeText(locale, savedAt) })}</p>
      )}
      <p className="progress">
        <progress max={total} value={done} aria-hidden="true" />
        <span>{t('walk.progress', { done, total })}</span>
      </p>
      <div className="leaflet-mode">
        <button
          type="button"
          className="switch"
          aria-pressed={leaflet}
          aria-describedby="leaflet-help"
          onClick={toggleLeaflet}
        >
          {t('walk.leafletMode')}
        </button>
        <p id="leaflet-help" className="hint" hidden={!leaflet}>
          {t('walk.leafletHelp')}
        </p>
      </div>
      <p className="hint">{positionText(position, t)}</p>
      <MapPanel
        pack={pack}
        states={states}
        position={position.status === 'ok' ? position : null}
        onSelect={(id) => {
          const address = pack.addresses.find((a) => a.id === id);
          if (!address) return;
          if (leaflet) void dropLeaflet(address);
          else open(address);
        }}
      />
      <h2 className="visually-hidden">{t('walk.listTitle')}</h2>
      {groups.map((group) => {
        const side = sideKey(group.side);
        return (
          <section key={group.key} className="street" aria-labelledby={`group-${group.key}`}>
            <h3 id={`group-${group.key}`}>
              {side ? t('walk.group', { street: group.street, side: t(side) }) : group.street}
            </h3>
            <ul className="addresses">
              {group.addresses.map((address) => (
                <AddressRow
                  key={address.id}
                  address={address}
                  state={states.get(address.id)}
                  leaflet={leaflet}
                  t={t}
                  onActivate={() => (leaflet ? void dropLeaflet(address) : open(address))}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function positionText(position: PositionState, t: CanvassTranslate): string {
  switch (position.status) {
    case 'pending':
      return t('geo.pending');
    case 'ok':
      return t('geo.ok');
    case 'denied':
      return t('geo.denied');
    case 'unavailable':
      return t('geo.unavailable');
    case 'unsupported':
      return t('geo.unsupported');
  }
}

function AddressRow({
  address,
  state,
  leaflet,
  t,
  onActivate,
}: {
  address: WalkAddress;
  state: AddressState | undefined;
  leaflet: boolean;
  t: CanvassTranslate;
  onActivate: () => void;
}) {
  const label = addressLabel(address);
  const outcome = state?.outcome ?? null;
  const facts = [
    outcome ? t(`outcome.${outcome}`) : t('walk.toVisit'),
    address.doNotVisit && t('walk.doNotVisit'),
    state?.waiting && t('walk.waiting'),
    state?.refused && t('walk.refused'),
    address.electors.length > 0 && t('walk.electors', { count: address.electors.length }),
  ].filter(Boolean);
  return (
    <li>
      <button
        type="button"
        id={`address-${address.id}`}
        className={`address outcome-${outcome ?? 'none'}${address.doNotVisit ? ' do-not-visit' : ''}`}
        aria-label={label}
        aria-describedby={`address-${address.id}-facts`}
        aria-pressed={leaflet ? outcome === 'leaflet' : undefined}
        onClick={onActivate}
      >
        <span className="address-number">
          {address.number}
          {address.suffix ? ` ${address.suffix}` : ''}
        </span>
        <span className="address-street">{address.street}</span>
        <span className="address-facts" id={`address-${address.id}-facts`}>
          {facts.join(' · ')}
        </span>
        {address.electors.length > 0 && (
          // Read aloud as a count (the facts); the names are on the address's screen.
          <span className="address-electors" aria-hidden="true">
            {address.electors.join(' · ')}
          </span>
        )}
      </button>
    </li>
  );
}
