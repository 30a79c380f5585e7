import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { donationsFinanceApi as api } from '../../../contracts/donations-finance-api.ts';
import { urlOf } from '../../core/api.ts';
import { useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { CommissionExport } from './CommissionExport.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';

export function ExportsPage() {
  const t = useT();
  const csv = [
    { url: urlOf(api.accountCsv), name: 'account.csv', about: t('finance.exports.account') },
    { url: urlOf(api.donorsCsv), name: 'donors.csv', about: t('finance.exports.donors') },
  ];
  return (
    <FinanceLayout title={t('finance.exports')} intro={t('finance.exports.intro')}>
      <Section title={t('finance.exports.csv')}>
        <Stack gap="xs">
          {csv.map((file) => (
            <Group key={file.name} gap="xs">
              <IconFileSpreadsheet size={18} aria-hidden />
              <Anchor href={file.url} download={file.name}>
                {file.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {file.about}
              </Text>
            </Group>
          ))}
        </Stack>
      </Section>
      <Section
        title={t('finance.exports.commission')}
        description={t('finance.exports.commissionIntro')}
      >
        <CommissionExport />
      </Section>
    </FinanceLayout>
  );
}
