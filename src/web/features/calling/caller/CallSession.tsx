import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconPlayerTrackNext } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CallerBank, PhoneBankClaim } from '../../../../contracts/phone-banks.ts';
import { ApiError } from '../../../core/api.ts';
import { formatDateTime, fullName } from '../../../core/format.ts';
import { useLocale, useT } from '../../../core/i18n/index.tsx';
import { callerErrorText, closedReasonOf } from './callerErrors.ts';
import { useClaim, useRefreshBank } from './hooks.ts';
import { OutcomePanel, type RecordedCall } from './OutcomePanel.tsx';
import { PersonCard } from './PersonCard.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'calling'; claim: PhoneBankClaim }
  | { kind: 'recorded'; name: string; call: RecordedCall };

type Notice = { color: 'blue' | 'orange' | 'red'; text: string } | null;

/** What was recorded, in a sentence, and what becomes of the person. */
function RecordedNotice({ name, call }: { name: string; call: RecordedCall }) {
  const t = useT();
  const [locale] = useLocale();
  const outcome = t(`caller.outcome.${call.outcome}`);
  return (
    <Alert color="green" role="status" title={t('caller.recorded', { outcome })}>
      <Stack gap={4}>
        {name && <Text size="sm">{name}</Text>}
        {call.outcome === 'call_back' && call.callBackAt ? (
          <Text size="sm">
            {t('caller.recorded.callBack', { when: formatDateTime(call.callBackAt, locale) })}
          </Text>
        ) : call.result.target === 'due' && call.result.nextAt ? (
          <Text size="sm">
            {t('caller.recorded.again', { when: formatDateTime(call.result.nextAt, locale) })}
          </Text>
        ) : call.result.target === 'done' ? (
          <Text size="sm">{t('caller.recorded.done')}</Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** Clear of the page's fixed header when scrolled to. */
const belowHeader = { scrollMarginTop: 72 };

/**
 * One person at a time: "next person" claims one (or gives back the one this volunteer already
 * holds), the call is made from the volunteer's phone and its outcome recorded, then the next.
 * The script comes before the button, and between the person and the outcome during a call.
 */
export function CallSession({ bank, script }: { bank: CallerBank; script: ReactNode }) {
  const t = useT();
  const claim = useClaim(bank.id);
  const refresh = useRefreshBank(bank.id);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [notice, setNotice] = useState<Notice>(null);
  const [hideNumber, setHideNumber] = useState(true);
  const top = useRef<HTMLDivElement>(null);

  // A new person, or what was recorded, replaces a long form: bring its start into view.
  useEffect(() => {
    if (step.kind !== 'idle') top.current?.scrollIntoView?.({ block: 'start' });
  }, [step]);

  const next = () => {
    setNotice(null);
    claim.mutate(undefined, {
      onSuccess: (claimed) => setStep({ kind: 'calling', claim: claimed }),
      onError: (error) => {
        setStep({ kind: 'idle' });
        if (closedReasonOf(error)) {
          // The bank's state changed: its page says why, without the button.
          void refresh();
          return;
        }
        const empty = error instanceof ApiError && error.code === 'queue_empty';
        if (empty) void refresh();
        setNotice({ color: empty ? 'blue' : 'red', text: callerErrorText(error, t) });
      },
    });
  };

  if (step.kind === 'calling') {
    const { claim: held } = step;
    return (
      <Stack gap="md" ref={top} style={belowHeader}>
        <PersonCard claim={held} hideNumber={hideNumber} onHideNumber={setHideNumber} />
        {script}
        <OutcomePanel
          key={held.targetId}
          bankId={bank.id}
          claim={held}
          questionnaire={bank.questionnaire}
          onRecorded={(call) =>
            setStep({ kind: 'recorded', name: fullName(held.firstName, held.lastName), call })
          }
          onLost={() => {
            setStep({ kind: 'idle' });
            setNotice({ color: 'orange', text: t('caller.error.claim_lost') });
            void refresh();
          }}
          onSkipped={() => {
            setStep({ kind: 'idle' });
            setNotice({ color: 'blue', text: t('caller.skipped') });
          }}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md" ref={top} style={belowHeader}>
      {step.kind === 'recorded' && <RecordedNotice name={step.name} call={step.call} />}
      {notice && (
        <Alert color={notice.color} role={notice.color === 'red' ? 'alert' : 'status'}>
          {notice.text}
        </Alert>
      )}
      {script}
      {bank.callingNow && (
        <Button
          size="xl"
          fullWidth
          onClick={next}
          loading={claim.isPending}
          leftSection={<IconPlayerTrackNext size={24} aria-hidden />}
        >
          {t('caller.next')}
        </Button>
      )}
    </Stack>
  );
}
