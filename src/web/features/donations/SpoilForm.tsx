import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { donationsFinanceApi } from '../../../contracts/donations-finance-api.ts';
import { applyProblem } from '../../core/errors.ts';

import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { validateContract, withAppCodes } from './validation.ts';
import { useSpoilForm, type SpoilInput } from './hooks.ts';

/** Marks a form spoiled: it keeps its number and is never used again. */
export function SpoilForm() {
  const t = useT();
  const spoil = useSpoilForm();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SpoilInput>({
    initialValues: { number: '', reason: '' },
    validate: validateContract<SpoilInput>(donationsFinanceApi.spoilForm.body, t),
  });
  const submit = form.onSubmit((values) => {
    setFormError(null);
    spoil.mutate(values, {
      onSuccess: (spoiled) => {
        form.reset();
        notifications.show({
          color: 'green',
          message: t('finance.spoil.done', { number: spoiled.number }),
        });
      },
      onError: (error) =>
        setFormError(applyProblem(form, withAppCodes(error), t, ['number', 'reason'])),
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <TextInput
            label={t('finance.spoil.number')}
            required
            maxLength={20}
            {...form.getInputProps('number')}
          />
          <TextInput
            label={t('finance.spoil.reason')}
            required
            maxLength={200}
            {...form.getInputProps('reason')}
          />
        </Group>
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" color="orange" loading={spoil.isPending}>
            {t('finance.spoil.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
