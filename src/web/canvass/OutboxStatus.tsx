import { useEffect, useState, useSyncExternalStore } from 'react';
import { LOGIN_URL } from './api.ts';
import { timeText, useI18n } from './i18n.ts';
import { useLiveQuery } from './live.ts';
import { otherAccountsWaiting, outboxCounts, rejectedVisits, resendRejected } from './outbox.ts';
import { useServices } from './services.tsx';
import { addressLabel } from './walk-list.ts';
import type { CanvassMessageKey } from './messages.ts';

/** Whether the browser thinks it is online, following its `online`/`offline` events. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * How many visits wait on this phone, and why: always in view, read from IndexedDB, so a
 * reload offline shows the same count. Refused visits are listed with the server's reason.
 * Visits another account recorded here are counted apart: they wait for it, not for the
 * person logged in.
 */
export function OutboxStatus() {
  const { db, sync } = useServices();
  const { t, locale } = useI18n();
  const counts = useLiveQuery(() => outboxCounts(db), [db]);
  const others = useLiveQuery(() => otherAccountsWaiting(db), [db]);
  const state = useSyncExternalStore(sync.subscribe, sync.getState);
  const online = useOnline();
  const rejected = useLiveQuery(async () => {
    const rows = await rejectedVisits(db);
    const packs = new Map(
      (await db.packs.bulkGet(rows.map((r) => r.turfId))).map((p, i) => [rows[i].turfId, p]),
    );
    return rows.map((row) => {
      const address = packs.get(row.turfId)?.pack.addresses.find((a) => a.id === row.addressId);
      return { row, label: address ? addressLabel(address) : `#${row.addressId}` };
    });
  }, [db]);
  // Both counts drawn together: with one read and not the other, the line would say for a
  // moment that all is sent while another account's visits wait.
  if (!counts || !others) return null;
  const othersText =
    others.visits > 0
      ? t(others.accounts > 1 ? 'outbox.otherAccounts' : 'outbox.otherAccount', {
          count: others.visits,
        })
      : null;

  const reason = (() => {
    if (counts.pending === 0) return null;
    if (state.syncing) return t('outbox.sending');
    if (state.failure === 'unauthenticated') return t('outbox.unauthenticated');
    if (state.failure === 'offline' || !online) return t('outbox.offline');
    if (state.failure && state.retryAt)
      return t('outbox.retryAt', { time: timeText(locale, state.retryAt) });
    return null;
  })();

  return (
    <section
      className={`outbox${counts.pending || othersText ? ' outbox-waiting' : ''}`}
      aria-label={t('outbox.label')}
    >
      <p role="status" className="outbox-line">
        <span>
          {counts.pending ? t('outbox.pending', { count: counts.pending }) : t('outbox.allSent')}
        </span>
        {reason && <span className="outbox-reason"> {reason}</span>}
        {othersText && <span className="outbox-others"> {othersText}</span>}
      </p>
      {counts.pending > 0 && state.failure === 'unauthenticated' && (
        <a className="button button-small" href={LOGIN_URL}>
          {t('outbox.login')}
        </a>
      )}
      {counts.pending > 0 && online && !state.syncing && state.failure !== 'unauthenticated' && (
        <button
          type="button"
          className="button button-small"
          onClick={() => void sync.trigger(true)}
        >
          {t('outbox.sendNow')}
        </button>
      )}
      {counts.rejected > 0 && (
        <details className="outbox-rejected">
          <summary>{t('outbox.rejected', { count: counts.rejected })}</summary>
          <ul>
            {rejected?.map(({ row, label }) => (
              <li key={row.id}>
                <span>
                  {t('outbox.rejectedAt', {
                    address: label,
                    outcome: t(`outcome.${row.visit.outcome}` as CanvassMessageKey),
                    message: row.rejection?.message || row.rejection?.code || '',
                  })}
                </span>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void resendRejected(db, [row.id]).then(() => sync.trigger(true))}
                >
                  {t('outbox.resend')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
