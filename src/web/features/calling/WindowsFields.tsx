import { ActionIcon, Button, Checkbox, Group, Input, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { WEEKDAYS, weekdayName } from '../../core/slot.ts';
import { MAX_RANGES, type TimeRange, type WindowsValues } from './windows-form.ts';

/**
 * What WindowsFields reads and writes of a form: only the three window fields, so that any
 * editor's form holding them (a broadcast's, a bank's) is one.
 */
interface WindowsForm {
  values: WindowsValues;
  errors: UseFormReturnType<WindowsValues>['errors'];
  getInputProps: UseFormReturnType<WindowsValues>['getInputProps'];
  setFieldValue: (path: 'weekdays', days: number[]) => void;
  insertListItem: (path: 'windows', range: TimeRange) => void;
  removeListItem: (path: 'windows', index: number) => void;
}

/** The days and hours numbers are called, on each number's own clock. */
export function WindowsFields({ form }: { form: WindowsForm }) {
  const t = useT();
  const [locale] = useLocale();
  const ranges = form.values.windows;
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={t('calling.form.weekdays')}
        required
        value={form.values.weekdays.map(String)}
        onChange={(days) =>
          form.setFieldValue(
            'weekdays',
            days.map(Number).sort((a, b) => a - b),
          )
        }
        error={form.errors.weekdays}
      >
        <Group gap="sm" mt={4}>
          {WEEKDAYS.map((day) => (
            <Checkbox
              key={day}
              value={String(day)}
              label={weekdayName(day, locale)}
              aria-label={weekdayName(day, locale, 'long')}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <Input.Wrapper
        label={t('calling.form.ranges')}
        description={t('calling.form.rangesHelp')}
        error={form.errors.windows}
        required
      >
        <Stack gap="xs" mt={4}>
          {ranges.map((_, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                type="time"
                label={t('calling.form.rangeFrom')}
                aria-label={t('calling.form.rangeFromNumbered', { n: i + 1 })}
                required
                style={{ flex: 1, minWidth: 0 }}
                {...form.getInputProps(`windows.${i}.from`)}
              />
              <TextInput
                type="time"
                label={t('calling.form.rangeTo')}
                aria-label={t('calling.form.rangeToNumbered', { n: i + 1 })}
                required
                style={{ flex: 1, minWidth: 0 }}
                {...form.getInputProps(`windows.${i}.to`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                size="lg"
                disabled={ranges.length === 1}
                aria-label={t('calling.form.removeRange', { n: i + 1 })}
                onClick={() => form.removeListItem('windows', i)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Input.Wrapper>
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={ranges.length >= MAX_RANGES}
          onClick={() => form.insertListItem('windows', { from: '', to: '' })}
        >
          {t('calling.form.addRange')}
        </Button>
      </Group>
      <Checkbox
        label={t('calling.form.closedOnPublicHolidays')}
        {...form.getInputProps('closedOnPublicHolidays', { type: 'checkbox' })}
      />
    </Stack>
  );
}
