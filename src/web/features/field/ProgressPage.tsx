import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { fieldProgressApi } from '../../../contracts/field-api.ts';
import {
  progressQuerySchema,
  type Progress,
  type ProgressQuery,
} from '../../../contracts/field-progress.ts';
import { urlOf } from '../../core/api.ts';
import { useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { ProgressAnswers } from './ProgressAnswers.tsx';
import { ProgressCards } from './ProgressCards.tsx';
import { DailyChart, OutcomesChart, SupportChart } from './ProgressCharts.tsx';
import { ProgressFilters } from './ProgressFilters.tsx';
import { ProgressLeaders } from './ProgressLeaders.tsx';
import { ProgressMapSection } from './ProgressMapSection.tsx';
import { ProgressTurfs } from './ProgressTurfs.tsx';
import { useProgress } from './progress-hooks.ts';

/** The filters in the page's address, so a view can be shared and survives a reload. */
function readQuery(search: URLSearchParams): ProgressQuery {
  const parsed = progressQuerySchema.safeParse(Object.fromEntries(search));
  return parsed.success ? parsed.data : {};
}

function toSearch(query: ProgressQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

function ProgressView({ progress, query }: { progress: Progress; query: ProgressQuery }) {
  const t = useT();
  const empty = progress.visits === 0;
  return (
    <Stack gap="md">
      <ProgressCards progress={progress} />
      {empty ? (
        <Alert color="gray" title={t('field.progress.emptyTitle')}>
          {t('field.progress.empty')}
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section title={t('field.progress.outcomes')}>
              <OutcomesChart progress={progress} />
            </Section>
            <Section
              title={t('field.progress.support')}
              description={t('field.progress.supportHelp')}
            >
              <SupportChart progress={progress} />
            </Section>
          </SimpleGrid>
          <Section title={t('field.progress.byDay')}>
            <DailyChart progress={progress} />
          </Section>
          <ProgressAnswers progress={progress} />
        </>
      )}
      <Section title={t('field.progress.byTurf')}>
        <ProgressTurfs progress={progress} />
      </Section>
      {!empty && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section title={t('field.progress.volunteers')}>
              <ProgressLeaders
                label={t('field.progress.volunteers')}
                nameHeader={t('field.progress.volunteer')}
                empty={t('field.progress.noVolunteers')}
                rows={progress.volunteers.map((v) => ({ ...v, id: v.personId }))}
              />
            </Section>
            <Section title={t('field.progress.committees')}>
              <ProgressLeaders
                label={t('field.progress.committees')}
                nameHeader={t('field.progress.committee')}
                empty={t('field.progress.noCommitteeVisits')}
                rows={progress.committees.map((c) => ({ ...c, id: c.committeeId }))}
              />
            </Section>
          </SimpleGrid>
          <ProgressMapSection query={query} />
        </>
      )}
    </Stack>
  );
}

/**
 * Door-to-door progress for HQ: the campaign's, an area's, a turf's or a committee's. Figures
 * and the map are read again every 30 seconds as volunteers' phones sync.
 */
export function ProgressPage() {
  const t = useT();
  usePageTitle(t('field.progress.title'));
  const [search, setSearch] = useSearchParams();
  const query = readQuery(search);
  const progress = useProgress(query);
  return (
    <Stack gap="md" maw={1200}>
      <nav aria-label={t('field.progress.breadcrumb')} className="no-print">
        <Breadcrumbs>
          <Anchor component={Link} to="/hq/field" size="sm">
            {t('field.progress.overview')}
          </Anchor>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('field.progress.title')}</Title>
        <Stack gap={2} align="flex-end">
          <Button
            component="a"
            href={urlOf(fieldProgressApi.answersCsv, { query })}
            download
            variant="light"
            leftSection={<IconDownload size={16} />}
          >
            {t('field.progress.export')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('field.progress.exportNote')}
          </Text>
        </Stack>
      </Group>
      <ProgressFilters query={query} onChange={(next) => setSearch(toSearch(next))} />
      <QueryState query={progress}>
        {(data) => <ProgressView progress={data} query={query} />}
      </QueryState>
    </Stack>
  );
}
