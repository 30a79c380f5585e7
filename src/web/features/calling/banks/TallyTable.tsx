import type { CallerTally } from '../../../../contracts/phone-banks.ts';
import { useT } from '../../../core/i18n/index.tsx';
import { Leaderboard } from '../../../core/ui/Leaderboard.tsx';

/** A leaderboard (volunteers, committees or banks) by calls, with its conversations. */
export function TallyTable({
  rows,
  label,
  nameHeader,
  empty,
  linkTo,
}: {
  rows: readonly CallerTally[];
  label: string;
  nameHeader: string;
  empty: string;
  /** Where a row's name leads, when it is a page of the app. */
  linkTo?: (row: CallerTally) => string;
}) {
  const t = useT();
  return (
    <Leaderboard
      rows={rows}
      label={label}
      nameHeader={nameHeader}
      empty={empty}
      minWidth={320}
      linkTo={linkTo}
      counts={[
        { header: t('banks.tally.calls'), count: (row) => row.calls },
        { header: t('banks.tally.conversations'), count: (row) => row.conversations },
      ]}
    />
  );
}
