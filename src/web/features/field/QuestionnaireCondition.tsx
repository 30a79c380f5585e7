import { Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useT, type Translate } from '../../core/i18n/index.tsx';
import {
  conditionSources,
  hasOptions,
  scaleValues,
  type ConditionDraft,
  type QuestionDraft,
} from './questionnaire-draft.ts';
import { supportLabel } from './questionnaire-labels.ts';

interface Props {
  questions: readonly QuestionDraft[];
  index: number;
  error: string | undefined;
  onChange: (showIf: ConditionDraft | null) => void;
}

const questionName = (questions: readonly QuestionDraft[], q: QuestionDraft) =>
  `${questions.indexOf(q) + 1}. ${q.label.trim() || q.id}`;

/** The answers of `source` a condition may name, as checkbox values and words. */
function valuesOf(source: QuestionDraft, t: Translate) {
  if (hasOptions(source.kind))
    return source.options.map((o) => ({ value: o.uid, label: o.label.trim() || o.id }));
  return scaleValues.map((value) => ({
    value,
    label:
      source.kind === 'support'
        ? supportLabel(Number(value), t)
        : value === '1' && source.scale.low
          ? `1 – ${source.scale.low}`
          : value === scaleValues.at(-1) && source.scale.high
            ? `${value} – ${source.scale.high}`
            : value,
  }));
}

/** "Ask only when an earlier question was answered with…": the question, then its answers. */
export function QuestionnaireCondition({ questions, index, error, onChange }: Props) {
  const t = useT();
  const question = questions[index];
  const showIf = question.showIf;
  const sources = conditionSources(questions, index);
  const source = showIf ? questions.find((q) => q.uid === showIf.questionUid) : undefined;
  // A source moved below stays listed, so its error says what is wrong.
  const listed = source && !sources.includes(source) ? [...sources, source] : sources;
  const n = index + 1;

  return (
    <Stack gap={6} mt="sm">
      <Checkbox
        label={t('field.questionnaire.conditional')}
        description={
          sources.length === 0 && !showIf ? t('field.questionnaire.noSource') : undefined
        }
        disabled={sources.length === 0 && !showIf}
        checked={showIf !== null}
        onChange={(e) =>
          onChange(
            e.currentTarget.checked && sources.length > 0
              ? { questionUid: sources[sources.length - 1].uid, anyOf: [] }
              : null,
          )
        }
      />
      {showIf && (
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
          <Select
            label={t('field.questionnaire.conditionQuestion')}
            aria-label={t('field.questionnaire.conditionQuestionOf', { n })}
            data={listed.map((q) => ({ value: q.uid, label: questionName(questions, q) }))}
            value={source ? source.uid : null}
            allowDeselect={false}
            onChange={(uid) => uid && onChange({ questionUid: uid, anyOf: [] })}
          />
          {source && (
            <Checkbox.Group
              label={t('field.questionnaire.conditionValues')}
              aria-label={t('field.questionnaire.conditionValuesOf', { n })}
              value={showIf.anyOf}
              onChange={(anyOf) => onChange({ ...showIf, anyOf })}
            >
              <Stack gap={4} mt={4}>
                {valuesOf(source, t).map((v) => (
                  <Checkbox key={v.value} value={v.value} label={v.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        </Group>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
