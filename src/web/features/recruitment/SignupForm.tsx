import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Consents } from '../../../contracts/common.ts';
import { homeIn, type PublicSite } from '../../../contracts/recruitment.ts';
import { applyProblem } from '../../core/errors.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { usePlaceRules } from '../../core/ui/CommuneField.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { NameFields, PhoneField, PlaceFields } from '../../core/ui/PersonFields.tsx';
import { focusFirstError, isEmail } from '../../core/validation.ts';
import { readAttribution } from './attribution.ts';
import { useSignup } from './hooks.ts';

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  postalCode: string;
  communeCode: string;
  phone: string;
  consents: Consents;
}

const FIELDS = [
  'firstName',
  'lastName',
  'email',
  'postalCode',
  'communeCode',
  'phone',
  'consents.email',
  'consents.sms',
  'consents.phone',
] as const;

/** Replaces the form, whose submit button had focus: focus moves to this message instead. */
function SignupSuccess() {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="green"
      icon={<IconMailCheck aria-hidden />}
      title={t('signup.successTitle')}
      role="status"
    >
      {t('signup.successText')}
    </Alert>
  );
}

interface SignupFormProps {
  site: PublicSite | undefined;
  source: 'signup' | 'embed';
}

export function SignupForm({ site, source }: SignupFormProps) {
  const t = useT();
  const [locale] = useLocale();
  const [search] = useSearchParams();
  const attribution = useMemo(() => readAttribution(search, document.referrer), [search]);
  const signup = useSignup();
  const [formError, setFormError] = useState<string | null>(null);
  const place = usePlaceRules();

  const form = useForm<Values>({
    initialValues: {
      firstName: '',
      lastName: '',
      email: '',
      postalCode: '',
      communeCode: '',
      phone: '',
      consents: { email: false, sms: false, phone: false },
    },
    validate: {
      firstName: (v) => (v.trim() ? null : t('error.required')),
      lastName: (v) => (v.trim() ? null : t('error.required')),
      email: (v) =>
        !v.trim() ? t('error.required') : isEmail(v) ? null : t('error.invalid_email'),
      postalCode: (v) => (!v.trim() ? t('error.required') : place.validate.postalCode()),
      communeCode: place.validate.communeCode,
    },
  });

  const lookup = place.useLookup(form);
  const wording = site?.consentWording[locale];
  const callToAction = site && homeIn(site.home, locale).signupCallToAction;

  if (signup.isSuccess) return <SignupSuccess />;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    signup.mutate(
      {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: values.email.trim(),
        postalCode: values.postalCode.trim(),
        communeCode: values.communeCode || undefined,
        phone: values.phone.trim() || undefined,
        // Consents can only be given once the wording is shown (see below).
        consents: wording ? values.consents : { email: false, sms: false, phone: false },
        wordingVersion: wording?.version,
        locale,
        source,
        ...attribution,
      },
      {
        onError: (error) => {
          setFormError(applyProblem(form, error, t, FIELDS));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="signup-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="signup-title">
          {callToAction ?? t('signup.title')}
        </Title>
        <NameFields
          firstName={form.getInputProps('firstName')}
          lastName={form.getInputProps('lastName')}
        />
        <TextInput
          label={t('field.email')}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <PlaceFields
          postalCode={form.getInputProps('postalCode')}
          required
          lookup={lookup}
          communeCode={form.values.communeCode}
          onCommuneChange={(code) => form.setFieldValue('communeCode', code)}
          communeError={form.errors.communeCode}
        />
        <PhoneField inputProps={form.getInputProps('phone')} />
        <Fieldset legend={t('signup.consentsLegend')} variant="unstyled">
          {/* The boxes wait for the campaign's wording: what a person ticks is recorded with
              the version of the text they saw, so no stand-in text is shown meanwhile. */}
          {wording ? (
            <Stack gap="xs">
              <Checkbox
                label={wording.email}
                {...form.getInputProps('consents.email', { type: 'checkbox' })}
              />
              <Checkbox
                label={wording.sms}
                {...form.getInputProps('consents.sms', { type: 'checkbox' })}
              />
              <Checkbox
                label={wording.phone}
                {...form.getInputProps('consents.phone', { type: 'checkbox' })}
              />
            </Stack>
          ) : (
            <Stack gap="xs" aria-busy="true">
              <Skeleton height={20} />
              <Skeleton height={20} />
              <Skeleton height={20} />
            </Stack>
          )}
        </Fieldset>
        <ErrorAlert message={formError} />
        <Button type="submit" loading={signup.isPending}>
          {callToAction ?? t('signup.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('signup.privacy')}
        </Text>
      </Stack>
    </form>
  );
}
