import { Button, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { profileUpdateSchema, type Profile } from '../../../contracts/accounts.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWithRules } from '../../core/form-validation.ts';
import { formatPhone } from '../../core/format.ts';
import { useT } from '../../core/i18n/index.tsx';
import { usePlaceRules } from '../../core/ui/CommuneField.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { NameFields, PhoneField, PlaceFields } from '../../core/ui/PersonFields.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError, phoneError } from '../../core/validation.ts';
import { profileRequest, type ProfileValues } from './forms.ts';
import { useUpdateProfile } from './hooks.ts';

/** Where the supporter space leads to have the postal code filled in. */
export const PROFILE_ANCHOR = 'profile';

const FIELDS = ['firstName', 'lastName', 'phone', 'postalCode', 'communeCode', 'locale'] as const;

export function ProfileSection({ profile }: { profile: Profile }) {
  const t = useT();
  const update = useUpdateProfile();
  const [formError, setFormError] = useState<string | null>(null);
  const place = usePlaceRules();
  const form = useForm<ProfileValues>({
    initialValues: {
      firstName: profile.firstName ?? '',
      lastName: profile.lastName ?? '',
      // Shown as people write it; the server reads it back to the same stored number.
      phone: formatPhone(profile.phone),
      postalCode: profile.postalCode ?? '',
      communeCode: profile.communeCode ?? '',
      locale: profile.locale,
    },
    validate: validateWithRules(profileUpdateSchema, t, profileRequest, {
      phone: (v) => phoneError(v, t),
      ...place.validate,
    }),
  });
  const lookup = place.useLookup(form);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(profileRequest(values), {
      onSuccess: () => {
        form.resetDirty();
        notifications.show({ color: 'green', message: t('me.profileSaved') });
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, FIELDS));
        focusFirstError();
      },
    });
  }, focusFirstError);

  return (
    <Section title={t('me.profileTitle')} anchor={PROFILE_ANCHOR}>
      <form onSubmit={submit} noValidate>
        <NameFields
          firstName={form.getInputProps('firstName')}
          lastName={form.getInputProps('lastName')}
          mb="sm"
        />
        {/* Shown as text, not as a read-only input that looks editable but is not. */}
        <Stack gap={2} mb="sm">
          <Text size="sm" fw={500}>
            {t('field.email')}
          </Text>
          <Text style={{ overflowWrap: 'anywhere' }}>{profile.email}</Text>
          <Text size="xs" c="dimmed">
            {t('me.emailFixed')}
          </Text>
        </Stack>
        <PhoneField
          inputProps={form.getInputProps('phone')}
          forSms={profile.consents.sms}
          mb="sm"
        />
        <PlaceFields
          postalCode={form.getInputProps('postalCode')}
          lookup={lookup}
          communeCode={form.values.communeCode}
          onCommuneChange={(code) => form.setFieldValue('communeCode', code)}
          communeError={form.errors.communeCode}
          mb="sm"
        />
        <Select
          label={t('field.locale')}
          data={[
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
          allowDeselect={false}
          mb="sm"
          {...form.getInputProps('locale')}
        />
        <ErrorAlert message={formError} mb="sm" />
        <Button type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Section>
  );
}
