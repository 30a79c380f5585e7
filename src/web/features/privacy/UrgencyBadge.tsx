import { Badge, Group } from '@mantine/core';
import type { PrivacyRequestEntry } from '../../../contracts/privacy.ts';
import { useT } from '../../core/i18n/index.tsx';

/** Overdue, due soon, extended: what staff must see first about a request. */
export function UrgencyBadge({ request }: { request: PrivacyRequestEntry }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      {request.overdue && (
        <Badge color="red" variant="filled">
          {t('privacy.badge.overdue')}
        </Badge>
      )}
      {request.dueSoon && <Badge color="orange">{t('privacy.badge.dueSoon')}</Badge>}
      {request.extensionReason !== null && (
        <Badge color="gray" variant="light">
          {t('privacy.badge.extended')}
        </Badge>
      )}
    </Group>
  );
}
