import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { GiftsTable } from './GiftsTable.tsx';
import { useCreateRemittance, useGifts } from './hooks.ts';
import { campaignToday } from './manualGiftForm.ts';
import { useEuros } from './useEuros.ts';

type SlipMeans = 'cheque' | 'cash';

/** Received cheques (or cash) not yet banked, to tick and put on a new slip. */
export function NewRemittanceSlip() {
  const t = useT();
  const euros = useEuros();
  const [means, setMeans] = useState<SlipMeans>('cheque');
  const [depositedOn, setDepositedOn] = useState(campaignToday());
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const gifts = useGifts({ means, status: 'succeeded', limit: 200 });
  const create = useCreateRemittance();
  const unbanked = (gifts.data?.items ?? []).filter((gift) => !gift.remittanceNumber);
  const chosen = unbanked.filter((gift) => selected.has(gift.id));
  const toggle = (id: number, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const submit = () => {
    setError(null);
    create.mutate(
      { means, depositedOn, donationIds: chosen.map((gift) => gift.id) },
      {
        onSuccess: (slip) => {
          setSelected(new Set());
          notifications.show({
            color: 'green',
            message: t('finance.slips.done', { number: slip.number, count: slip.count }),
          });
        },
        onError: (e) => setError(errorText(e, t)),
      },
    );
  };
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('finance.means')}
        value={means}
        onChange={(value) => {
          setMeans(value as SlipMeans);
          setSelected(new Set());
        }}
        data={[
          { value: 'cheque', label: t('finance.means.cheque') },
          { value: 'cash', label: t('finance.means.cash') },
        ]}
        w="fit-content"
      />
      <QueryState query={gifts}>
        {() =>
          unbanked.length === 0 ? (
            <Text size="sm">{t('finance.slips.nothing')}</Text>
          ) : (
            <GiftsTable
              gifts={unbanked}
              label={t('finance.slips.unbanked')}
              selection={{ selected, toggle }}
            />
          )
        }
      </QueryState>
      <Group align="flex-end">
        <DayInput
          label={t('finance.slips.depositedOn')}
          value={depositedOn}
          onChange={setDepositedOn}
        />
        <Button
          onClick={submit}
          disabled={chosen.length === 0 || !depositedOn}
          loading={create.isPending}
        >
          {t('finance.slips.create', {
            count: chosen.length,
            amount: euros(chosen.reduce((sum, gift) => sum + gift.amountCents, 0)),
          })}
        </Button>
      </Group>
      <ErrorAlert message={error} />
    </Stack>
  );
}
