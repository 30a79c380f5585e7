import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import type { Questionnaire } from '../../../contracts/field-visits.ts';
import { errorText } from '../../core/errors.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { QuestionnaireBreadcrumb } from './QuestionnaireBreadcrumb.tsx';
import { useQuestionnaires, useSaveQuestionnaire } from './questionnaire-hooks.ts';

function ArchiveButton({ questionnaire }: { questionnaire: Questionnaire }) {
  const t = useT();
  const save = useSaveQuestionnaire();
  const archive = !questionnaire.archived;
  const toggle = () =>
    save.mutate(
      {
        id: questionnaire.id,
        // The current definition as it is: archiving makes no version.
        body: {
          name: questionnaire.name,
          definition: questionnaire.current.definition,
          archived: archive,
        },
      },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t(
              archive ? 'field.questionnaires.archivedDone' : 'field.questionnaires.restoredDone',
              { name: questionnaire.name },
            ),
          }),
        onError: (error) => notifications.show({ color: 'red', message: errorText(error, t) }),
      },
    );
  return (
    <Button
      size="xs"
      variant="subtle"
      loading={save.isPending}
      onClick={toggle}
      aria-label={t(
        archive ? 'field.questionnaires.archiveLabel' : 'field.questionnaires.restoreLabel',
        {
          name: questionnaire.name,
        },
      )}
    >
      {t(archive ? 'field.questionnaires.archive' : 'field.questionnaires.restore')}
    </Button>
  );
}

/** The campaign's questionnaires: which one volunteers carry, versions, answers, archive. */
export function QuestionnairesPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('field.questionnaires.title'));
  const questionnaires = useQuestionnaires();
  return (
    <Stack gap="md" maw={1100}>
      <QuestionnaireBreadcrumb />
      <Group justify="space-between">
        <Title order={1}>{t('field.questionnaires.title')}</Title>
        <Button component={Link} to="/hq/field/questionnaires/new">
          {t('field.questionnaires.new')}
        </Button>
      </Group>
      <Text size="sm">{t('field.questionnaires.intro')}</Text>
      <QueryState query={questionnaires}>
        {({ items }) => {
          if (items.length === 0) return <Text>{t('field.questionnaires.empty')}</Text>;
          // The server's order, and the canvassing app's choice: the latest active one.
          const inUse = items.find((q) => !q.archived)?.id;
          return (
            <ResponsiveTable
              label={t('field.questionnaires.title')}
              items={items}
              rowKey={(q) => q.id}
              columns={[
                {
                  header: t('field.questionnaires.name'),
                  title: true,
                  cell: (q) => (
                    <Anchor component={Link} to={`/hq/field/questionnaires/${q.id}`}>
                      {q.name}
                    </Anchor>
                  ),
                },
                {
                  header: t('field.questionnaires.version'),
                  cell: (q) =>
                    t('field.questionnaires.versionValue', {
                      version: q.current.version,
                      date: formatDate(q.current.createdAt, locale),
                    }),
                },
                {
                  header: t('field.questionnaires.answered'),
                  numeric: true,
                  cell: (q) => formatNumber(q.answered, locale),
                },
                {
                  header: t('field.questionnaires.status'),
                  cell: (q) =>
                    q.archived ? (
                      <Badge color="gray" variant="light">
                        {t('field.questionnaires.archived')}
                      </Badge>
                    ) : q.id === inUse ? (
                      <Badge color="green" variant="light">
                        {t('field.questionnaires.inUse')}
                      </Badge>
                    ) : (
                      <Badge variant="light">{t('field.questionnaires.active')}</Badge>
                    ),
                },
                {
                  header: t('common.actions'),
                  cell: (q) => (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="light"
                        component={Link}
                        to={`/hq/field/questionnaires/${q.id}`}
                        aria-label={t('field.questionnaires.editLabel', { name: q.name })}
                      >
                        {t('common.edit')}
                      </Button>
                      <ArchiveButton questionnaire={q} />
                    </Group>
                  ),
                },
              ]}
            />
          );
        }}
      </QueryState>
    </Stack>
  );
}
