import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PhoneBank, PhoneBankShift } from '../../../../contracts/phone-banks.ts';
import { formatDateTime, formatNumber } from '../../../core/format.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { QueryState } from '../../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../../core/ui/Section.tsx';
import { usePhoneBankShifts } from './hooks.ts';
import { isEditable, isUnfilled } from './labels.ts';
import { ShiftForm } from './ShiftForm.tsx';

function ShiftList({ shifts }: { shifts: readonly PhoneBankShift[] }) {
  const t = useT();
  const [locale] = useLocale();
  const number = (value: number | null) =>
    value === null ? t('banks.shift.noLimit') : formatNumber(value, locale);
  if (shifts.length === 0) return <Text size="sm">{t('banks.shift.none')}</Text>;
  return (
    <ResponsiveTable
      label={t('banks.shift.title')}
      items={shifts}
      rowKey={(shift) => shift.eventId}
      columns={[
        {
          header: t('banks.shift.when'),
          title: true,
          cell: (shift) => (
            <Group gap="xs" wrap="wrap">
              <Anchor href={`/events/${shift.eventId}`}>
                {t('banks.shift.range', {
                  start: formatDateTime(shift.startsAt, locale),
                  end: formatDateTime(shift.endsAt, locale),
                })}
              </Anchor>
              {isUnfilled(shift) && (
                <Badge color="orange" variant="light" miw="max-content">
                  {t('banks.shift.unfilled')}
                </Badge>
              )}
            </Group>
          ),
        },
        {
          header: t('banks.shift.capacity'),
          numeric: true,
          cell: (shift) => number(shift.capacity),
        },
        {
          header: t('banks.shift.going'),
          numeric: true,
          cell: (shift) => formatNumber(shift.going, locale),
        },
        {
          header: t('banks.shift.open'),
          numeric: true,
          cell: (shift) => number(shift.open),
        },
        {
          header: t('banks.shift.manage'),
          cell: (shift) => (
            <Anchor component={Link} to={`/me/events/${shift.eventId}/manage`} size="sm">
              {t('banks.shift.manageLink')}
            </Anchor>
          ),
        },
      ]}
    />
  );
}

/** The bank's shifts (phone-bank events volunteers sign up to), and a new one. */
export function BankShifts({ bank }: { bank: PhoneBank }) {
  const t = useT();
  const shifts = usePhoneBankShifts(bank.id);
  return (
    <Section title={t('banks.shift.title')} description={t('banks.shift.help')}>
      <Stack gap="md">
        <QueryState query={shifts}>{(items) => <ShiftList shifts={items} />}</QueryState>
        {isEditable(bank.status) && <ShiftForm bankId={bank.id} />}
      </Stack>
    </Section>
  );
}
