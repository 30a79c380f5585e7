import { ActionIcon, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { QUESTION_OPTIONS_MAX } from '../../../contracts/field-questionnaires.ts';
import { useT } from '../../core/i18n/index.tsx';
import {
  hasOptions,
  newOption,
  withOptionLabel,
  withoutOption,
  type QuestionDraft,
} from './questionnaire-draft.ts';

interface Props {
  question: QuestionDraft;
  questions: readonly QuestionDraft[];
  index: number;
  errors: Record<string, ReactNode>;
  onChange: (questions: QuestionDraft[]) => void;
}

/** What a question's kind asks for beyond its words: choices, a scale's ends, or nothing. */
export function QuestionnaireOptions({ question, questions, index, errors, onChange }: Props) {
  const t = useT();
  const path = `definition.questions.${index}`;
  const replace = (next: QuestionDraft) =>
    onChange(questions.map((q, i) => (i === index ? next : q)));

  if (question.kind === 'scale') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        {(['low', 'high'] as const).map((end) => (
          <TextInput
            key={end}
            label={t(
              end === 'low' ? 'field.questionnaire.scaleLow' : 'field.questionnaire.scaleHigh',
            )}
            withAsterisk
            value={question.scale[end]}
            onChange={(e) =>
              replace({ ...question, scale: { ...question.scale, [end]: e.currentTarget.value } })
            }
            error={errors[`${path}.scale.${end}`] ?? errors[`${path}.scale`]}
          />
        ))}
      </SimpleGrid>
    );
  }
  if (question.kind === 'support') {
    return (
      <Text size="sm" c="dimmed" mt="xs">
        {t('field.questionnaire.supportHelp')}
      </Text>
    );
  }
  if (!hasOptions(question.kind)) return null;

  const n = index + 1;
  return (
    <Stack gap={6} mt="sm">
      <Text size="sm" fw={500}>
        {t('field.questionnaire.options')}
      </Text>
      {question.options.map((option, at) => (
        <Group key={option.uid} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 2 }}
            label={t('field.questionnaire.optionN', { n: at + 1 })}
            aria-label={t('field.questionnaire.optionOf', { n: at + 1, question: n })}
            value={option.label}
            onChange={(e) => replace(withOptionLabel(question, at, e.currentTarget.value))}
            error={errors[`${path}.options.${at}.label`]}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('field.questionnaire.optionId')}
            aria-label={t('field.questionnaire.optionIdOf', { n: at + 1, question: n })}
            value={option.id}
            disabled={option.saved}
            onChange={(e) =>
              replace({
                ...question,
                options: question.options.map((o, i) =>
                  i === at ? { ...o, id: e.currentTarget.value, autoId: false } : o,
                ),
              })
            }
            error={errors[`${path}.options.${at}.id`]}
          />
          <ActionIcon
            mt={26}
            variant="subtle"
            color="red"
            aria-label={t('field.questionnaire.removeOption', { n: at + 1, question: n })}
            onClick={() => onChange(withoutOption(questions, index, at))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {errors[`${path}.options`] && (
        <Text size="sm" c="red" role="alert">
          {errors[`${path}.options`]}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="light"
          disabled={question.options.length >= QUESTION_OPTIONS_MAX}
          onClick={() =>
            replace({ ...question, options: [...question.options, newOption(question.options)] })
          }
        >
          {t('field.questionnaire.addOption')}
        </Button>
      </Group>
    </Stack>
  );
}
