import {
  ActionIcon,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { QuestionKind } from '../../../contracts/field-questionnaires.ts';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';
import { QuestionnaireCondition } from './QuestionnaireCondition.tsx';
import { QuestionnaireOptions } from './QuestionnaireOptions.tsx';
import { moved, withKind, withLabel, type QuestionDraft } from './questionnaire-draft.ts';
import { errorAt } from './questionnaire-problems.ts';

export const kindKeys: Record<QuestionKind, MessageKey> = {
  single: 'field.questionnaire.kind.single',
  multiple: 'field.questionnaire.kind.multiple',
  text: 'field.questionnaire.kind.text',
  scale: 'field.questionnaire.kind.scale',
  support: 'field.questionnaire.kind.support',
};

export interface QuestionProps {
  questions: readonly QuestionDraft[];
  index: number;
  errors: Record<string, ReactNode>;
  onChange: (questions: QuestionDraft[]) => void;
  onRemove: () => void;
}

/** One question of the builder: its words, kind, options or scale, and condition. */
export function QuestionnaireQuestion({
  questions,
  index,
  errors,
  onChange,
  onRemove,
}: QuestionProps) {
  const t = useT();
  const question = questions[index];
  const path = `definition.questions.${index}`;
  const n = index + 1;
  const replace = (next: QuestionDraft) =>
    onChange(questions.map((q, i) => (i === index ? next : q)));
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) =>
    replace({ ...question, [key]: value });

  return (
    <Fieldset legend={t('field.questionnaire.questionN', { n })} variant="filled">
      <Group justify="flex-end" gap={4} mt={-8} mb={4}>
        <ActionIcon
          variant="subtle"
          disabled={index === 0}
          aria-label={t('field.questionnaire.moveUp', { n })}
          onClick={() => onChange(moved(questions, index, -1))}
        >
          <IconArrowUp size={16} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          disabled={index === questions.length - 1}
          aria-label={t('field.questionnaire.moveDown', { n })}
          onClick={() => onChange(moved(questions, index, 1))}
        >
          <IconArrowDown size={16} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('field.questionnaire.remove', { n })}
          onClick={onRemove}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      <Textarea
        label={t('field.questionnaire.label')}
        autosize
        minRows={1}
        withAsterisk
        value={question.label}
        onChange={(e) => replace(withLabel(questions, index, e.currentTarget.value))}
        error={errors[`${path}.label`]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        <Select
          label={t('field.questionnaire.kind')}
          data={(Object.keys(kindKeys) as QuestionKind[]).map((kind) => ({
            value: kind,
            label: t(kindKeys[kind]),
          }))}
          value={question.kind}
          allowDeselect={false}
          onChange={(kind) => kind && onChange(withKind(questions, index, kind as QuestionKind))}
          error={errors[`${path}.kind`]}
        />
        <TextInput
          label={t('field.questionnaire.id')}
          description={t(
            question.saved ? 'field.questionnaire.idSaved' : 'field.questionnaire.idHelp',
          )}
          value={question.id}
          disabled={question.saved}
          onChange={(e) => replace({ ...question, id: e.currentTarget.value, autoId: false })}
          error={errors[`${path}.id`]}
        />
      </SimpleGrid>
      <Textarea
        mt="xs"
        label={t('field.questionnaire.help')}
        description={t('field.questionnaire.helpHelp')}
        autosize
        minRows={1}
        value={question.help}
        onChange={(e) => set('help', e.currentTarget.value)}
        error={errors[`${path}.help`]}
      />
      <Checkbox
        mt="sm"
        label={t('field.questionnaire.required')}
        checked={question.required}
        onChange={(e) => set('required', e.currentTarget.checked)}
      />
      <QuestionnaireOptions
        question={question}
        questions={questions}
        index={index}
        errors={errors}
        onChange={onChange}
      />
      <QuestionnaireCondition
        questions={questions}
        index={index}
        error={errorAt(errors, `${path}.showIf`)}
        onChange={(showIf) => set('showIf', showIf)}
      />
    </Fieldset>
  );
}
