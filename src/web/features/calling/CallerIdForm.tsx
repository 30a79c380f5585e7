import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { callerIdInputSchema } from '../../../contracts/calling-media.ts';
import { ApiError } from '../../core/api.ts';
import { validateWith } from '../../core/form-validation.ts';
import { formatPhone } from '../../core/format.ts';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { callingErrorText } from './callingErrors.ts';
import { useAddCallerId } from './media-hooks.ts';

interface Values {
  e164: string;
  label: string;
}

/** The refusals that concern the number typed: said under it. */
const numberProblems: Record<string, MessageKey> = {
  not_a_number: 'calling.callerIds.error.not_a_number',
  not_verified_range: 'calling.error.not_verified_range',
  caller_id_exists: 'calling.error.caller_id_exists',
};

/** Adds a number of the ranges reserved to automated calls (the server checks the range). */
export function CallerIdForm() {
  const t = useT();
  const add = useAddCallerId();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { e164: '', label: '' },
    validate: validateWith<Values>(callerIdInputSchema, t),
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    add.mutate(
      { e164: values.e164, label: values.label },
      {
        onSuccess: (added) => {
          form.reset();
          notifications.show({
            color: 'green',
            message: t('calling.callerIds.added', { number: formatPhone(added.e164) }),
          });
        },
        onError: (failure) => {
          const key = failure instanceof ApiError ? numberProblems[failure.code] : undefined;
          if (key) form.setFieldError('e164', t(key));
          else setError(callingErrorText(failure, t));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('calling.callerIds.number')}
            description={t('calling.callerIds.numberHelp')}
            required
            type="tel"
            autoComplete="off"
            maxLength={40}
            {...form.getInputProps('e164')}
          />
          <TextInput
            label={t('calling.callerIds.label')}
            description={t('calling.callerIds.labelHelp')}
            maxLength={80}
            autoComplete="off"
            {...form.getInputProps('label')}
          />
        </SimpleGrid>
        <ErrorAlert message={error} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('calling.callerIds.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
