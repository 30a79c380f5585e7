import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { DonorFields } from './DonorFields.tsx';
import { FinanceLayout } from './FinanceLayout.tsx';
import { useRecordGift } from './hooks.ts';
import {
  campaignToday,
  emptyManualGift,
  manualGiftFields,
  manualGiftRequest,
  manualGiftValidation,
  type ManualGiftValues,
} from './manualGiftForm.ts';
import { MeansFields } from './MeansFields.tsx';
import { withAppCodes } from './validation.ts';
import { useEuros } from './useEuros.ts';

/** A cheque, transfer or cash gift recorded by the finance officer; the law is checked. */
export function RecordGiftPage() {
  const t = useT();
  const euros = useEuros();
  const record = useRecordGift();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ManualGiftValues>({
    initialValues: emptyManualGift(campaignToday()),
    validate: manualGiftValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    record.mutate(manualGiftRequest(values), {
      onSuccess: (gift) => {
        form.setValues({ ...emptyManualGift(values.givenOn), means: values.means });
        notifications.show({
          color: 'green',
          message: t('finance.record.done', {
            amount: euros(gift.amountCents),
            donor: gift.donorName,
          }),
        });
      },
      onError: (error) => {
        setFormError(applyProblem(form, withAppCodes(error), t, manualGiftFields));
        focusFirstError();
      },
    });
  }, focusFirstError);
  return (
    <FinanceLayout title={t('finance.record')} intro={t('finance.record.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Section title={t('finance.record.money')}>
            <MeansFields form={form} />
          </Section>
          <Section title={t('finance.record.donor')}>
            <DonorFields form={form} />
          </Section>
          <Section title={t('finance.record.attestations')}>
            <Checkbox
              label={t('finance.record.naturalPerson')}
              {...form.getInputProps('naturalPerson', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('finance.record.frenchOrResident')}
              {...form.getInputProps('frenchOrResident', { type: 'checkbox' })}
            />
          </Section>
          <ErrorAlert message={formError} />
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('finance.record.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FinanceLayout>
  );
}
