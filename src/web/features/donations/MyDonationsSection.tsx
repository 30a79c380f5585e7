import { Anchor, Button, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { donationsApi } from '../../../contracts/donations-api.ts';
import type { MyGift } from '../../../contracts/donations.ts';
import { urlOf } from '../../core/api.ts';
import { formatDayWithYear } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { GiftStatusBadge } from './GiftStatusBadge.tsx';
import { useMyGifts } from './hooks.ts';
import { MyPlans } from './MyPlans.tsx';
import { useEuros } from './useEuros.ts';

function MyGiftsTable({ gifts }: { gifts: MyGift[] }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  return (
    <ResponsiveTable
      items={gifts}
      label={t('myGifts.title')}
      rowKey={(gift) => gift.id}
      minWidth={600}
      columns={[
        {
          header: t('finance.givenOn'),
          title: true,
          nowrap: true,
          cell: (gift) => formatDayWithYear(gift.givenOn, locale),
        },
        {
          header: t('finance.amount'),
          numeric: true,
          nowrap: true,
          cell: (gift) =>
            gift.monthly
              ? t('myGifts.monthlyAmount', { amount: euros(gift.amountCents) })
              : euros(gift.amountCents),
        },
        { header: t('finance.means'), cell: (gift) => t(`finance.means.${gift.means}`) },
        { header: t('finance.status'), cell: (gift) => <GiftStatusBadge status={gift.status} /> },
        { header: t('myGifts.receipt'), cell: (gift) => gift.receiptNumber ?? '—' },
        {
          header: t('myGifts.acknowledgement'),
          cell: (gift) =>
            gift.status === 'succeeded' && (
              <Anchor
                href={urlOf(donationsApi.myAcknowledgement, { params: { id: gift.id } })}
                download
                aria-label={t('myGifts.downloadFor', {
                  day: formatDayWithYear(gift.givenOn, locale),
                  amount: euros(gift.amountCents),
                })}
              >
                <IconFileTypePdf size={16} aria-hidden /> {t('myGifts.download')}
              </Anchor>
            ),
        },
      ]}
    />
  );
}

/** The supporter's own gifts, in their space. */
export function MyDonationsSection() {
  const t = useT();
  const gifts = useMyGifts();
  return (
    <Section title={t('myGifts.title')} anchor="donations">
      <QueryState query={gifts}>
        {(list) =>
          list.length === 0 ? (
            <>
              <Text size="sm">{t('myGifts.empty')}</Text>
              <Button component="a" href="/donate" variant="light" w="fit-content">
                {t('myGifts.give')}
              </Button>
            </>
          ) : (
            <MyGiftsTable gifts={list} />
          )
        }
      </QueryState>
      <MyPlans />
    </Section>
  );
}
