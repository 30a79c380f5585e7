import { DateInput } from '@mantine/dates';
import 'dayjs/locale/fr';
import type { ReactNode } from 'react';
import { parseDay } from '../day.ts';
import { useLocale, useT } from '../i18n/index.tsx';

const formats = { fr: 'DD/MM/YYYY', en: 'YYYY-MM-DD' } as const;
/**
 * A calendar day ('YYYY-MM-DD' or empty), shown in the app's language whatever the browser's
 * (a native date input follows the browser's locale, not the FR/EN switch).
 */
export function DayInput({
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
  const [locale] = useLocale();
  const t = useT();
  return (
    <DateInput
      label={label}
      error={error}
      value={value || null}
      onChange={(day) => onChange(day ?? '')}
      locale={locale}
      valueFormat={formats[locale]}
      placeholder={t('day.placeholder')}
      dateParser={parseDay}
      clearable
      clearButtonProps={{ 'aria-label': t('day.clear') }}
    />
  );
}
