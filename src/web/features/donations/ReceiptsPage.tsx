import { useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';
import { FormsToReturn } from './FormsToReturn.tsx';
import { FormsToSend } from './FormsToSend.tsx';
import { SeriesForm } from './SeriesForm.tsx';
import { SeriesList } from './SeriesList.tsx';
import { SpoilForm } from './SpoilForm.tsx';

export function ReceiptsPage() {
  const t = useT();
  return (
    <FinanceLayout title={t('finance.receipts')} intro={t('finance.receipts.intro')}>
      <div className="no-print">
        <Section title={t('finance.series.new')}>
          <SeriesForm />
        </Section>
      </div>
      <div className="no-print">
        <Section title={t('finance.series.list')}>
          <SeriesList />
        </Section>
      </div>
      <div className="no-print">
        <Section title={t('finance.toSend')} description={t('finance.toSend.intro')}>
          <FormsToSend />
        </Section>
      </div>
      <div className="no-print">
        <Section title={t('finance.spoil')} description={t('finance.spoil.intro')}>
          <SpoilForm />
        </Section>
      </div>
      <Section title={t('finance.toReturn')} description={t('finance.toReturn.intro')}>
        <FormsToReturn />
      </Section>
    </FinanceLayout>
  );
}
