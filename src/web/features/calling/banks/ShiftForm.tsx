import { Button, Group, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../../core/i18n/index.tsx';
import { ErrorAlert } from '../../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../../core/validation.ts';
import { DateTimeField } from '../DateTimeField.tsx';
import { bankErrorText } from './bankErrors.ts';
import { useAddShift } from './hooks.ts';
import {
  applyShiftProblem,
  emptyShift,
  shiftRequest,
  shiftValidation,
  type ShiftValues,
} from './shift-form.ts';

/** A new shift: when, how many volunteers, where (nothing for calls from home). */
export function ShiftForm({ bankId }: { bankId: number }) {
  const t = useT();
  const add = useAddShift(bankId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ShiftValues>({
    initialValues: emptyShift(),
    validate: shiftValidation(t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    add.mutate(shiftRequest(values), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('banks.shift.added') });
        form.reset();
      },
      onError: (error) => {
        setFormError(applyShiftProblem(form, error, t, (failure) => bankErrorText(failure, t)));
        focusFirstError();
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('banks.shift.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateTimeField
            label={t('banks.shift.startsAt')}
            description={t('banks.shift.momentHelp')}
            value={form.values.startsAt}
            onChange={(value) => form.setFieldValue('startsAt', value)}
            error={form.errors.startsAt}
          />
          <DateTimeField
            label={t('banks.shift.endsAt')}
            description={t('banks.shift.momentHelp')}
            value={form.values.endsAt}
            onChange={(value) => form.setFieldValue('endsAt', value)}
            error={form.errors.endsAt}
          />
          <NumberInput
            label={t('banks.shift.capacity')}
            description={t('banks.shift.capacityHelp')}
            allowDecimal={false}
            allowNegative={false}
            min={1}
            max={1000}
            {...form.getInputProps('capacity')}
          />
          <TextInput
            label={t('banks.shift.postalCode')}
            description={t('banks.shift.postalCodeHelp')}
            maxLength={5}
            inputMode="numeric"
            autoComplete="off"
            {...form.getInputProps('postalCode')}
          />
        </SimpleGrid>
        <ErrorAlert message={formError} />
        <Group>
          <Button
            type="submit"
            variant="light"
            loading={add.isPending}
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('banks.shift.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
