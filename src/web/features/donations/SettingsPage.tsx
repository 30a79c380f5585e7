import { Alert } from '@mantine/core';
import { ApiError } from '../../core/api.ts';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';
import { useDonationSettings } from './hooks.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { closedDonationSettings } from '../../../contracts/donations.ts';

export function SettingsPage() {
  const t = useT();
  const settings = useDonationSettings();
  // A campaign that never set them gets a server error today (its closed defaults do not
  // pass the answer's schema): the officer starts from a blank form rather than a dead end.
  const unreadable =
    !settings.data && settings.error instanceof ApiError && settings.error.status >= 500;
  return (
    <FinanceLayout title={t('finance.settings')} intro={t('finance.settings.intro')}>
      {unreadable ? (
        <>
          <Alert color="yellow">{t('finance.settings.unreadable')}</Alert>
          <SettingsForm settings={closedDonationSettings} />
        </>
      ) : (
        <QueryState query={settings}>{(data) => <SettingsForm settings={data} />}</QueryState>
      )}
    </FinanceLayout>
  );
}
