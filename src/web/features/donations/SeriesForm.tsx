import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { donationsFinanceApi } from '../../../contracts/donations-finance-api.ts';
import { applyProblem } from '../../core/errors.ts';

import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { validateContract, withAppCodes } from './validation.ts';
import { useRecordSeries, type SeriesInput } from './hooks.ts';
import { campaignToday } from './manualGiftForm.ts';

type Values = Required<SeriesInput>;
const fields = ['firstNumber', 'lastNumber', 'receivedOn', 'note'];

/** Records a series of numbered forms received from the commission. */
export function SeriesForm() {
  const t = useT();
  const record = useRecordSeries();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { firstNumber: '', lastNumber: '', receivedOn: campaignToday(), note: '' },
    validate: validateContract<Values>(donationsFinanceApi.recordSeries.body, t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    record.mutate(values, {
      onSuccess: (series) => {
        form.reset();
        notifications.show({
          color: 'green',
          message: t('finance.series.done', { first: series.firstNumber, last: series.lastNumber }),
        });
      },
      onError: (error) => setFormError(applyProblem(form, withAppCodes(error), t, fields)),
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('finance.series.first')}
            required
            maxLength={20}
            {...form.getInputProps('firstNumber')}
          />
          <TextInput
            label={t('finance.series.last')}
            required
            maxLength={20}
            {...form.getInputProps('lastNumber')}
          />
          <DayInput
            label={t('finance.series.receivedOn')}
            value={form.values.receivedOn}
            onChange={(day) => form.setFieldValue('receivedOn', day)}
            error={form.errors.receivedOn}
          />
        </SimpleGrid>
        <TextInput
          label={t('finance.series.note')}
          maxLength={200}
          {...form.getInputProps('note')}
        />
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('finance.series.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
