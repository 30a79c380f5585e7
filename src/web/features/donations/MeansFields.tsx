import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import type { ManualGiftValues } from './manualGiftForm.ts';

const means = ['cheque', 'transfer', 'cash'] as const;

/** How the money came: the means, its details, the amount as written and the day. */
export function MeansFields({ form }: { form: UseFormReturnType<ManualGiftValues> }) {
  const t = useT();
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="manual-means">
          {t('finance.means')}
        </Text>
        <SegmentedControl
          aria-labelledby="manual-means"
          data={means.map((value) => ({ value, label: t(`finance.means.${value}`) }))}
          value={form.values.means}
          onChange={(value) => form.setFieldValue('means', value as ManualGiftValues['means'])}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('finance.amountEuros')}
          required
          inputMode="decimal"
          maxLength={30}
          {...form.getInputProps('amount')}
        />
        <DayInput
          label={t('finance.givenOn')}
          value={form.values.givenOn}
          onChange={(day) => form.setFieldValue('givenOn', day)}
          error={form.errors.givenOn}
        />
      </SimpleGrid>
      {form.values.means === 'cheque' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('finance.bank')} maxLength={100} {...form.getInputProps('bank')} />
          <TextInput
            label={t('finance.chequeNumber')}
            maxLength={30}
            {...form.getInputProps('chequeNumber')}
          />
        </SimpleGrid>
      )}
      {form.values.means === 'transfer' && (
        <TextInput
          label={t('finance.reference')}
          maxLength={100}
          {...form.getInputProps('reference')}
        />
      )}
    </>
  );
}
