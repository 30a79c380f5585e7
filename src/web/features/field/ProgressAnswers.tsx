import { Progress as Bar, SimpleGrid, Table, Text } from '@mantine/core';
import type { Progress } from '../../../contracts/field-progress.ts';
import { formatNumber } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { Section } from '../../core/ui/Section.tsx';

type QuestionCounts = Progress['answers'][number];

function AnswerTable({ question }: { question: QuestionCounts }) {
  const t = useT();
  const [locale] = useLocale();
  const total = question.counts.reduce((sum, row) => sum + row.count, 0);
  return (
    <Table verticalSpacing={4} aria-label={question.label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('field.progress.answer')}</Table.Th>
          <Table.Th ta="right">{t('field.progress.count')}</Table.Th>
          <Table.Th w="40%" aria-hidden />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {question.counts.map((row) => (
          <Table.Tr key={row.value}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td ta="right">{formatNumber(row.count, locale)}</Table.Td>
            <Table.Td aria-hidden>
              <Bar value={total > 0 ? (row.count / total) * 100 : 0} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** How residents answered each choice and scale question (free text is never counted). */
export function ProgressAnswers({ progress }: { progress: Progress }) {
  const t = useT();
  return (
    <Section title={t('field.progress.answers')} description={t('field.progress.answersHelp')}>
      {progress.answers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('field.progress.noAnswers')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {progress.answers.map((question) => (
            <div key={question.questionId}>
              <Text fw={500} size="sm" mb={4}>
                {question.label}
              </Text>
              <AnswerTable question={question} />
            </div>
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}
