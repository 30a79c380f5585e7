import { Anchor, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { personInputSchema, type PersonInput } from '../../../contracts/person-records.ts';
import type { PersonDetail } from '../../../contracts/people.ts';
import { readPhone } from '../../../contracts/phone.ts';
import { ApiError } from '../../core/api.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWithRules } from '../../core/form-validation.ts';
import { formatPhone } from '../../core/format.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { usePlaceRules } from '../../core/ui/CommuneField.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { PhoneField, PlaceFields } from '../../core/ui/PersonFields.tsx';
import { focusFirstError, isEmail, phoneError } from '../../core/validation.ts';

type Values = Required<PersonInput>;

const FIELDS = personInputSchema.keyof().options;

/** Whether `typed` reads as the number stored (E.164), however it is written. */
function isStoredNumber(typed: string, stored: string | null): boolean {
  const reading = readPhone(typed);
  return reading.status !== 'invalid' && reading.e164 === stored;
}

const valuesOf = (person?: PersonDetail): Values => ({
  firstName: person?.firstName ?? '',
  lastName: person?.lastName ?? '',
  email: person?.email ?? '',
  // Shown as people write it; the server reads it back to the same stored number.
  phone: person ? formatPhone(person.phone) : '',
  addressStreet: person?.addressStreet ?? '',
  addressComplement: person?.addressComplement ?? '',
  postalCode: person?.postalCode ?? '',
  communeCode: person?.communeCode ?? '',
  locale: person?.locale === 'en' ? 'en' : 'fr',
});

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The person edited; none when adding one. */
  person?: PersonDetail;
  saving: boolean;
  onSave: (input: PersonInput, onError: (error: unknown) => void) => void;
}

/** A person's name, contact details and postal address, typed at HQ (add or edit). */
export function PersonFormModal({ opened, onClose, title, person, saving, onSave }: Props) {
  const t = useT();
  const place = usePlaceRules();
  const smsWanted = person?.consents.sms ?? false;
  const [formError, setFormError] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<number | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(person),
    // The schema's rules (names, lengths), and what the server checks beyond it.
    validate: validateWithRules<Values>(personInputSchema, t, undefined, {
      email: (v) => (v.trim() && !isEmail(v) ? t('error.invalid_email') : null),
      // As the server: a landline typed for someone who accepts SMS is refused; one already
      // stored is only flagged, so the rest of the record can still be corrected.
      phone: (v) =>
        phoneError(v, t, {
          forSms: smsWanted && !isStoredNumber(v, person?.phone ?? null),
          refuseLandlineForSms: true,
        }),
      ...place.validate,
    }),
  });
  const lookup = place.useLookup(form);

  const close = () => {
    form.setValues(valuesOf(person));
    form.clearErrors();
    setFormError(null);
    setExistingId(null);
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    setExistingId(null);
    const input = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, value.trim()]),
    ) as Values;
    onSave(input, (error) => {
      setFormError(applyProblem(form, error, t, FIELDS));
      if (error instanceof ApiError && typeof error.extensions.existingPersonId === 'number')
        setExistingId(error.extensions.existingPersonId);
      focusFirstError();
    });
  }, focusFirstError);

  return (
    <AppModal opened={opened} onClose={close} title={title} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('person.formHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('field.firstName')}
              autoComplete="off"
              data-autofocus
              {...form.getInputProps('firstName')}
            />
            <TextInput
              label={t('field.lastName')}
              autoComplete="off"
              {...form.getInputProps('lastName')}
            />
            <TextInput
              label={t('field.email')}
              type="email"
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <PhoneField
              inputProps={form.getInputProps('phone')}
              forSms={smsWanted}
              hint={null}
              autoComplete="off"
            />
          </SimpleGrid>
          {existingId !== null && (
            <Anchor component={Link} to={`/hq/people/${existingId}`} size="sm" onClick={close}>
              {t('person.openExisting')}
            </Anchor>
          )}
          <TextInput
            label={t('person.addressStreet')}
            autoComplete="off"
            {...form.getInputProps('addressStreet')}
          />
          <TextInput
            label={t('person.addressComplement')}
            autoComplete="off"
            {...form.getInputProps('addressComplement')}
          />
          <PlaceFields
            postalCode={form.getInputProps('postalCode')}
            lookup={lookup}
            communeCode={form.values.communeCode}
            onCommuneChange={(code) => form.setFieldValue('communeCode', code)}
            communeError={form.errors.communeCode}
          />
          <Group grow>
            <Select
              label={t('field.locale')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </Group>
          <ModalFooter
            error={formError}
            onCancel={close}
            confirmLabel={t('common.save')}
            loading={saving}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
