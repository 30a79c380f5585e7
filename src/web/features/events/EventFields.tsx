import {
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  SimpleGrid,
  Group,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { GetInputPropsReturnType } from '@mantine/form';
import 'dayjs/locale/fr';
import type { ReactNode } from 'react';
import {
  eventTypeSchema,
  eventVisibilitySchema,
  PROPAGANDA_EVENT_TYPES,
  type EventType,
} from '../../../contracts/events.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import type { PostalLookup } from '../../core/ui/CommuneField.tsx';
import { PlaceFields } from '../../core/ui/PersonFields.tsx';
import { useIsPhone } from '../../core/ui/useIsPhone.ts';
import type { EventValues, EventWhere } from './forms.ts';

const formats = { fr: 'DD/MM/YYYY HH:mm', en: 'YYYY-MM-DD HH:mm' } as const;

/** A moment on the campaign's clock ('YYYY-MM-DD HH:mm:ss', or empty), in the app's language. */
function DateTimeField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
}) {
  const t = useT();
  const [locale] = useLocale();
  // A calendar and a clock do not fit beside the field on a phone: they open as a dialog.
  const phone = useIsPhone();
  return (
    <DateTimePicker
      label={label}
      description={t('events.field.timeHint')}
      placeholder={t('events.field.pick')}
      required
      value={value || null}
      onChange={(picked) => onChange(picked ?? '')}
      error={error}
      locale={locale}
      valueFormat={formats[locale]}
      defaultTimeValue="18:00"
      ariaLabels={{
        nextMonth: t('events.field.nextMonth'),
        previousMonth: t('events.field.previousMonth'),
        monthLevelControl: t('events.field.monthLevel'),
      }}
      timePickerProps={{
        hoursInputLabel: t('events.field.hours'),
        minutesInputLabel: t('events.field.minutes'),
      }}
      submitButtonProps={{ 'aria-label': t('events.field.confirmTime') }}
      dropdownType={phone ? 'modal' : 'popover'}
      modalProps={{ title: label, closeButtonProps: { 'aria-label': t('common.close') } }}
    />
  );
}

interface Props {
  values: EventValues;
  inputProps: (field: keyof EventValues) => GetInputPropsReturnType;
  errors: Partial<Record<keyof EventValues, ReactNode>>;
  setValue: <K extends keyof EventValues>(field: K, value: EventValues[K]) => void;
  lookup: PostalLookup;
  /** What the geocoder made of the place saved (editing only). */
  placeLabel?: string;
}

/** An event's type, title, description, times, place or link, places and visibility. */
export function EventFields({ values, inputProps, errors, setValue, lookup, placeLabel }: Props) {
  const t = useT();
  const propaganda = PROPAGANDA_EVENT_TYPES.includes(values.type);
  return (
    <Stack gap="sm">
      <Select
        label={t('events.field.type')}
        required
        allowDeselect={false}
        data={eventTypeSchema.options.map((type) => ({
          value: type,
          label: t(`events.type.${type}`),
        }))}
        description={propaganda ? t('events.field.silenceHint') : undefined}
        {...inputProps('type')}
        onChange={(type) => type && setValue('type', type as EventType)}
      />
      <TextInput
        label={t('events.field.title')}
        required
        maxLength={150}
        autoComplete="off"
        {...inputProps('title')}
      />
      <Textarea
        label={t('events.field.description')}
        description={t('events.field.descriptionHint')}
        autosize
        minRows={4}
        maxRows={14}
        maxLength={10_000}
        {...inputProps('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateTimeField
          label={t('events.field.startsAt')}
          value={values.startsAt}
          onChange={(value) => setValue('startsAt', value)}
          error={errors.startsAt}
        />
        <DateTimeField
          label={t('events.field.endsAt')}
          value={values.endsAt}
          onChange={(value) => setValue('endsAt', value)}
          error={errors.endsAt}
        />
      </SimpleGrid>
      <Radio.Group
        label={t('events.field.where')}
        value={values.where}
        onChange={(where) => setValue('where', where as EventWhere)}
      >
        <Group gap="md" mt={4}>
          {(['place', 'online', 'both'] as const).map((where) => (
            <Radio key={where} value={where} label={t(`events.field.where.${where}`)} />
          ))}
        </Group>
      </Radio.Group>
      {values.where !== 'online' && (
        <Stack gap="sm">
          {placeLabel && (
            <Text size="sm" c="dimmed">
              {t('events.field.placeNow', { label: placeLabel })}
            </Text>
          )}
          <PlaceFields
            postalCode={inputProps('postalCode')}
            required
            lookup={lookup}
            communeCode={values.communeCode}
            onCommuneChange={(code) => setValue('communeCode', code)}
            communeError={errors.communeCode}
          />
          <TextInput
            label={t('events.field.street')}
            description={t('events.field.streetHint')}
            maxLength={200}
            autoComplete="off"
            {...inputProps('street')}
          />
        </Stack>
      )}
      {values.where !== 'place' && (
        <TextInput
          label={t('events.field.onlineUrl')}
          description={t('events.field.onlineUrlHint')}
          required
          type="url"
          maxLength={500}
          autoComplete="off"
          {...inputProps('onlineUrl')}
        />
      )}
      <NumberInput
        label={t('events.field.capacity')}
        description={t('events.field.capacityHint')}
        min={1}
        max={100_000}
        allowDecimal={false}
        allowNegative={false}
        {...inputProps('capacity')}
      />
      <Radio.Group
        label={t('events.field.visibility')}
        value={values.visibility}
        onChange={(visibility) => setValue('visibility', eventVisibilitySchema.parse(visibility))}
      >
        <Stack gap={6} mt={4}>
          {eventVisibilitySchema.options.map((visibility) => (
            <Radio
              key={visibility}
              value={visibility}
              label={t(`events.visibility.${visibility}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
