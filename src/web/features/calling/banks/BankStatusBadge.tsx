import { Badge } from '@mantine/core';
import type { PhoneBankStatus } from '../../../../contracts/phone-banks.ts';
import { useT } from '../../../core/i18n/index.tsx';
import { bankStatusColors, bankStatusKeys } from './labels.ts';

export function BankStatusBadge({ status }: { status: PhoneBankStatus }) {
  const t = useT();
  return (
    <Badge color={bankStatusColors[status]} variant="light" miw="max-content">
      {t(bankStatusKeys[status])}
    </Badge>
  );
}
