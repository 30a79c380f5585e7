import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { contentApi } from '../../../contracts/content-api.ts';
import { urlOf } from '../../core/api.ts';
import { useT } from '../../core/i18n/index.tsx';
import { Leaderboard } from '../../core/ui/Leaderboard.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ContentLayout } from './ContentLayout.tsx';
import { useLeaderboard } from './hooks.ts';

/** Supporters whose shared links brought visits, sign-ups and paid gifts; a CSV of it. */
export function LeaderboardPage() {
  const t = useT();
  const board = useLeaderboard();
  return (
    <ContentLayout
      title={t('content.leaderboard.title')}
      intro={t('content.leaderboard.intro')}
      actions={
        <Group>
          <Button
            component="a"
            href={urlOf(contentApi.leaderboardCsv)}
            download
            variant="light"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            {t('content.leaderboard.export')}
          </Button>
        </Group>
      }
    >
      <QueryState query={board}>
        {(rows) => (
          <Leaderboard
            rows={rows.map((row) => ({ ...row, id: row.personId }))}
            label={t('content.leaderboard.title')}
            nameHeader={t('content.leaderboard.name')}
            empty={t('content.leaderboard.empty')}
            minWidth={520}
            counts={[
              { header: t('content.leaderboard.signups'), count: (row) => row.signups },
              { header: t('content.leaderboard.donations'), count: (row) => row.donations },
              { header: t('content.leaderboard.visits'), count: (row) => row.visits },
            ]}
          />
        )}
      </QueryState>
    </ContentLayout>
  );
}
