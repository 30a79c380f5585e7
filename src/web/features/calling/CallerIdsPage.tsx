import { Badge, Button, Group, List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CallerId } from '../../../contracts/calling-media.ts';
import { formatNumber, formatPhone } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { CallerIdForm } from './CallerIdForm.tsx';
import { CallingLayout } from './CallingLayout.tsx';
import { callingErrorText } from './callingErrors.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useCallerIdAction, useCallerIds } from './media-hooks.ts';

function State({ callerId }: { callerId: CallerId }) {
  const t = useT();
  if (!callerId.pausedAt)
    return (
      <Badge color="green" variant="light">
        {t('calling.callerIds.active')}
      </Badge>
    );
  return (
    <Badge color="yellow" variant="light">
      {t(
        callerId.pauseReason === 'staff'
          ? 'calling.callerIds.pausedByStaff'
          : 'calling.callerIds.pausedByWatch',
      )}
    </Badge>
  );
}

function AnswerRate({ callerId }: { callerId: CallerId }) {
  const t = useT();
  const [locale] = useLocale();
  if (callerId.answerRatePercent === null)
    return (
      <>
        {t('calling.callerIds.tooFewCalls', {
          calls: formatNumber(callerId.recentEndedCalls, locale),
        })}
      </>
    );
  return (
    <>
      {t('calling.callerIds.rate', {
        percent: callerId.answerRatePercent.toLocaleString(locale, { maximumFractionDigits: 1 }),
        calls: formatNumber(callerId.recentEndedCalls, locale),
      })}
    </>
  );
}

function Actions({ callerId }: { callerId: CallerId }) {
  const t = useT();
  const pause = useCallerIdAction('pause');
  const resume = useCallerIdAction('resume');
  const remove = useCallerIdAction('delete');
  const [deleting, setDeleting] = useState(false);
  const number = formatPhone(callerId.e164);
  const failed = (failure: unknown) =>
    notifications.show({ color: 'red', message: callingErrorText(failure, t) });
  const toggle = callerId.pausedAt ? resume : pause;
  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant="light"
        loading={toggle.isPending}
        aria-label={t(
          callerId.pausedAt ? 'calling.callerIds.resumeNamed' : 'calling.callerIds.pauseNamed',
          {
            number,
          },
        )}
        onClick={() => toggle.mutate(callerId.id, { onError: failed })}
      >
        {t(callerId.pausedAt ? 'calling.callerIds.resume' : 'calling.callerIds.pause')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        aria-label={t('calling.callerIds.deleteNamed', { number })}
        onClick={() => setDeleting(true)}
      >
        {t('common.delete')}
      </Button>
      <ConfirmDialog
        opened={deleting}
        title={t('calling.callerIds.deleteTitle')}
        confirmLabel={t('common.delete')}
        color="red"
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutateAsync(callerId.id)}
      >
        {t('calling.callerIds.deleteText', { number })}
      </ConfirmDialog>
    </Group>
  );
}

/** The metropolitan ranges, each kept on one line ("01 62"). */
const RANGES = [
  '0162',
  '0163',
  '0270',
  '0271',
  '0377',
  '0378',
  '0424',
  '0425',
  '0568',
  '0569',
  '0948',
  '0949',
].map((range) => `${range.slice(0, 2)}\u00a0${range.slice(2)}`);

/** The numbers broadcasts present: reserved ranges only, each with how it is answered. */
export function CallerIdsPage() {
  const t = useT();
  const callerIds = useCallerIds();
  return (
    <CallingLayout title={t('calling.callerIds.title')} intro={t('calling.callerIds.intro')}>
      <Section title={t('calling.callerIds.addTitle')}>
        <Text size="sm">{t('calling.callerIds.rangesIntro')}</Text>
        <List size="sm">
          <List.Item>
            {t('calling.callerIds.rangesMetropole', { ranges: RANGES.join(', ') })}
          </List.Item>
          <List.Item>{t('calling.callerIds.rangesOverseas')}</List.Item>
          <List.Item>{t('calling.callerIds.rangesNone')}</List.Item>
        </List>
        <CallerIdForm />
      </Section>
      <Section
        title={t('calling.callerIds.listTitle')}
        description={t('calling.callerIds.rateHelp')}
      >
        <QueryState query={callerIds}>
          {({ items }) =>
            items.length === 0 ? (
              <Text size="sm">{t('calling.callerIds.empty')}</Text>
            ) : (
              <ResponsiveTable
                label={t('calling.callerIds.listTitle')}
                items={items}
                rowKey={(callerId) => callerId.id}
                columns={[
                  {
                    header: t('calling.callerIds.number'),
                    title: true,
                    nowrap: true,
                    cell: (callerId) => formatPhone(callerId.e164),
                  },
                  {
                    header: t('calling.callerIds.label'),
                    cell: (callerId) => callerId.label ?? '—',
                  },
                  {
                    header: t('calling.callerIds.state'),
                    cell: (callerId) => <State callerId={callerId} />,
                  },
                  {
                    header: t('calling.callerIds.answerRate'),
                    cell: (callerId) => <AnswerRate callerId={callerId} />,
                  },
                  {
                    header: t('common.actions'),
                    cell: (callerId) => <Actions callerId={callerId} />,
                  },
                ]}
              />
            )
          }
        </QueryState>
      </Section>
    </CallingLayout>
  );
}
