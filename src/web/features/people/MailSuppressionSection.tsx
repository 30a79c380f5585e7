import { Alert, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  mailSuppressionLiftReasonSchema,
  type MailSuppressionLiftReason,
  type PersonMailSuppression,
} from '../../../contracts/mail-feedback.ts';
import { errorText } from '../../core/errors.ts';
import { formatDate, formatDateTime } from '../../core/format.ts';
import { useLocale, useT, type MessageKey, type Translate } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useLiftMailSuppression, useMailSuppression } from './mailSuppressionHooks.ts';

type Report = NonNullable<NonNullable<PersonMailSuppression['suppression']>['lastReport']>;

const sourceLabel = (source: string, t: Translate) =>
  ['smtp', 'mailgun', 'sendgrid'].includes(source)
    ? t(`mailSuppression.source.${source}` as MessageKey)
    : source;

const reasonLabel = (reason: MailSuppressionLiftReason, t: Translate) =>
  t(`mailSuppression.reason.${reason}`);

/** The latest bounce or complaint: when, from where, what, and the server's words. */
function ReportLine({ report }: { report: Report }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Text size="sm">
      {t('mailSuppression.lastReport', {
        date: formatDateTime(report.at, locale),
        source: sourceLabel(report.source, t),
        kind: t(`mailSuppression.kind.${report.kind}`),
      })}
      {(report.status || report.detail) && (
        <Text component="span" size="sm" c="dimmed" display="block">
          {[report.status, report.detail].filter(Boolean).join(' · ')}
        </Text>
      )}
    </Text>
  );
}

function LiftModal({
  personId,
  state,
  onClose,
}: {
  personId: number;
  state: PersonMailSuppression;
  onClose: () => void;
}) {
  const t = useT();
  const lift = useLiftMailSuppression(personId);
  const [reason, setReason] = useState<MailSuppressionLiftReason>('mailbox_fixed');
  const close = () => {
    lift.reset();
    onClose();
  };
  const confirm = () =>
    lift.mutate(reason, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('mailSuppression.lifted') });
        close();
      },
    });
  return (
    <AppModal opened onClose={close} title={t('mailSuppression.liftTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('mailSuppression.liftText', { address: state.address ?? '' })}</Text>
        {state.suppression?.reason === 'complaint' && (
          <Alert color="orange">{t('mailSuppression.complaintConsent')}</Alert>
        )}
        <NativeSelect
          label={t('mailSuppression.liftReason')}
          data={mailSuppressionLiftReasonSchema.options.map((value) => ({
            value,
            label: reasonLabel(value, t),
          }))}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as MailSuppressionLiftReason)}
        />
        <ModalFooter
          error={lift.isError ? errorText(lift.error, t) : null}
          onCancel={close}
          confirmLabel={t('mailSuppression.lift')}
          onConfirm={confirm}
          loading={lift.isPending}
        />
      </Stack>
    </AppModal>
  );
}

/**
 * On a person's page: whether their address gets mail or is on the suppression list (after a
 * hard bounce, repeated soft bounces or a complaint), why and since when, and lifting it
 * (people.write, with a reason, audited). A complaint's withdrawal of consent stays.
 */
export function MailSuppressionSection({
  personId,
  canLift,
}: {
  personId: number;
  canLift: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const query = useMailSuppression(personId);
  const [opened, { open, close }] = useDisclosure(false);
  const state = query.data;
  if (!state?.address) return null;
  const { suppression } = state;
  return (
    <Section title={t('mailSuppression.title')}>
      {suppression ? (
        <Alert
          color="red"
          title={t('mailSuppression.blocked', { date: formatDate(suppression.since, locale) })}
        >
          <Stack gap="xs">
            <Text size="sm">{t(`mailSuppression.why.${suppression.reason}`)}</Text>
            {suppression.lastReport && <ReportLine report={suppression.lastReport} />}
            {suppression.reason === 'complaint' && (
              <Text size="sm" fw={500}>
                {t('mailSuppression.complaintConsent')}
              </Text>
            )}
            {canLift && (
              <Button variant="light" size="xs" w="fit-content" onClick={open}>
                {t('mailSuppression.lift')}
              </Button>
            )}
          </Stack>
        </Alert>
      ) : (
        <Text size="sm">{t('mailSuppression.receives')}</Text>
      )}
      {opened && <LiftModal personId={personId} state={state} onClose={close} />}
    </Section>
  );
}
