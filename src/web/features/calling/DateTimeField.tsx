import { DateTimePicker } from '@mantine/dates';
import 'dayjs/locale/fr';
import type { ReactNode } from 'react';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useIsPhone } from '../../core/ui/useIsPhone.ts';

const formats = { fr: 'DD/MM/YYYY HH:mm', en: 'YYYY-MM-DD HH:mm' } as const;

/** An optional moment on the campaign's clock ('YYYY-MM-DD HH:mm:ss', or empty). */
export function DateTimeField({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
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
      description={description}
      placeholder={t('calling.form.pickMoment')}
      clearable
      clearButtonProps={{ 'aria-label': t('calling.form.clearMoment', { label }) }}
      value={value || null}
      onChange={(picked) => onChange(picked ?? '')}
      error={error}
      locale={locale}
      valueFormat={formats[locale]}
      defaultTimeValue="10:00"
      ariaLabels={{
        nextMonth: t('calling.form.nextMonth'),
        previousMonth: t('calling.form.previousMonth'),
        monthLevelControl: t('calling.form.monthLevel'),
      }}
      timePickerProps={{
        hoursInputLabel: t('calling.form.hours'),
        minutesInputLabel: t('calling.form.minutes'),
      }}
      submitButtonProps={{ 'aria-label': t('calling.form.confirmMoment') }}
      dropdownType={phone ? 'modal' : 'popover'}
      modalProps={{ title: label, closeButtonProps: { 'aria-label': t('common.close') } }}
    />
  );
}
