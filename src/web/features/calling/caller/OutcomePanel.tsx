import {
  Alert,
  Button,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  PHONE_BANK_NOTES_MAX,
  type CallOutcome,
  type CallRecordInput,
  type CallRecordResult,
  type PhoneBankClaim,
} from '../../../../contracts/phone-banks.ts';
import { ApiError } from '../../../core/api.ts';
import { useT } from '../../../core/i18n/index.tsx';
import { ConfirmAction } from '../../../core/ui/ConfirmAction.tsx';
import {
  buildCallAnswers,
  checkCallAnswers,
  emptyCallAnswers,
  serverAnswerProblems,
  type CallAnswersState,
  type CallQuestionnaire,
  type ProblemsByField,
} from './answers.ts';
import { callBackBounds, callBackIso, callBackProblem } from './call-back.ts';
import { callerErrorText, mayRetry } from './callerErrors.ts';
import { useRecordCall, useRelease } from './hooks.ts';
import { fieldId, QuestionnaireFields } from './QuestionnaireFields.tsx';
import { newCallId } from './tel-link.ts';

/** What the page says once a call is recorded. */
export interface RecordedCall {
  outcome: CallOutcome;
  callBackAt: string | null;
  result: CallRecordResult;
}

/** Outcomes recorded at one tap; the others open a form or ask first. */
const outcomes: readonly CallOutcome[] = [
  'no_answer',
  'wrong_number',
  'call_back',
  'conversation',
  'refused',
  'do_not_call',
];

type Opened = 'call_back' | 'conversation' | null;

const wrapping = { root: { height: 'auto', minHeight: 44 }, label: { whiteSpace: 'normal' } };

/**
 * How the call went, and its record sent. The record (its id made here) is kept while it is
 * being sent: after a failure that may have stored it, "retry" sends that same record again,
 * so the server stores it once; the form stays locked until it is through.
 */
