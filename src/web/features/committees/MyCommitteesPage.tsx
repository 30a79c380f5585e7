import { Anchor, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { rankAtLeast } from '../../../contracts/access.ts';
import type { z } from 'zod';
import type { myCommitteeSchema } from '../../../contracts/committees.ts';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { RankBadge, StatusBadge } from './badges.tsx';
import { useMyCommittees } from './hooks.ts';

type MyCommittee = z.infer<typeof myCommitteeSchema>;

function CommitteeCard({ committee }: { committee: MyCommittee }) {
  const t = useT();
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          {/* The public page is drawn by the server: a plain link loads it. */}
          <Anchor href={`/committees/${committee.id}`} fw={600} style={{ minWidth: 0 }}>
            {committee.name}
          </Anchor>
          <Group gap={6}>
            <StatusBadge status={committee.status} />
            <RankBadge rank={committee.rank} />
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {committee.place.label} · {t('committees.memberCount', { count: committee.memberCount })}
        </Text>
        <Group>
          {/* The same page: managers run the committee there, others choose what they receive. */}
          {rankAtLeast(committee.rank, 'manager') ? (
            <Button
              component={Link}
              to={`/me/committees/${committee.id}/manage`}
              size="xs"
              variant="light"
              aria-label={t('committees.manageNamed', { name: committee.name })}
            >
              {t('committees.manage')}
            </Button>
          ) : (
            <Button
              component={Link}
              to={`/me/committees/${committee.id}/manage`}
              size="xs"
              variant="default"
              aria-label={t('committees.preferencesNamed', { name: committee.name })}
            >
              {t('committees.preferences')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

export function MyCommitteesPage() {
  const t = useT();
  usePageTitle(t('committees.mine.title'));
  const mine = useMyCommittees();
  return (
    <Container size="md" px={0}>
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={1}>{t('committees.mine.title')}</Title>
          <Button
            component={Link}
            to="/me/committees/new"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('committees.create')}
          </Button>
        </Group>
        <Text size="sm">{t('committees.mine.intro')}</Text>
        <QueryState query={mine}>
          {(list) =>
            list.length === 0 ? (
              <Text>{t('committees.mine.empty')}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('committees.mine.label')}>
                {list.map((committee) => (
                  <CommitteeCard key={committee.id} committee={committee} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Container>
  );
}
