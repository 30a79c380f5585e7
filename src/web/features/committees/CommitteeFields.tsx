import { Fieldset, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { DESCRIPTION_MAX } from '../../../contracts/committees.ts';
import { useT } from '../../core/i18n/index.tsx';
import type { PostalLookup } from '../../core/ui/CommuneField.tsx';
import { PlaceFields } from '../../core/ui/PersonFields.tsx';
import type { CommitteeValues } from './forms.ts';

interface Props {
  inputProps: (field: keyof CommitteeValues) => GetInputPropsReturnType;
  lookup: PostalLookup;
  communeCode: string;
  onCommuneChange: (code: string) => void;
  communeError?: ReactNode;
  /** What the geocoder made of the place saved (editing only). */
  placeLabel?: string;
}

/** A committee's name, description, place and public contact: creation and editing alike. */
export function CommitteeFields({
  inputProps,
  lookup,
  communeCode,
  onCommuneChange,
  communeError,
  placeLabel,
}: Props) {
  const t = useT();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('committees.field.name')}
        required
        maxLength={100}
        autoComplete="off"
        {...inputProps('name')}
      />
      <Textarea
        label={t('committees.field.description')}
        description={t('committees.field.descriptionHint')}
        autosize
        minRows={4}
        maxRows={14}
        maxLength={DESCRIPTION_MAX}
        {...inputProps('description')}
      />
      <Fieldset
        legend={t('committees.field.place')}
        variant="unstyled"
        p={0}
        styles={{ legend: { fontWeight: 600 } }}
      >
        <Stack gap="sm">
          {placeLabel && (
            <Text size="sm" c="dimmed">
              {t('committees.field.placeNow', { label: placeLabel })}
            </Text>
          )}
          <PlaceFields
            postalCode={inputProps('postalCode')}
            required
            lookup={lookup}
            communeCode={communeCode}
            onCommuneChange={onCommuneChange}
            communeError={communeError}
          />
          <TextInput
            label={t('committees.field.street')}
            description={t('committees.field.streetHint')}
            maxLength={200}
            autoComplete="off"
            {...inputProps('street')}
          />
        </Stack>
      </Fieldset>
      <TextInput
        label={t('committees.field.contactEmail')}
        description={t('committees.field.contactHint')}
        type="email"
        maxLength={254}
        autoComplete="off"
        {...inputProps('contactEmail')}
      />
      <TextInput
        label={t('committees.field.contactPhone')}
        description={t('committees.field.contactHint')}
        type="tel"
        maxLength={30}
        autoComplete="off"
        {...inputProps('contactPhone')}
      />
    </Stack>
  );
}
