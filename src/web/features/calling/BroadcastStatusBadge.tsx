import { Badge } from '@mantine/core';
import type { BroadcastStatus } from '../../../contracts/calling.ts';
import { useT } from '../../core/i18n/index.tsx';
import { broadcastStatusColors, broadcastStatusKeys } from './labels.ts';

export function BroadcastStatusBadge({ status }: { status: BroadcastStatus }) {
  const t = useT();
  return (
    <Badge color={broadcastStatusColors[status]} variant="light" miw="max-content">
      {t(broadcastStatusKeys[status])}
    </Badge>
  );
}
