import { useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';
import { NewRemittanceSlip } from './NewRemittanceSlip.tsx';
import { RemittanceSlips } from './RemittanceSlips.tsx';

export function RemittancesPage() {
  const t = useT();
  return (
    <FinanceLayout title={t('finance.slips')} intro={t('finance.slips.intro')}>
      <Section title={t('finance.slips.new')}>
        <NewRemittanceSlip />
      </Section>
      <Section title={t('finance.slips.list')}>
        <RemittanceSlips />
      </Section>
    </FinanceLayout>
  );
}
