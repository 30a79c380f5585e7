import { Badge } from '@mantine/core';
import type { Rank } from '../../../contracts/access.ts';
import type { CommitteeStatus } from '../../../contracts/committees.ts';
import { useT } from '../../core/i18n/index.tsx';

const rankColors: Record<Rank, string> = {
  organiser: 'grape',
  manager: 'blue',
  member: 'teal',
  follower: 'gray',
};

export function RankBadge({ rank }: { rank: Rank }) {
  const t = useT();
  return (
    <Badge color={rankColors[rank]} variant="light">
      {t(`committees.rank.${rank}`)}
    </Badge>
  );
}

/** A committee's status when it is not simply public; nothing for a published one. */
export function StatusBadge({ status }: { status: CommitteeStatus }) {
  const t = useT();
  if (status === 'published') return null;
  return (
    <Badge color={status === 'held' ? 'orange' : 'red'} variant="outline">
      {t(`committees.status.${status}`)}
    </Badge>
  );
}
