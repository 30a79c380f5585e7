import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { Questionnaire } from '../../../contracts/field-visits.ts';
import { formatDate } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { QuestionnaireBreadcrumb } from './QuestionnaireBreadcrumb.tsx';
import { QuestionnaireEditor } from './QuestionnaireEditor.tsx';
import { useQuestionnaire } from './questionnaire-hooks.ts';

function Heading({ questionnaire }: { questionnaire: Questionnaire | null }) {
  const t = useT();
  const [locale] = useLocale();
  const title = questionnaire?.name ?? t('field.questionnaire.newTitle');
  usePageTitle(title);
  return (
    <Stack gap={4}>
      <QuestionnaireBreadcrumb toList />
      <Group gap="sm">
        <Title order={1}>{title}</Title>
        {questionnaire?.archived && (
          <Badge color="gray" variant="light">
            {t('field.questionnaires.archived')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c={questionnaire ? 'dimmed' : undefined}>
        {questionnaire
          ? t('field.questionnaire.versionInfo', {
              version: questionnaire.current.version,
              date: formatDate(questionnaire.current.createdAt, locale),
              answered: questionnaire.answered,
            })
          : t('field.questionnaire.newIntro')}
      </Text>
    </Stack>
  );
}

/** A new questionnaire, started from the campaign's default one. */
export function NewQuestionnairePage() {
  return (
    <Stack gap="md" maw={1300}>
      <Heading questionnaire={null} />
      <QuestionnaireEditor questionnaire={null} />
    </Stack>
  );
}

/** A questionnaire's builder: saving a changed definition makes its next version. */
export function QuestionnaireEditPage() {
  const id = Number(useParams().id);
  const questionnaire = useQuestionnaire(id);
  return (
    <Stack gap="md" maw={1300}>
      <QueryState query={questionnaire}>
        {(data) => (
          <>
            <Heading questionnaire={data} />
            {/* A new version starts the builder again from what the server kept. */}
            <QuestionnaireEditor key={`${data.id}:${data.current.id}`} questionnaire={data} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
