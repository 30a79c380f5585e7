import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { donationMeansSchema, donationStatusSchema } from '../../../contracts/donations-finance.ts';
import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import type { GiftFilterValues } from './giftFilters.ts';

/** The gifts list's filters, applied on the server when the officer asks. */
export function GiftFilters({
  value,
  onApply,
  lockedMeans,
}: {
  value: GiftFilterValues;
  onApply: (filters: GiftFilterValues) => void;
  /** The means is fixed by the page (cheques for a remittance slip). */
  lockedMeans?: boolean;
}) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const set = (name: keyof GiftFilterValues) => (next: string | null) =>
    setDraft((d) => ({ ...d, [name]: next ?? '' }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('finance.filter.search')}
          value={draft.q}
          onChange={(event) => set('q')(event.currentTarget.value)}
          maxLength={100}
        />
        <Select
          label={t('finance.status')}
          clearable
          placeholder={t('finance.filter.any')}
          value={draft.status || null}
          onChange={set('status')}
          data={donationStatusSchema.options.map((status) => ({
            value: status,
            label: t(`finance.status.${status}`),
          }))}
        />
        {!lockedMeans && (
          <Select
            label={t('finance.means')}
            clearable
            placeholder={t('finance.filter.any')}
            value={draft.means || null}
            onChange={set('means')}
            data={donationMeansSchema.options.map((means) => ({
              value: means,
              label: t(`finance.means.${means}`),
            }))}
          />
        )}
        <DayInput label={t('finance.filter.from')} value={draft.from} onChange={set('from')} />
        <DayInput label={t('finance.filter.to')} value={draft.to} onChange={set('to')} />
        <Button type="submit">{t('finance.filter.apply')}</Button>
      </Group>
    </form>
  );
}
