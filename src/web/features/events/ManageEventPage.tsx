import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Container,
  Group,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import type { attendeeSchema, EventForEdit } from '../../../contracts/events.ts';
import { ApiError } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { formatDateTime, fullName } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { NotFoundPage } from '../../core/ui/NotFoundPage.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { EventTurfsSection } from '../field/EventTurfsSection.tsx';
import { EventStatusBadge, RsvpBadge } from './badges.tsx';
import { whenText } from './when.ts';
import { EventCheckin } from './EventCheckin.tsx';
import { EventForm } from './EventForm.tsx';
import { EventMessageSection } from './EventMessageForm.tsx';
import { EventReportSection } from './EventReportForm.tsx';
import { editValues } from './forms.ts';
import { useAttendees, useCancelEvent, useEventForEdit, useUpdateEvent } from './hooks.ts';

type Attendee = z.infer<typeof attendeeSchema>;

function Attendees({ event }: { event: EventForEdit }) {
  const t = useT();
  const [locale] = useLocale();
  const attendees = useAttendees(event.id);
  return (
    <Section
      title={t('events.attendees.title')}
      description={t('events.attendees.summary', {
        going: event.going,
        waiting: event.waitlist,
      })}
    >
      <QueryState query={attendees}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">{t('events.attendees.empty')}</Text>
          ) : (
            <ResponsiveTable<Attendee>
              items={list}
              label={t('events.attendees.label', { title: event.title })}
              rowKey={(attendee) => attendee.personId}
              minWidth={480}
              columns={[
                {
                  header: t('events.attendees.name'),
                  title: true,
                  cell: (attendee) => fullName(attendee.firstName, attendee.lastName) || '—',
                },
                {
                  header: t('events.attendees.status'),
                  cell: (attendee) => <RsvpBadge status={attendee.status} />,
                },
                {
                  header: t('events.attendees.guests'),
                  numeric: true,
                  cell: (attendee) => attendee.guests,
                },
                {
                  header: t('events.attendees.at'),
                  nowrap: true,
                  cell: (attendee) => formatDateTime(attendee.at, locale),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Section>
  );
}

function CancelButton({ event }: { event: EventForEdit }) {
  const t = useT();
  const cancel = useCancelEvent(event.id);
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpened(false);
    setError(null);
  };
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpened(true)} w="fit-content">
        {t('events.cancel')}
      </Button>
      <AppModal
        opened={opened}
        onClose={close}
        title={t('events.cancel.title', { title: event.title })}
      >
        <Stack gap="md">
          <Text size="sm">{t('events.cancel.text')}</Text>
          <ModalFooter
            error={error}
            onCancel={close}
            confirmLabel={t('events.cancel.confirm')}
            color="red"
            loading={cancel.isPending}
            onConfirm={() => {
              setError(null);
              cancel.mutate(undefined, {
                onSuccess: () => {
                  close();
                  notifications.show({ color: 'green', message: t('events.cancel.done') });
                },
                onError: (failure) => setError(errorText(failure, t)),
              });
            }}
          />
        </Stack>
      </AppModal>
    </>
  );
}

function EditSection({ event }: { event: EventForEdit }) {
  const t = useT();
  const update = useUpdateEvent(event.id);
  return (
    <Section title={t('events.edit.title')} description={t('events.edit.hint')}>
      <EventForm
        initialValues={editValues(event)}
        submitLabel={t('common.save')}
        pending={update.isPending}
        placeLabel={event.place?.label}
        onSubmit={async (body) => {
          await update.mutateAsync(body);
          notifications.show({ color: 'green', message: t('events.edit.saved') });
        }}
      />
    </Section>
  );
}

/** The door opens on the day: from a day before the start, and stays open to correct it after. */
const CHECKIN_OPENS_BEFORE = 86_400_000;

function ManageView({ event }: { event: EventForEdit }) {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(event.title);
  const untilStart = Date.parse(event.startsAt) - Date.now();
  const checkinOpen = event.status === 'published' && untilStart <= CHECKIN_OPENS_BEFORE;
  const reportable = event.status !== 'cancelled' && untilStart <= 0;
  const privateLink = event.privateKey
    ? `${window.location.origin}/events/${event.id}?key=${encodeURIComponent(event.privateKey)}`
    : null;
  const publicHref =
    event.visibility === 'private' && privateLink ? privateLink : `/events/${event.id}`;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('events.manage.subtitle')}
        </Text>
        <Title order={1}>{event.title}</Title>
        <Group gap="xs">
          <Badge variant="light">{t(`events.type.${event.type}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t(`events.visibilityShort.${event.visibility}`)}
          </Badge>
          <EventStatusBadge status={event.status} endsAt={event.endsAt} />
        </Group>
        <Text size="sm">{whenText(event, locale)}</Text>
        <Text size="sm" c="dimmed">
          {[
            event.place?.label,
            event.onlineUrl ? t('events.online') : null,
            event.committeeName,
            t('events.going', { count: event.going }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap="md">
          {/* The public page is drawn by the server: a plain link loads it. */}
          <Anchor href={publicHref} size="sm">
            {t('events.publicPage')}
          </Anchor>
          {event.committeeId !== null && (
            <Anchor component={Link} to={`/me/committees/${event.committeeId}/manage`} size="sm">
              {event.committeeName}
            </Anchor>
          )}
        </Group>
        {event.visibility === 'private' && privateLink && (
          <Text size="sm">
            {t('events.manage.privateLink')} :{' '}
            <Code style={{ overflowWrap: 'anywhere' }}>{privateLink}</Code>
          </Text>
        )}
      </Stack>
      {event.status === 'cancelled' && (
        <Alert color="red" role="status">
          {t('events.manage.cancelledNotice')}
        </Alert>
      )}
      {checkinOpen && <EventCheckin event={event} />}
      {reportable && <EventReportSection event={event} />}
      <EventTurfsSection event={event} />
      <Attendees event={event} />
      {event.status === 'published' && <EventMessageSection event={event} />}
      {event.status !== 'cancelled' && <EditSection event={event} />}
      {event.status === 'published' && <CancelButton event={event} />}
    </Stack>
  );
}

function ManageEvent({ id }: { id: number }) {
  const t = useT();
  const event = useEventForEdit(id);
  if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
  if (event.error instanceof ApiError && event.error.status === 403) {
    return (
      <Alert color="red" title={t('error.forbiddenTitle')} role="alert">
        <Stack gap="xs">
          <Text size="sm">{t('events.manage.forbidden')}</Text>
          <Group gap="md">
            <Anchor href={`/events/${id}`} size="sm">
              {t('events.publicPage')}
            </Anchor>
            <Anchor component={Link} to="/me/events" size="sm">
              {t('events.manage.back')}
            </Anchor>
          </Group>
        </Stack>
      </Alert>
    );
  }
  return <QueryState query={event}>{(data) => <ManageView event={data} />}</QueryState>;
}

/** An event's managers: the door on the day, its report after, who comes, what it says, cancelling it. */
export function ManageEventPage() {
  const { eventId } = useParams();
  const id = Number(eventId);
  return (
    <Container size="lg" px={0}>
      {Number.isInteger(id) && id > 0 ? <ManageEvent key={id} id={id} /> : <NotFoundPage />}
    </Container>
  );
}
