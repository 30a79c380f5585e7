import { useEffect, useState } from 'react';
import { AddressSheet } from './AddressSheet.tsx';
import { setLocale, useI18n } from './i18n.ts';
import { OutboxStatus } from './OutboxStatus.tsx';
import { useRoute } from './router.ts';
import { ServicesProvider, useServices, useStore, type CanvassServices } from './services.tsx';
import { TurfListScreen } from './TurfListScreen.tsx';
import { WalkListScreen } from './WalkListScreen.tsx';

/** Says the last thing done (a visit saved, a leaflet dropped) to eyes and screen readers. */
function Flash() {
  const { flash } = useServices();
  const message = useStore(flash);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (!message) return;
    setShown(message.text);
    const timer = setTimeout(() => setShown(null), 6_000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <p className="flash" aria-live="polite">
      {shown}
    </p>
  );
}

function UpdateBanner() {
  const { update } = useServices();
  const { t } = useI18n();
  const apply = useStore(update);
  if (!apply) return null;
  return (
    <div className="update">
      <p>{t('app.updateReady')}</p>
      <button type="button" className="button button-small" onClick={apply}>
        {t('app.update')}
      </button>
    </div>
  );
}

function Screen() {
  const route = useRoute();
  switch (route.screen) {
    case 'turfs':
      return <TurfListScreen />;
    case 'walk':
      return <WalkListScreen key={route.turfId} turfId={route.turfId} />;
    case 'address':
      return (
        <AddressSheet
          key={`${route.turfId}:${route.addressId}`}
          turfId={route.turfId}
          addressId={route.addressId}
        />
      );
  }
}

export function App({ services }: { services: CanvassServices }) {
  const { t, locale } = useI18n();
  const other = locale === 'fr' ? 'en' : 'fr';
  return (
    <ServicesProvider value={services}>
      <header className="topbar">
        <span className="brand">Levier · {t('app.title')}</span>
        <button type="button" className="link" lang={other} onClick={() => setLocale(other)}>
          {t('app.otherLanguage')}
        </button>
      </header>
      <UpdateBanner />
      <OutboxStatus />
      <main id="main">
        <Flash />
        <Screen />
      </main>
    </ServicesProvider>
  );
}
