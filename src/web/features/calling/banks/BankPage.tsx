import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { PhoneBank } from '../../../../contracts/phone-banks.ts';
import { phoneBanksApi } from '../../../../contracts/phone-banks-api.ts';
import { urlOf } from '../../../core/api.ts';
import { CallsExportButton } from '../CallsExportButton.tsx';
import { formatDateTime } from '../../../core/format.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { QueryState } from '../../../core/ui/QueryState.tsx';
import { CallingLayout } from '../CallingLayout.tsx';
import { BankControls } from './BankControls.tsx';
import { BankScript, BankSettings } from './BankSettings.tsx';
import { BankShifts } from './BankShifts.tsx';
import { BankStats } from './BankStats.tsx';
import { BankStatusBadge } from './BankStatusBadge.tsx';
import { isCalling, usePhoneBank } from './hooks.ts';

/** When it was opened and closed. */
function Dates({ bank }: { bank: PhoneBank }) {
  const t = useT();
  const [locale] = useLocale();
  const parts = [
    bank.openedAt && t('banks.bank.openedAt', { date: formatDateTime(bank.openedAt, locale) }),
    bank.closedAt && t('banks.bank.closedAt', { date: formatDateTime(bank.closedAt, locale) }),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <Text size="sm">{parts.join(' · ')}</Text>;
}

function BankView({ bank }: { bank: PhoneBank }) {
  const t = useT();
  return (
    <CallingLayout
      title={bank.name}
      actions={
        <Stack gap="xs">
          <Group gap="sm">
            <BankStatusBadge status={bank.status} />
            <Dates bank={bank} />
          </Group>
          <Group gap="xs">
            <BankControls bank={bank} />
            {bank.openedAt !== null && (
              <CallsExportButton
                href={urlOf(phoneBanksApi.callsCsv, { params: { id: bank.id } })}
              />
            )}
          </Group>
        </Stack>
      }
    >
      {bank.status === 'draft' && <Text size="sm">{t('banks.bank.draftHelp')}</Text>}
      {bank.openedAt !== null && <BankStats id={bank.id} live={isCalling(bank.status)} />}
      <BankShifts bank={bank} />
      <BankScript script={bank.script} />
      <BankSettings bank={bank} />
      <Anchor component={Link} to="/hq/calling/banks" size="sm">
        {t('banks.bank.back')}
      </Anchor>
    </CallingLayout>
  );
}

/** One phone bank: its state and actions, its figures, its shifts, its script and settings. */
export function PhoneBankPage() {
  const id = Number(useParams().id);
  const bank = usePhoneBank(id);
  return <QueryState query={bank}>{(data) => <BankView bank={data} />}</QueryState>;
}
