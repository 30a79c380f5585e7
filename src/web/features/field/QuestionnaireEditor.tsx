import { Box, Button, Grid, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  QUESTIONNAIRE_MAX_QUESTIONS,
  defaultQuestionnaire,
  questionnaireDefinitionSchema,
} from '../../../contracts/field-questionnaires.ts';
import type { Questionnaire } from '../../../contracts/field-visits.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { hasChanges, QuestionnaireChanges, type Changes } from './QuestionnaireChanges.tsx';
import { QuestionnairePreview } from './QuestionnairePreview.tsx';
import { QuestionnaireQuestion } from './QuestionnaireQuestion.tsx';
import { QuestionnaireConsents, QuestionnaireContactCapture } from './QuestionnaireSettings.tsx';
import {
  newQuestion,
  toDraft,
  toInput,
  withoutQuestion,
  type QuestionDraft,
  type QuestionnaireDraft,
} from './questionnaire-draft.ts';
import { useCreateQuestionnaire, useSaveQuestionnaire } from './questionnaire-hooks.ts';
import { serverProblems, validateDraft } from './questionnaire-problems.ts';

/**
 * The builder: the questionnaire's parts on the left, checked by the definition's schema (each
 * problem at its field once a save was tried), the phone preview on the right. Saving an
 * existing questionnaire first says what changes.
 */
export function QuestionnaireEditor({ questionnaire }: { questionnaire: Questionnaire | null }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateQuestionnaire();
  const save = useSaveQuestionnaire();
  const [changes, setChanges] = useState<Changes | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [initialValues] = useState(() =>
    questionnaire
      ? toDraft({ name: questionnaire.name, definition: questionnaire.current.definition }, true)
      : toDraft(defaultQuestionnaire, false),
  );
  const validate = useMemo(() => validateDraft(t), [t]);
  // Problems show once a save was tried, then follow every change.
  const tried = useRef(false);
  const form: UseFormReturnType<QuestionnaireDraft> = useForm<QuestionnaireDraft>({
    initialValues,
    validate,
    onValuesChange: (values) => {
      if (tried.current) form.setErrors(validate(values));
    },
  });
  const questions = form.values.definition.questions;
  const setQuestions = (next: QuestionDraft[]) => form.setFieldValue('definition.questions', next);

  const remove = (index: number) => {
    const { questions: left, unconditioned } = withoutQuestion(questions, index);
    setQuestions(left);
    if (unconditioned.length > 0)
      notifications.show({
        message: t('field.questionnaire.conditionsRemoved', {
          questions: unconditioned.join(', '),
        }),
      });
  };

  const refused = (error: unknown) => {
    const { errors, message } = serverProblems(error, t);
    tried.current = true;
    form.setErrors(errors);
    setSaveError(message);
  };

  const submit = form.onSubmit(
    (values) => {
      setSaveError(null);
      const input = toInput(values);
      if (!questionnaire) {
        create.mutate(input, {
          onSuccess: (created) => {
            notifications.show({ color: 'green', message: t('field.questionnaire.created') });
            void navigate(`/hq/field/questionnaires/${created.id}`);
          },
          onError: refused,
        });
        return;
      }
      const next = {
        name: input.name,
        definition: questionnaireDefinitionSchema.parse(input.definition),
      };
      if (hasChanges(questionnaire, next)) setChanges(next);
      else notifications.show({ message: t('field.questionnaire.nothingChanged') });
    },
    () => {
      tried.current = true;
    },
  );

  const confirm = () => {
    if (!questionnaire || !changes) return;
    save.mutate(
      { id: questionnaire.id, body: changes },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: t('field.questionnaire.saved', { version: saved.current.version }),
          }),
        onError: (error) => {
          setChanges(null);
          refused(error);
        },
      },
    );
  };

  const problems = Object.values(form.errors).filter(Boolean).length;
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Section title={t('field.questionnaire.general')}>
              <TextInput
                label={t('field.questionnaires.name')}
                withAsterisk
                {...form.getInputProps('name')}
              />
              <Textarea
                label={t('field.questionnaire.intro')}
                description={t('field.questionnaire.introHelp')}
                autosize
                minRows={2}
                {...form.getInputProps('definition.intro')}
              />
            </Section>
            <Section
              title={t('field.questionnaire.questions')}
              description={t('field.questionnaire.questionsHelp')}
            >
              {questions.map((question, index) => (
                <QuestionnaireQuestion
                  key={question.uid}
                  questions={questions}
                  index={index}
                  errors={form.errors}
                  onChange={setQuestions}
                  onRemove={() => remove(index)}
                />
              ))}
              {form.errors['definition.questions'] && (
                <Text size="sm" c="red" role="alert">
                  {form.errors['definition.questions']}
                </Text>
              )}
              <Group>
                <Button
                  variant="light"
                  disabled={questions.length >= QUESTIONNAIRE_MAX_QUESTIONS}
                  onClick={() => setQuestions([...questions, newQuestion(questions)])}
                >
                  {t('field.questionnaire.addQuestion')}
                </Button>
              </Group>
            </Section>
            <QuestionnaireConsents form={form} />
            <QuestionnaireContactCapture form={form} />
            <ErrorAlert
              message={
                saveError ??
                (problems > 0 ? t('field.questionnaire.hasProblems', { count: problems }) : null)
              }
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/hq/field/questionnaires">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t(questionnaire ? 'field.questionnaire.save' : 'field.questionnaire.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Box
          pos="sticky"
          style={{ top: 'calc(var(--app-shell-header-height, 0px) + var(--mantine-spacing-md))' }}
        >
          <QuestionnairePreview definition={toInput(form.values).definition} />
        </Box>
      </Grid.Col>
      {questionnaire && (
        <QuestionnaireChanges
          before={questionnaire}
          after={changes}
          saving={save.isPending}
          onCancel={() => setChanges(null)}
          onConfirm={confirm}
        />
      )}
    </Grid>
  );
}
