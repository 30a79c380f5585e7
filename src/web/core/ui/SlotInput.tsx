import { Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useLocale, useT } from '../i18n/index.tsx';
import { WEEKDAYS, weekdayName, type AgreedSlot } from '../slot.ts';

/** The days and hours agreed to for automated calls (CNIL); `errors` by the slot's fields. */
export function SlotInput({
  value,
  onChange,
  errors = {},
  disabled,
}: {
  value: AgreedSlot;
  onChange: (slot: AgreedSlot) => void;
  errors?: Partial<Record<'weekdays' | 'from' | 'to', string>>;
  disabled?: boolean;
}) {
  const [locale] = useLocale();
  const t = useT();
  return (
    <Stack gap="xs">
      <Checkbox.Group
        label={t('slot.days')}
        required
        value={value.weekdays.map(String)}
        onChange={(days) =>
          onChange({ ...value, weekdays: days.map(Number).sort((a, b) => a - b) })
        }
        error={errors.weekdays}
      >
        <Group gap="sm" mt={4}>
          {WEEKDAYS.map((day) => (
            <Checkbox
              key={day}
              value={String(day)}
              label={weekdayName(day, locale)}
              aria-label={weekdayName(day, locale, 'long')}
              disabled={disabled}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <Group grow align="flex-start">
        <TextInput
          type="time"
          label={t('slot.from')}
          required
          value={value.from}
          onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
          error={errors.from}
          disabled={disabled}
        />
        <TextInput
          type="time"
          label={t('slot.to')}
          required
          value={value.to}
          onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
          error={errors.to}
          disabled={disabled}
        />
      </Group>
    </Stack>
  );
}
