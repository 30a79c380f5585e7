import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatNumber } from '../../../core/format.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { QueryState } from '../../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../../core/ui/Section.tsx';
import { CallingLayout } from '../CallingLayout.tsx';
import { BanksOverview } from './BanksOverview.tsx';
import { BankStatusBadge } from './BankStatusBadge.tsx';
import { usePhoneBanks } from './hooks.ts';
import { conversationsOf } from './labels.ts';

/** The campaign's phone banks: the leaderboards across them, then each bank; a new one. */
export function PhoneBanksPage() {
  const t = useT();
  const [locale] = useLocale();
  const banks = usePhoneBanks();
  const number = (value: number) => formatNumber(value, locale);
  return (
    <CallingLayout
      title={t('banks.list.title')}
      intro={t('banks.list.intro')}
      actions={
        <Group>
          <Button
            component={Link}
            to="/hq/calling/banks/new"
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('banks.list.new')}
          </Button>
        </Group>
      }
    >
      <BanksOverview />
      <Section title={t('banks.list.banks')}>
        <QueryState query={banks}>
          {(items) =>
            items.length === 0 ? (
              <Text size="sm">{t('banks.list.empty')}</Text>
            ) : (
              <ResponsiveTable
                label={t('banks.list.banks')}
                items={items}
                rowKey={(bank) => bank.id}
                columns={[
                  {
                    header: t('banks.list.name'),
                    title: true,
                    cell: (bank) => (
                      <Anchor component={Link} to={`/hq/calling/banks/${bank.id}`}>
                        {bank.name}
                      </Anchor>
                    ),
                  },
                  {
                    header: t('banks.list.status'),
                    cell: (bank) => <BankStatusBadge status={bank.status} />,
                  },
                  {
                    header: t('banks.list.progress'),
                    numeric: true,
                    nowrap: true,
                    cell: (bank) =>
                      bank.openedAt === null
                        ? '—'
                        : t('banks.list.doneOf', {
                            done: number(bank.counts.done),
                            audience: number(bank.counts.audience),
                          }),
                  },
                  {
                    header: t('banks.list.calls'),
                    numeric: true,
                    cell: (bank) => number(bank.counts.calls),
                  },
                  {
                    header: t('banks.list.conversations'),
                    numeric: true,
                    cell: (bank) => number(conversationsOf(bank.counts)),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </Section>
    </CallingLayout>
  );
}
