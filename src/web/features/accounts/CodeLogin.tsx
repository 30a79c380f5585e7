import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { loginCodeSchema, loginStartSchema } from '../../../contracts/accounts.ts';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../core/api.ts';
import { applyProblem, errorText } from '../../core/errors.ts';
import { validateWith, validateWithRules } from '../../core/form-validation.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSessionActions } from '../../core/session.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError, isEmail } from '../../core/validation.ts';
import { useLoginCode, useLoginStart } from './hooks.ts';

/** Log in with a code sent by email: step 1 asks the email, step 2 the six digits. */
export function CodeLogin() {
  const t = useT();
  const [locale] = useLocale();
  const start = useLoginStart();
  const check = useLoginCode();
  const { loggedIn } = useSessionActions();
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [formError, setFormError] = useState<string | null>(null);
  const [dead, setDead] = useState(false);
  // When the last code was asked: a resend must visibly change the page, even though the
  // server answers alike whether or not a code actually left (per-address limit, no account).
  const [sentAt, setSentAt] = useState<Date | null>(null);
  // Minutes before a new code may be asked, when the server held one back (a code was sent
  // to the address a short while ago, maybe on someone else's request: it is in the mailbox).
  const [heldMinutes, setHeldMinutes] = useState<number | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sentAt) codeInput.current?.focus();
  }, [sentAt]);

  const toStart = (values: { email: string }) => ({ email: values.email.trim(), locale });
  const emailForm = useForm({
    initialValues: { email: '' },
    validate: validateWithRules(loginStartSchema, t, toStart, {
      // Checked before sending only: the server answers alike for any address.
      email: (v) =>
        !v.trim() ? t('error.required') : isEmail(v) ? null : t('error.invalid_email'),
    }),
  });
  const codeForm = useForm({
    initialValues: { code: '' },
    validate: validateWith(loginCodeSchema.pick({ code: true }), t),
  });

  const sendCode = emailForm.onSubmit((values) => {
    setFormError(null);
    start.mutate(toStart(values), {
      onSuccess: () => {
        setStep('code');
        setDead(false);
        setHeldMinutes(null);
        setSentAt(new Date());
        codeForm.reset();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'code_recently_sent') {
          setStep('code');
          setDead(false);
          setHeldMinutes(Number(/(\d+) minute/.exec(error.detail ?? '')?.[1] ?? 15));
          return;
        }
        setFormError(applyProblem(emailForm, error, t, ['email']));
      },
    });
  }, focusFirstError);

  const checkCode = codeForm.onSubmit((values) => {
    setFormError(null);
    check.mutate(
      { email: emailForm.values.email.trim(), code: values.code.trim() },
      {
        onSuccess: (info) => void loggedIn(info),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'invalid_code') {
            const remaining = /(\d+)/.exec(error.detail ?? '')?.[1];
            codeForm.setFieldError(
              'code',
              remaining
                ? `${t('error.invalid_code')} ${t('login.remaining', { n: remaining })}`
                : t('error.invalid_code'),
            );
            focusFirstError();
          } else if (
            error instanceof ApiError &&
            (error.code === 'code_expired' || error.code === 'too_many_attempts')
          ) {
            setDead(true);
            setFormError(errorText(error, t));
          } else {
            setFormError(applyProblem(codeForm, error, t, ['code']));
          }
        },
      },
    );
  }, focusFirstError);

  if (step === 'email') {
    return (
      <form onSubmit={sendCode} noValidate>
        <Stack>
          <Text size="sm">{t('login.codeIntro')}</Text>
          <TextInput
            label={t('field.email')}
            type="email"
            autoComplete="email"
            required
            {...emailForm.getInputProps('email')}
          />
          <ErrorAlert message={formError} />
          <Button type="submit" loading={start.isPending}>
            {t('login.sendCode')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={checkCode} noValidate>
      <Stack>
        <Alert color="blue" role="status">
          <Text size="sm">
            {heldMinutes === null
              ? t('login.codeSent', { email: emailForm.values.email.trim() })
              : t('login.codeHeldBack', {
                  email: emailForm.values.email.trim(),
                  minutes: heldMinutes,
                })}
          </Text>
          {sentAt && heldMinutes === null && (
            <Text size="sm" mt={4}>
              {t('login.codeRequestedAt', {
                // Seconds too: two requests within a minute must still read differently.
                time: sentAt.toLocaleTimeString(locale, {
                  hour: '2-digit',
                  minute: '2-digit',
                  second: '2-digit',
                }),
              })}
            </Text>
          )}
        </Alert>
        <TextInput
          label={t('login.code')}
          description={t('login.codeHelp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          disabled={dead}
          ref={codeInput}
          {...codeForm.getInputProps('code')}
        />
        <ErrorAlert message={formError} />
        {!dead && (
          <Button type="submit" loading={check.isPending}>
            {t('login.submit')}
          </Button>
        )}
        <Group justify="space-between">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setFormError(null);
              setStep('email');
            }}
          >
            {t('login.changeEmail')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => void sendCode()}>
            {t('login.resend')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
