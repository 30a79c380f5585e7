import { Radio, Select, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { phoneBankAccessSchema, phoneBankInputSchema } from '../../../../contracts/phone-banks.ts';
import { useT } from '../../../core/i18n/index.tsx';
import { CommitteePicker } from '../../field/CommitteePicker.tsx';
import { useQuestionnaires } from '../../field/questionnaire-hooks.ts';
import { NumberFields, type NumberField } from '../NumberFields.tsx';
import { SegmentReach } from '../SegmentReach.tsx';
import { SegmentSelect } from '../SegmentSelect.tsx';
import type { BankValues, QueueField } from './bank-form.ts';
import { accessKeys } from './labels.ts';

type BankForm = UseFormReturnType<BankValues>;

/** The segment called; frozen once the bank has opened. */
export function SegmentField({ form, frozen }: { form: BankForm; frozen: boolean }) {
  const t = useT();
  return (
    <Stack gap={4}>
      <SegmentSelect
        label={t('banks.form.segment')}
        description={t(frozen ? 'banks.form.segmentFrozen' : 'banks.form.segmentHelp')}
        disabled={frozen}
        {...form.getInputProps('segmentId')}
      />
      {!frozen && <SegmentReach segmentId={form.values.segmentId} kind="volunteerCalls" />}
    </Stack>
  );
}

/** The questionnaire of a conversation: the field feature's, archived ones left out. */
export function QuestionnaireField({ form }: { form: BankForm }) {
  const t = useT();
  const questionnaires = useQuestionnaires();
  const chosen = form.values.questionnaireId;
  const options = (questionnaires.data?.items ?? [])
    .filter((questionnaire) => !questionnaire.archived || String(questionnaire.id) === chosen)
    .map((questionnaire) => ({ value: String(questionnaire.id), label: questionnaire.name }));
  return (
    <Select
      label={t('banks.form.questionnaire')}
      description={t(
        questionnaires.error
          ? 'banks.form.questionnairesUnavailable'
          : 'banks.form.questionnaireHelp',
      )}
      placeholder={t('banks.form.noQuestionnaire')}
      clearable
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      data={options}
      {...form.getInputProps('questionnaireId')}
    />
  );
}

/** Who may call besides staff, each choice with the sentence that says what it means. */
export function AccessFields({ form }: { form: BankForm }) {
  const t = useT();
  const access = form.values.access;
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('banks.form.access')}
        required
        value={access}
        onChange={(value) =>
          form.setFieldValue('access', phoneBankAccessSchema.catch('supporters').parse(value))
        }
      >
        <Stack gap="xs" mt={4}>
          {phoneBankAccessSchema.options.map((option) => (
            <Radio
              key={option}
              value={option}
              label={t(accessKeys[option].label)}
              description={t(accessKeys[option].help)}
            />
          ))}
        </Stack>
      </Radio.Group>
      {/* The field feature's picker, saying what a committee does for a bank. */}
      <CommitteePicker
        value={form.values.committee}
        onChange={(committee) => form.setFieldValue('committee', committee)}
        label={t('banks.form.committee')}
        description={t('banks.form.committeeHelp')}
        placeholder={t('banks.form.committeePlaceholder')}
        required={access === 'committee'}
        error={form.errors.committee}
      />
    </Stack>
  );
}

const queueFields: Array<NumberField<QueueField>> = [
  { name: 'claimMinutes', label: 'banks.form.claimMinutes', help: 'banks.form.claimMinutesHelp' },
  { name: 'maxAttempts', label: 'banks.form.maxAttempts', help: 'banks.form.maxAttemptsHelp' },
  { name: 'retryMinutes', label: 'banks.form.retryMinutes', help: 'banks.form.retryMinutesHelp' },
];

/** How long a person stays given to one volunteer, how often and how soon they are called again. */
export function QueueFields({ form }: { form: BankForm }) {
  return (
    <NumberFields
      form={form}
      fields={queueFields}
      shape={phoneBankInputSchema.shape}
      cols={{ base: 1, sm: 3 }}
    />
  );
}
