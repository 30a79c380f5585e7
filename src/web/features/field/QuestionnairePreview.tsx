import {
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import {
  visibleQuestions,
  type AnswerValue,
  type Answers,
} from '../../../contracts/field-answers.ts';
import type { Question, QuestionnaireDefinition } from '../../../contracts/field-questionnaires.ts';
import { useT } from '../../core/i18n/index.tsx';
import { scaleValues } from './questionnaire-draft.ts';
import { supportLabel, supportLevelList } from './questionnaire-labels.ts';

interface PreviewAnswers {
  consent: 'accepted' | 'refused' | null;
  answers: Answers;
  supportLevel: number | null;
}

const start: PreviewAnswers = { consent: null, answers: {}, supportLevel: null };

function PreviewQuestion({
  question,
  value,
  supportLevel,
  onAnswer,
  onSupport,
}: {
  question: Question;
  value: AnswerValue | undefined;
  supportLevel: number | null;
  onAnswer: (value: AnswerValue) => void;
  onSupport: (level: number) => void;
}) {
  const label = question.label || question.id;
  const common = {
    label,
    description: question.help,
    withAsterisk: question.required,
  };
  switch (question.kind) {
    case 'single':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'string' ? value : null}
          onChange={onAnswer}
        >
          <Stack gap={6} mt={6}>
            {question.options.map((option, i) => (
              <Radio key={i} value={option.id} label={option.label || option.id} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onAnswer}>
          <Stack gap={6} mt={6}>
            {question.options.map((option, i) => (
              <Checkbox key={i} value={option.id} label={option.label || option.id} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onAnswer(e.currentTarget.value)}
        />
      );
    case 'scale':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'number' ? String(value) : null}
          onChange={(v) => onAnswer(Number(v))}
        >
          <Group gap="sm" mt={6} wrap="nowrap">
            {scaleValues.map((v) => (
              <Radio key={v} value={v} label={v} />
            ))}
          </Group>
          <Group justify="space-between" mt={4}>
            <Text size="xs" c="dimmed">
              {question.scale.low}
            </Text>
            <Text size="xs" c="dimmed">
              {question.scale.high}
            </Text>
          </Group>
        </Radio.Group>
      );
    case 'support':
      return (
        <Radio.Group
          {...common}
          value={supportLevel === null ? null : String(supportLevel)}
          onChange={(v) => onSupport(Number(v))}
        >
          <Stack gap={6} mt={6}>
            {supportLevelList.map((level) => (
              <SupportRadio key={level} level={level} />
            ))}
          </Stack>
        </Radio.Group>
      );
  }
}

function SupportRadio({ level }: { level: number }) {
  const t = useT();
  return <Radio value={String(level)} label={supportLabel(level, t)} />;
}

/**
 * The questionnaire as a volunteer will see it on a phone, live: answering shows and hides the
 * questions with conditions (the engine the app runs), the consent screen opens the personal
 * parts. Nothing here is saved.
 */
export function QuestionnairePreview({ definition }: { definition: QuestionnaireDefinition }) {
  const t = useT();
  const titleId = useId();
  const [state, setState] = useState<PreviewAnswers>(start);
  const questions = visibleQuestions(definition, state.answers, state.supportLevel);
  const accepted = state.consent === 'accepted';
  const capture = definition.contactCapture;
  const asksOpinion =
    accepted &&
    definition.opinionConsentText.trim() !== '' &&
    questions.some((q) => q.kind === 'support');

  return (
    <Box component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={titleId}>
          {t('field.questionnaire.preview')}
        </Title>
        <Button size="xs" variant="subtle" onClick={() => setState(start)}>
          {t('field.questionnaire.previewReset')}
        </Button>
      </Group>
      <Paper
        withBorder
        radius={28}
        p="md"
        maw={380}
        mx="auto"
        style={{ borderWidth: 10, borderColor: 'var(--mantine-color-dark-6)' }}
      >
        <Stack gap="md" mah="calc(100vh - 220px)" mih={320} style={{ overflowY: 'auto' }} pr={4}>
          {definition.intro.trim() && (
            <Text size="sm" c="dimmed" fs="italic">
              {definition.intro}
            </Text>
          )}
          {definition.consentText.trim() && (
            <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
              <Text size="sm" fw={500} mb={4}>
                {t('field.questionnaire.previewConsent')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {definition.consentText}
              </Text>
              <Group gap="xs" mt="sm" grow>
                {(['accepted', 'refused'] as const).map((answer) => (
                  <Button
                    key={answer}
                    size="xs"
                    variant={state.consent === answer ? 'filled' : 'default'}
                    aria-pressed={state.consent === answer}
                    onClick={() => setState({ ...state, consent: answer })}
                  >
                    {t(
                      answer === 'accepted'
                        ? 'field.questionnaire.previewAccept'
                        : 'field.questionnaire.previewRefuse',
                    )}
                  </Button>
                ))}
              </Group>
            </Paper>
          )}
          {questions.map((question, i) => (
            <PreviewQuestion
              key={`${i}:${question.id}`}
              question={question}
              value={state.answers[question.id]}
              supportLevel={state.supportLevel}
              onAnswer={(value) =>
                setState({ ...state, answers: { ...state.answers, [question.id]: value } })
              }
              onSupport={(level) => setState({ ...state, supportLevel: level })}
            />
          ))}
          {asksOpinion && <Checkbox label={definition.opinionConsentText} />}
          {capture.enabled && accepted && (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('field.questionnaire.previewContact')}
              </Text>
              <TextInput label={t('field.questionnaire.previewFirstName')} />
              <TextInput label={t('field.questionnaire.previewLastName')} />
              {capture.askEmail && (
                <>
                  <TextInput type="email" label={t('field.questionnaire.previewEmail')} />
                  <Checkbox label={capture.consentTexts.email} />
                </>
              )}
              {capture.askPhone && (
                <>
                  <TextInput type="tel" label={t('field.questionnaire.previewPhone')} />
                  <Checkbox label={capture.consentTexts.phone} />
                </>
              )}
            </Stack>
          )}
        </Stack>
      </Paper>
    </Box>
  );
}
