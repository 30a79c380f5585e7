import { Checkbox, Group, Text } from '@mantine/core';
import type { FinanceGift } from '../../../contracts/donations-finance.ts';
import { formatDayWithYear } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ResponsiveTable, type Column } from '../../core/ui/ResponsiveTable.tsx';
import { AssignFormButton } from './AssignFormButton.tsx';
import { BankReferenceButton } from './BankReferenceButton.tsx';
import { GiftStatusBadge } from './GiftStatusBadge.tsx';
import { RefundButton } from './RefundButton.tsx';
import { useEuros } from './useEuros.ts';

/** The selection of gifts (for a remittance slip), when the table offers one. */
export interface GiftSelection {
  selected: ReadonlySet<number>;
  toggle: (id: number, on: boolean) => void;
}

/** What the means' details say: the cheque's bank and number, the transfer's reference. */
const detailText = (gift: FinanceGift) =>
  Object.values(gift.meansDetail).filter(Boolean).join(' · ');

export function GiftsTable({
  gifts,
  label,
  selection,
}: {
  gifts: readonly FinanceGift[];
  label: string;
  selection?: GiftSelection;
}) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  const columns: Column<FinanceGift>[] = [
    {
      header: t('finance.donor'),
      title: true,
      cell: (gift) => (
        <>
          <Text size="sm" fw={500}>
            {gift.donorName}
          </Text>
          <Text size="xs" c="dimmed">
            {gift.email}
          </Text>
        </>
      ),
    },
    {
      header: t('finance.givenOn'),
      nowrap: true,
      cell: (gift) => (gift.givenOn ? formatDayWithYear(gift.givenOn, locale) : '—'),
    },
    {
      header: t('finance.amount'),
      numeric: true,
      nowrap: true,
      cell: (gift) => euros(gift.amountCents),
    },
    {
      header: t('finance.means'),
      cell: (gift) => (
        <>
          {t(`finance.means.${gift.means}`)}
          {gift.monthly && ` · ${t('finance.monthly')}`}
          {detailText(gift) && (
            <Text size="xs" c="dimmed">
              {detailText(gift)}
            </Text>
          )}
        </>
      ),
    },
    {
      header: t('finance.status'),
      cell: (gift) => (
        <>
          <GiftStatusBadge status={gift.status} />
          {gift.review && (
            <Text size="xs" c="orange.8">
              {gift.review}
            </Text>
          )}
        </>
      ),
    },
    { header: t('finance.receiptNumber'), cell: (gift) => gift.receiptNumber ?? '—' },
    { header: t('finance.remittance'), cell: (gift) => gift.remittanceNumber ?? '—' },
    {
      header: t('finance.actions'),
      cell: (gift) =>
        gift.status === 'succeeded' && (
          <Group gap={4} wrap="nowrap">
            {!gift.receiptNumber && <AssignFormButton gift={gift} />}
            {gift.status === 'succeeded' && gift.means !== 'cheque' && gift.means !== 'cash' && (
              <BankReferenceButton gift={gift} />
            )}
            <RefundButton gift={gift} />
          </Group>
        ),
    },
  ];
  if (selection) {
    columns.unshift({
      header: t('finance.select'),
      cell: (gift) => (
        <Checkbox
          aria-label={t('finance.selectGift', { donor: gift.donorName, id: String(gift.id) })}
          checked={selection.selected.has(gift.id)}
          onChange={(event) => selection.toggle(gift.id, event.currentTarget.checked)}
        />
      ),
    });
  }
  return (
    <ResponsiveTable
      items={gifts}
      label={label}
      rowKey={(gift) => gift.id}
      minWidth={900}
      columns={columns}
    />
  );
}
