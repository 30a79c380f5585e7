import { useT } from '../../core/i18n/index.tsx';
import { Leaderboard } from '../../core/ui/Leaderboard.tsx';

interface Leader {
  id: number;
  name: string;
  visits: number;
  conversations: number;
}

/** A leaderboard of volunteers or committees, by visits. */
export function ProgressLeaders({
  rows,
  label,
  nameHeader,
  empty,
}: {
  rows: Leader[];
  label: string;
  nameHeader: string;
  empty: string;
}) {
  const t = useT();
  return (
    <Leaderboard
      rows={rows}
      label={label}
      nameHeader={nameHeader}
      empty={empty}
      minWidth={360}
      counts={[
        { header: t('field.progress.visits'), count: (row) => row.visits },
        { header: t('field.progress.conversations'), count: (row) => row.conversations },
      ]}
    />
  );
}
