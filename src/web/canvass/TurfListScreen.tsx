import { useCallback, useEffect, useState } from 'react';
import { isUnauthenticated, loadMyTurfs, LOGIN_URL, type MyTurf } from './api.ts';
import { readMeta, writeMeta } from './db.ts';
import { dateTimeText, dayText, useI18n } from './i18n.ts';
import { useLiveQuery } from './live.ts';
import { navigate } from './router.ts';
import { useServices } from './services.tsx';
import { useScreenHeading } from './focus.ts';

interface SavedTurfs {
  items: MyTurf[];
  savedAt: number;
}

type TurfsState =
  | { kind: 'loading' }
  | { kind: 'ready'; turfs: SavedTurfs; offline: boolean }
  | { kind: 'offline_none' }
  | { kind: 'error'; turfs: SavedTurfs | null };

const MY_TURFS = 'myTurfs';

/** Screen 1: the turfs given to the volunteer, from the server, else as saved on the phone. */
export function TurfListScreen() {
  const { db } = useServices();
  const { t, locale } = useI18n();
  const heading = useScreenHeading();
  const [state, setState] = useState<TurfsState>({ kind: 'loading' });
  const downloaded = useLiveQuery(() => db.packs.toCollection().primaryKeys(), [db]);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const saved = await readMeta<SavedTurfs>(db, MY_TURFS);
    try {
      const answer = await loadMyTurfs();
      const turfs = { items: answer.items, savedAt: Date.now() };
      await writeMeta(db, MY_TURFS, turfs);
      setState({ kind: 'ready', turfs, offline: false });
    } catch (error) {
      if (isUnauthenticated(error)) {
        window.location.assign(LOGIN_URL);
        return;
      }
      if (saved) setState({ kind: 'ready', turfs: saved, offline: true });
      else setState(navigator.onLine ? { kind: 'error', turfs: null } : { kind: 'offline_none' });
    }
  }, [db]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="screen">
      <h1 ref={heading} tabIndex={-1}>
        {t('turfs.title')}
      </h1>
      {state.kind === 'loading' && <p className="note">{t('turfs.loading')}</p>}
      {state.kind === 'offline_none' && <p className="note">{t('turfs.offlineNone')}</p>}
      {state.kind === 'error' && (
        <div className="note note-warning">
          <p>{t('turfs.error')}</p>
          <button type="button" className="button" onClick={() => void load()}>
            {t('turfs.retry')}
          </button>
        </div>
      )}
      {state.kind === 'ready' && (
        <>
          {state.offline && (
            <p className="note">
              {t('turfs.offline', { date: dateTimeText(locale, state.turfs.savedAt) })}
            </p>
          )}
          {state.turfs.items.length === 0 ? (
            <p className="note">{t('turfs.empty')}</p>
          ) : (
            <ul className="turfs">
              {state.turfs.items.map((turf) => (
                <li key={turf.id}>
                  <button
                    type="button"
                    className="turf"
                    aria-describedby={`turf-${turf.id}-facts`}
                    onClick={() => navigate({ screen: 'walk', turfId: turf.id })}
                  >
                    <span className="turf-name">{turf.name}</span>
                  </button>
                  <p className="turf-facts" id={`turf-${turf.id}-facts`}>
                    {[
                      t('turfs.addresses', { count: turf.addressCount }),
                      t('turfs.visited', { done: turf.visited, total: turf.addressCount }),
                      turf.committeeName && t('turfs.committee', { name: turf.committeeName }),
                      turf.startsOn &&
                        turf.endsOn &&
                        t('turfs.dates', {
                          from: dayText(locale, turf.startsOn),
                          until: dayText(locale, turf.endsOn),
                        }),
                      downloaded?.includes(turf.id) && t('turfs.downloaded'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
