import { Badge } from '@mantine/core';
import type { Breach } from '../../../contracts/privacy.ts';
import { useT } from '../../core/i18n/index.tsx';

/** Where a breach stands against the 72 hours of art. 33(1). */
export function BreachStatus({ breach }: { breach: Breach }) {
  const t = useT();
  if (breach.cnilNotifiedAt !== null)
    return breach.notifiedLate ? (
      <Badge color="orange">{t('privacy.breach.notifiedLate')}</Badge>
    ) : (
      <Badge color="green">{t('privacy.breach.notified')}</Badge>
    );
  if (breach.noNotificationReason !== null)
    return <Badge color="gray">{t('privacy.breach.notNotified')}</Badge>;
  if (breach.overdue)
    return (
      <Badge color="red" variant="filled">
        {t('privacy.breach.late')}
      </Badge>
    );
  return (
    <Badge color="orange">{t('privacy.breach.hoursLeft', { hours: breach.hoursLeft ?? 0 })}</Badge>
  );
}
