import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { loginPasswordSchema } from '../../../contracts/accounts.ts';
import { useState } from 'react';
import { applyProblem } from '../../core/errors.ts';
import { validateWithRules } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSessionActions } from '../../core/session.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { useLoginPassword } from './hooks.ts';

/** Staff log in with a password when they have set one. */
export function PasswordLogin() {
  const t = useT();
  const login = useLoginPassword();
  const { loggedIn } = useSessionActions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: validateWithRules(loginPasswordSchema, t, undefined, {
      // Checked before sending only: the server answers an empty address like a wrong one.
      email: (v) => (v.trim() ? null : t('error.required')),
    }),
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (info) => void loggedIn(info),
        onError: (error) => setFormError(applyProblem(form, error, t, ['email', 'password'])),
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('field.email')}
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('field.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <ErrorAlert message={formError} />
        <Button type="submit" loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
