import { Badge } from '@mantine/core';
import type { FinanceGift } from '../../../contracts/donations-finance.ts';
import { useT } from '../../core/i18n/index.tsx';

const colors: Record<FinanceGift['status'], string> = {
  pending: 'gray',
  succeeded: 'green',
  failed: 'red',
  expired: 'gray',
  refunded: 'orange',
};

export function GiftStatusBadge({ status }: { status: FinanceGift['status'] }) {
  const t = useT();
  return (
    <Badge color={colors[status]} variant="light">
      {t(`finance.status.${status}`)}
    </Badge>
  );
}
