import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { passwordRequest, passwordValidate, type PasswordValues } from './forms.ts';
import { useSetPassword } from './hooks.ts';

export function PasswordSection({ hasPassword }: { hasPassword: boolean }) {
  const t = useT();
  const setPassword = useSetPassword();
  const [formError, setFormError] = useState<string | null>(null);
  const toRequest = passwordRequest(hasPassword);
  const form = useForm<PasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: passwordValidate(hasPassword, t),
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    setPassword.mutate(toRequest(values), {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'green', message: t('me.passwordSaved') });
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, ['currentPassword', 'newPassword']));
        focusFirstError();
      },
    });
  }, focusFirstError);

  return (
    <Section title={t('me.passwordTitle')} description={t('me.passwordText')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {hasPassword && (
            <PasswordInput
              label={t('field.currentPassword')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
          )}
          <PasswordInput
            label={t('field.newPassword')}
            description={t('me.passwordRule')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('field.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <ErrorAlert message={formError} />
          <Button type="submit" loading={setPassword.isPending} w="fit-content">
            {hasPassword ? t('me.changePassword') : t('me.setPassword')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
