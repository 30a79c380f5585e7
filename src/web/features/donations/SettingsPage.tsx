import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';
import { useDonationSettings } from './hooks.ts';
import { SettingsForm } from './SettingsForm.tsx';

export function SettingsPage() {
  const t = useT();
  const settings = useDonationSettings();
  return (
    <FinanceLayout title={t('finance.settings')} intro={t('finance.settings.intro')}>
      <QueryState query={settings}>{(data) => <SettingsForm settings={data} />}</QueryState>
    </FinanceLayout>
  );
}