export function OutcomePanel({
  bankId,
  claim,
  questionnaire,
  onRecorded,
  onLost,
  onSkipped,
}: {
  bankId: number;
  claim: PhoneBankClaim;
  questionnaire: CallQuestionnaire | null;
  onRecorded: (call: RecordedCall) => void;
  onLost: () => void;
  onSkipped: () => void;
}) {
  const t = useT();
  const record = useRecordCall(bankId);
  const release = useRelease(bankId);
  const [notes, setNotes] = useState('');
  const [opened, setOpened] = useState<Opened>(null);
  const [callBack, setCallBack] = useState('');
  const [callBackError, setCallBackError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<CallAnswersState>(emptyCallAnswers);
  const [problems, setProblems] = useState<ProblemsByField>(new Map());
  const [pending, setPending] = useState<CallRecordInput | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const busy = pending !== null || release.isPending;

  const showProblems = (found: ProblemsByField) => {
    setProblems(found);
    const first = [...found.keys()][0];
    if (first) window.requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const send = (call: CallRecordInput) =>
    new Promise<void>((resolve) => {
      // One record at a time: another tap while one is on its way is not a second call.
      if (pending !== null && pending.id !== call.id) return resolve();
      setFailure(null);
      setPending(call);
      record.mutate(call, {
        onSuccess: (result) => {
          setPending(null);
          onRecorded({ outcome: call.outcome, callBackAt: call.callBackAt ?? null, result });
          resolve();
        },
        onError: (error) => {
          resolve();
          if (mayRetry(error)) {
            setFailure(t('caller.error.retry'));
            return;
          }
          setPending(null);
          const code = error instanceof ApiError ? error.code : '';
          if (code === 'claim_lost') return onLost();
          if (code === 'invalid_answers' && questionnaire && error instanceof ApiError) {
            setOpened('conversation');
            showProblems(serverAnswerProblems(error.errors, questionnaire.definition));
          }
          if (code === 'call_back_required') {
            setOpened('call_back');
            setCallBackError(t('caller.callBack.required'));
          }
          setFailure(callerErrorText(error, t));
        },
      });
    });

  const base = (outcome: CallOutcome): CallRecordInput => ({
    id: newCallId(),
    targetId: claim.targetId,
    outcome,
    notes: notes.trim(),
  });

  const recordCallBack = () => {
    const problem = callBackProblem(callBack, new Date());
    setCallBackError(problem ? t(`caller.callBack.${problem}`) : null);
    if (problem) return;
    void send({ ...base('call_back'), callBackAt: callBackIso(callBack) });
  };

  const recordConversation = () => {
    if (!questionnaire) return void send(base('conversation'));
    const submission = buildCallAnswers(questionnaire, answers);
    const found = checkCallAnswers(questionnaire.definition, submission);
    showProblems(found);
    if (found.size === 0) void send({ ...base('conversation'), answers: submission });
  };

  const choose = (outcome: CallOutcome) => {
    setFailure(null);
    if (outcome === 'call_back' || outcome === 'conversation') {
      setOpened((current) => (current === outcome ? null : outcome));
    } else if (outcome === 'do_not_call') {
      setConfirming(true);
    } else {
      void send(base(outcome));
    }
  };

  const skip = () =>
    release.mutate(claim.targetId, {
      onSuccess: onSkipped,
      onError: (error) => {
        // Already someone else's, or no longer claimed: nothing is left to give back.
        if (error instanceof ApiError && (error.code === 'claim_lost' || error.status === 404))
          return onSkipped();
        setFailure(callerErrorText(error, t));
      },
    });

  const { min, max } = callBackBounds(new Date());

  return (
    <Stack component="section" gap="md" aria-labelledby="caller-outcome-title">
      <Title order={2} size="h4" id="caller-outcome-title">
        {t('caller.outcome.title')}
      </Title>
      <Fieldset variant="unstyled" disabled={busy} p={0} m={0}>
        <Stack gap="md">
          <Textarea
            label={t('caller.notes')}
            description={t('caller.notesHelp')}
            autosize
            minRows={2}
            maxLength={PHONE_BANK_NOTES_MAX}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
          <SimpleGrid cols={2} spacing="xs">
            {outcomes.map((outcome) => {
              const toggles = outcome === 'call_back' || outcome === 'conversation';
              return (
                <Button
                  key={outcome}
                  size="md"
                  styles={wrapping}
                  variant={opened === outcome ? 'filled' : 'light'}
                  color={outcome === 'do_not_call' ? 'red' : undefined}
                  aria-expanded={toggles ? opened === outcome : undefined}
                  loading={pending?.outcome === outcome && record.isPending}
                  onClick={() => choose(outcome)}
                >
                  {t(`caller.outcome.${outcome}`)}
                </Button>
              );
            })}
          </SimpleGrid>
          {opened === 'call_back' && (
            <Stack gap="xs">
              <TextInput
                type="datetime-local"
                label={t('caller.callBack.label')}
                description={t('caller.callBack.help')}
                min={min}
                max={max}
                step={60}
                value={callBack}
                onChange={(event) => setCallBack(event.currentTarget.value)}
                error={callBackError}
              />
              <Button onClick={recordCallBack} loading={record.isPending}>
                {t('caller.callBack.save')}
              </Button>
            </Stack>
          )}
          {opened === 'conversation' && (
            <Stack gap="md">
              {questionnaire && (
                <QuestionnaireFields
                  questionnaire={questionnaire}
                  state={answers}
                  update={(change) => setAnswers(change)}
                  problems={problems}
                />
              )}
              {problems.size > 0 && (
                <Alert color="red" role="alert">
                  {t('caller.problem.form')}
                </Alert>
              )}
              <Button onClick={recordConversation} loading={record.isPending}>
                {t('caller.conversation.save')}
              </Button>
            </Stack>
          )}
        </Stack>
      </Fieldset>
      {failure && (
        <Alert color={pending ? 'orange' : 'red'} role="alert">
          {failure}
          {pending && !record.isPending && (
            <Group mt="xs">
              <Button size="xs" onClick={() => void send(pending)}>
                {t('caller.retry')}
              </Button>
            </Group>
          )}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          variant="subtle"
          color="gray"
          disabled={busy}
          loading={release.isPending}
          onClick={skip}
        >
          {t('caller.skip')}
        </Button>
      </Group>
      <ConfirmAction
        opened={confirming}
        title={t('caller.doNotCall.title')}
        confirmLabel={t('caller.doNotCall.confirm')}
        color="red"
        loading={record.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => send(base('do_not_call'))}
      >
        {t('caller.doNotCall.body')}
      </ConfirmAction>
    </Stack>
  );
}
