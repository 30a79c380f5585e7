import {
  Alert,
  Blockquote,
  Box,
  Button,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { TEXT_ANSWER_MAX, type AnswerValue } from '../../../../contracts/field-answers.ts';
import type { Question } from '../../../../contracts/field-questionnaires.ts';
import { useT, type Translate } from '../../../core/i18n/index.tsx';
import { scaleValues } from '../../field/questionnaire-draft.ts';
import { supportLabel, supportLevelList } from '../../field/questionnaire-labels.ts';
import {
  asksOpinionConsent,
  questionsToAsk,
  inDefinitionOrder,
  type CallAnswersState,
  type CallQuestionnaire,
  type ProblemsByField,
} from './answers.ts';

type Update = (change: (state: CallAnswersState) => CallAnswersState) => void;

/** A field's id in the page, to bring the first problem into view. */
export const fieldId = (field: string) => `caller-${field.replace(/[^a-z0-9_-]/gi, '-')}`;

const knownProblems = ['required', 'consent_required', 'out_of_range', 'too_long'] as const;

export function problemText(code: string | undefined, t: Translate): string | undefined {
  if (!code) return undefined;
  return (knownProblems as readonly string[]).includes(code)
    ? t(`caller.problem.${code as (typeof knownProblems)[number]}`)
    : t('caller.problem.other');
}

/** A question's answer, and how to clear it when it may be left unanswered. */
function QuestionField({
  question,
  state,
  update,
  error,
}: {
  question: Question;
  state: CallAnswersState;
  update: Update;
  error: string | undefined;
}) {
  const t = useT();
  const value = state.answers[question.id];
  const setAnswer = (next: AnswerValue | undefined) =>
    update((s) => {
      const answers = { ...s.answers };
      if (next === undefined) delete answers[question.id];
      else answers[question.id] = next;
      return { ...s, answers };
    });
  const common = {
    label: question.label,
    description: question.help,
    withAsterisk: question.required,
    error,
  };
  const clear = (shown: boolean, onClear: () => void): ReactNode =>
    shown && !question.required ? (
      <Button variant="subtle" size="compact-xs" mt={4} onClick={onClear}>
        {t('caller.q.clear')}
      </Button>
    ) : null;

  switch (question.kind) {
    case 'single':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'string' ? value : null}
          onChange={setAnswer}
        >
          <Stack gap="xs" mt={6}>
            {question.options.map((option) => (
              <Radio key={option.id} value={option.id} label={option.label} />
            ))}
          </Stack>
          {clear(typeof value === 'string', () => setAnswer(undefined))}
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? value : []}
          onChange={(picks) =>
            setAnswer(picks.length === 0 ? undefined : inDefinitionOrder(question, picks))
          }
        >
          <Stack gap="xs" mt={6}>
            {question.options.map((option) => (
              <Checkbox key={option.id} value={option.id} label={option.label} />
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
          maxLength={TEXT_ANSWER_MAX}
          // The callee's words, not the volunteer's: the browser must not fill them in.
          autoComplete="off"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => setAnswer(event.currentTarget.value)}
        />
      );
    case 'scale':
      return (
        <Radio.Group
          {...common}
          description={[
            question.help,
            t('caller.q.scaleEnds', { low: question.scale.low, high: question.scale.high }),
          ]
            .filter(Boolean)
            .join(' ')}
          value={typeof value === 'number' ? String(value) : null}
          onChange={(picked) => setAnswer(Number(picked))}
        >
          <Group gap="md" mt={6}>
            {scaleValues.map((n) => (
              <Radio key={n} value={n} label={n} />
            ))}
          </Group>
          {clear(typeof value === 'number', () => setAnswer(undefined))}
        </Radio.Group>
      );
    case 'support':
      return (
        <Radio.Group
          {...common}
          value={state.supportLevel === null ? null : String(state.supportLevel)}
          onChange={(picked) => update((s) => ({ ...s, supportLevel: Number(picked) }))}
        >
          <Stack gap="xs" mt={6}>
            {supportLevelList.map((level) => (
              <Radio key={level} value={String(level)} label={supportLabel(level, t)} />
            ))}
          </Stack>
          {clear(state.supportLevel !== null, () => update((s) => ({ ...s, supportLevel: null })))}
        </Radio.Group>
      );
  }
}

/**
 * The bank's questionnaire during a conversation: the volunteer's brief, the consent to keep the
 * answers with the callee's name (read to them first), the questions their conditions show, and
 * the explicit consent to keep the support level with the name. Answers given without consent
 * are still counted, anonymously; the server decides where each is kept.
 */
export function QuestionnaireFields({
  questionnaire,
  state,
  update,
  problems,
}: {
  questionnaire: CallQuestionnaire;
  state: CallAnswersState;
  update: Update;
  problems: ProblemsByField;
}) {
  const t = useT();
  const { definition } = questionnaire;
  const errorOf = (field: string) => problemText(problems.get(field), t);
  const opinionAsked = asksOpinionConsent(definition, state);

  return (
    <Stack component="section" gap="md" aria-labelledby="caller-questionnaire-title">
      <Title order={3} size="h4" id="caller-questionnaire-title">
        {t('caller.q.title')}
      </Title>
      {definition.intro && (
        <Alert variant="light" color="gray" title={t('caller.q.forYou')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {definition.intro}
          </Text>
        </Alert>
      )}
      <Box id={fieldId('personalData')} tabIndex={-1}>
        {definition.consentText && (
          <>
            <Text size="sm" fw={500}>
              {t('caller.q.read')}
            </Text>
            <Blockquote p="sm" my="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {definition.consentText}
            </Blockquote>
          </>
        )}
        <Checkbox
          checked={state.personalData}
          onChange={(event) => {
            const personalData = event.currentTarget.checked;
            update((s) => ({
              ...s,
              personalData,
              storeOpinion: personalData && s.storeOpinion,
            }));
          }}
          label={t('caller.q.personalData')}
          description={t('caller.q.personalDataHelp')}
          error={errorOf('personalData')}
        />
      </Box>
      {questionsToAsk(definition, state).map((question) => (
        <Box key={question.id} id={fieldId(`q.${question.id}`)} tabIndex={-1}>
          <QuestionField
            question={question}
            state={state}
            update={update}
            error={errorOf(`q.${question.id}`)}
          />
        </Box>
      ))}
      {opinionAsked && (
        <Box id={fieldId('storeOpinion')} tabIndex={-1}>
          <Checkbox
            checked={state.storeOpinion}
            disabled={!state.personalData}
            onChange={(event) => {
              const storeOpinion = event.currentTarget.checked;
              update((s) => ({ ...s, storeOpinion }));
            }}
            label={t('caller.q.storeOpinion')}
            description={
              <>
                {definition.opinionConsentText && (
                  <Text span size="xs" display="block" style={{ whiteSpace: 'pre-wrap' }}>
                    {t('caller.q.opinionRead', { text: definition.opinionConsentText })}
                  </Text>
                )}
                {t(
                  state.personalData
                    ? 'caller.q.storeOpinionHelp'
                    : 'caller.q.storeOpinionNeedsConsent',
                )}
              </>
            }
            error={errorOf('storeOpinion')}
          />
        </Box>
      )}
      {problems.has('questionnaire') && (
        <Alert color="red" role="alert">
          {problemText(problems.get('questionnaire'), t)}
        </Alert>
      )}
    </Stack>
  );
}
