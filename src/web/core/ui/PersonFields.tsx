import { Box, Group, Text, TextInput, type MantineSpacing } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { phoneProblem } from '../../../contracts/phone.ts';
import { useT } from '../i18n/index.tsx';
import { CommuneField, type PostalLookup } from './CommuneField.tsx';

interface NameFieldsProps {
  firstName: GetInputPropsReturnType;
  lastName: GetInputPropsReturnType;
  mb?: MantineSpacing;
}

/** First and last name side by side, both required. */
export function NameFields({ firstName, lastName, mb }: NameFieldsProps) {
  const t = useT();
  return (
    <Group grow align="flex-start" wrap="wrap" gap="sm" mb={mb}>
      <TextInput
        label={t('field.firstName')}
        autoComplete="given-name"
        required
        miw={140}
        {...firstName}
      />
      <TextInput
        label={t('field.lastName')}
        autoComplete="family-name"
        required
        miw={140}
        {...lastName}
      />
    </Group>
  );
}

interface PhoneFieldProps {
  inputProps: GetInputPropsReturnType;
  /** The person wants SMS on it: the field asks for a mobile and flags a landline. */
  forSms?: boolean;
  mb?: MantineSpacing;
  /** Under the field when SMS is not wanted ('Optional' unless given; null: nothing). */
  hint?: ReactNode;
  /** 'off' where staff type someone else's number: not the browser's own. */
  autoComplete?: 'tel' | 'off';
}

/**
 * An optional phone number, read with the rules the server uses (contracts/phone.ts). A
 * landline where SMS is wanted is flagged as it is typed; the form decides whether it also
 * refuses it (see phoneError).
 */
export function PhoneField({
  inputProps,
  forSms = false,
  mb,
  hint,
  autoComplete = 'tel',
}: PhoneFieldProps) {
  const t = useT();
  const value = typeof inputProps.value === 'string' ? inputProps.value : '';
  const landline = !inputProps.error && phoneProblem(value, forSms) === 'landline_for_sms';
  return (
    <TextInput
      label={t('field.phone')}
      description={
        landline ? (
          <Text
            component="span"
            size="xs"
            c="orange.9"
            fw={500}
            data-testid="phone-landline-warning"
          >
            {t('error.landline_for_sms')}
          </Text>
        ) : forSms ? (
          t('field.phoneForSms')
        ) : hint === undefined ? (
          t('field.optional')
        ) : (
          hint
        )
      }
      type="tel"
      autoComplete={autoComplete}
      mb={mb}
      {...inputProps}
    />
  );
}

interface PlaceFieldsProps {
  postalCode: GetInputPropsReturnType;
  required?: boolean;
  lookup: PostalLookup;
  communeCode: string;
  onCommuneChange: (code: string) => void;
  communeError?: ReactNode;
  /** Space below each field; the commune then sits in its own spaced box. */
  mb?: MantineSpacing;
}

/** A postal code and the commune it resolves to (see usePostalLookup). */
export function PlaceFields({
  postalCode,
  required,
  lookup,
  communeCode,
  onCommuneChange,
  communeError,
  mb,
}: PlaceFieldsProps) {
  const t = useT();
  const commune = (
    <CommuneField
      lookup={lookup}
      value={communeCode}
      onChange={onCommuneChange}
      error={communeError}
    />
  );
  return (
    <>
      <TextInput
        label={t('field.postalCode')}
        autoComplete="postal-code"
        inputMode="numeric"
        maxLength={10}
        required={required}
        mb={mb}
        {...postalCode}
      />
      {mb === undefined ? commune : <Box mb={mb}>{commune}</Box>}
    </>
  );
}
