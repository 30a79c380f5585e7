import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarEvent,
  IconMailForward,
  IconPencil,
  IconSend,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Newsletter } from '../../../contracts/newsletters.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import {
  useAudienceText,
  useCancelNewsletter,
  useDeleteNewsletter,
  useScheduleNewsletter,
  useTestNewsletter,
} from './hooks.ts';
import { isCancelable, isEditable, isUnderWay } from './labels.ts';
import { NewsletterConfirm } from './NewsletterConfirm.tsx';
import { newsletterErrorText } from './newsletterErrors.ts';
import { ScheduleDialog } from './ScheduleDialog.tsx';

type Asking = 'schedule' | 'sendNow' | 'cancel' | 'delete' | null;

/**
 * Edit, send a test to oneself, schedule, send now (asked first: the audience is frozen only
 * then), stop a send or a schedule (asked first), delete a draft (asked first).
 */
export function NewsletterControls({ newsletter }: { newsletter: Newsletter }) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const test = useTestNewsletter();
  const schedule = useScheduleNewsletter();
  const cancel = useCancelNewsletter();
  const remove = useDeleteNewsletter();
  const audience = useAudienceText(newsletter.segmentId);
  const [asking, setAsking] = useState<Asking>(null);
  const stopAsking = () => setAsking(null);
  const { id, name, status } = newsletter;
  const sendTest = () =>
    test.mutate(id, {
      onSuccess: ({ to }) =>
        notifications.show({ color: 'green', message: t('newsletters.control.testSent', { to }) }),
      onError: (failure) =>
        notifications.show({ color: 'red', message: newsletterErrorText(failure, t) }),
    });
  return (
    <Group gap="xs">
      {isEditable(status) && (
        <Button
          variant="light"
          component={Link}
          to={`/hq/newsletters/${id}/edit`}
          leftSection={<IconPencil size={18} aria-hidden />}
        >
          {t('newsletters.control.edit')}
        </Button>
      )}
      <Button
        variant="light"
        leftSection={<IconMailForward size={18} aria-hidden />}
        loading={test.isPending}
        onClick={sendTest}
      >
        {t('newsletters.control.test')}
      </Button>
      {isEditable(status) && (
        <>
          <Button
            variant="light"
            leftSection={<IconCalendarEvent size={18} aria-hidden />}
            onClick={() => setAsking('schedule')}
          >
            {t('newsletters.control.schedule')}
          </Button>
          <Button
            leftSection={<IconSend size={18} aria-hidden />}
            onClick={() => setAsking('sendNow')}
          >
            {t('newsletters.control.sendNow')}
          </Button>
        </>
      )}
      {isCancelable(status) && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconX size={18} aria-hidden />}
          onClick={() => setAsking('cancel')}
        >
          {t(isUnderWay(status) ? 'newsletters.control.stop' : 'newsletters.control.unschedule')}
        </Button>
      )}
      {status === 'draft' && (
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={18} aria-hidden />}
          onClick={() => setAsking('delete')}
        >
          {t('newsletters.control.delete')}
        </Button>
      )}
      <ScheduleDialog newsletter={newsletter} opened={asking === 'schedule'} onClose={stopAsking} />
      <NewsletterConfirm
        opened={asking === 'sendNow'}
        title={t('newsletters.control.sendNowTitle')}
        confirmLabel={t('newsletters.control.sendNowConfirm')}
        loading={schedule.isPending}
        onClose={stopAsking}
        onConfirm={() => schedule.mutateAsync({ id, at: null })}
      >
        {t('newsletters.control.sendNowText', { name, audience })}
      </NewsletterConfirm>
      <NewsletterConfirm
        opened={asking === 'cancel'}
        title={t(
          isUnderWay(status)
            ? 'newsletters.control.stopTitle'
            : 'newsletters.control.unscheduleTitle',
        )}
        confirmLabel={t(
          isUnderWay(status)
            ? 'newsletters.control.stopConfirm'
            : 'newsletters.control.unscheduleConfirm',
        )}
        color="red"
        loading={cancel.isPending}
        onClose={stopAsking}
        onConfirm={() => cancel.mutateAsync(id)}
      >
        {isUnderWay(status)
          ? t('newsletters.control.stopText', { name })
          : t('newsletters.control.unscheduleText', {
              name,
              date: formatDateTime(newsletter.scheduledAt, locale),
            })}
      </NewsletterConfirm>
      <NewsletterConfirm
        opened={asking === 'delete'}
        title={t('newsletters.control.deleteTitle')}
        confirmLabel={t('newsletters.control.delete')}
        color="red"
        loading={remove.isPending}
        onClose={stopAsking}
        onConfirm={async () => {
          await remove.mutateAsync(id);
          notifications.show({ color: 'green', message: t('newsletters.control.deleted') });
          void navigate('/hq/newsletters');
        }}
      >
        {t('newsletters.control.deleteText', { name })}
      </NewsletterConfirm>
    </Group>
  );
}
