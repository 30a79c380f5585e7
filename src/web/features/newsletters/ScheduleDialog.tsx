import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Newsletter } from '../../../contracts/newsletters.ts';
import { ApiError } from '../../core/api.ts';
import { translateCode } from '../../core/errors.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { isoToZoned } from '../../core/zoned-time.ts';
import { DateTimeField } from '../calling/DateTimeField.tsx';
import { useScheduleNewsletter } from './hooks.ts';
import { scheduleRequest } from './newsletter-form.ts';
import { newsletterErrorText } from './newsletterErrors.ts';

/** A moment to come for the send, picked on the campaign's clock (a scheduled one's moment first). */
export function ScheduleDialog({
  newsletter,
  opened,
  onClose,
}: {
  newsletter: Newsletter;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const schedule = useScheduleNewsletter();
  const initial =
    newsletter.status === 'scheduled' && newsletter.scheduledAt
      ? isoToZoned(newsletter.scheduledAt)
      : '';
  const [moment, setMoment] = useState(initial);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setMoment(initial);
    setFieldError(null);
    setError(null);
    onClose();
  };
  const confirm = () => {
    setFieldError(null);
    setError(null);
    const request = scheduleRequest(moment);
    if ('problem' in request) {
      setFieldError(
        request.problem === 'in_the_past'
          ? t('newsletters.error.in_the_past')
          : translateCode(request.problem, t),
      );
      return;
    }
    schedule.mutate(
      { id: newsletter.id, at: request.at },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('newsletters.control.scheduled', {
              date: formatDateTime(saved.scheduledAt, locale),
            }),
          });
          close();
        },
        onError: (failure) => {
          const text = newsletterErrorText(failure, t);
          if (failure instanceof ApiError && failure.code === 'in_the_past') setFieldError(text);
          else setError(text);
        },
      },
    );
  };
  return (
    <AppModal opened={opened} onClose={close} title={t('newsletters.control.scheduleTitle')}>
      <Stack gap="md">
        <DateTimeField
          label={t('newsletters.control.scheduleAt')}
          description={t('newsletters.control.scheduleHelp')}
          value={moment}
          onChange={(value) => {
            setMoment(value);
            setFieldError(null);
          }}
          error={fieldError}
        />
        <ModalFooter
          error={error}
          onCancel={close}
          confirmLabel={t('newsletters.control.scheduleConfirm')}
          loading={schedule.isPending}
          onConfirm={confirm}
        />
      </Stack>
    </AppModal>
  );
}
