import { Badge } from '@mantine/core';
import type { NewsletterStatus } from '../../../contracts/newsletters.ts';
import { useT } from '../../core/i18n/index.tsx';
import { newsletterStatusColors, newsletterStatusKeys } from './labels.ts';

export function NewsletterStatusBadge({ status }: { status: NewsletterStatus }) {
  const t = useT();
  return (
    <Badge color={newsletterStatusColors[status]} variant="light" miw="max-content">
      {t(newsletterStatusKeys[status])}
    </Badge>
  );
}
