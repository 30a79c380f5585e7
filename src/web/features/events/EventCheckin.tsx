import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircle, IconCircleCheckFilled, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import {
  walkInInputSchema,
  type CheckinAttendee,
  type EventForEdit,
  type WalkInInput,
} from '../../../contracts/events.ts';
import { applyProblem, errorText } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { fullName } from '../../core/format.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { useAddWalkIn, useCheckIn, useCheckinList } from './hooks.ts';

type WalkInValues = Required<WalkInInput>;
const WALK_IN_FIELDS = ['firstName', 'lastName', 'email', 'phone'] as const;
const emptyWalkIn: WalkInValues = { firstName: '', lastName: '', email: '', phone: '' };

/** Someone who came without answering: their name, and an email or phone if they give one. */
function WalkInModal({ eventId, onClose }: { eventId: number; onClose: () => void }) {
  const t = useT();
  const add = useAddWalkIn(eventId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<WalkInValues>({
    initialValues: emptyWalkIn,
    validate: validateWith(walkInInputSchema, t),
  });
  const save = form.onSubmit((values) => {
    setFormError(null);
    add.mutate(values, {
      onSuccess: ({ created, attendee }) => {
        const name = fullName(attendee.firstName, attendee.lastName);
        notifications.show({
          color: 'green',
          message: t(created ? 'events.walkIn.added' : 'events.walkIn.known', { name }),
        });
        onClose();
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, WALK_IN_FIELDS));
        focusFirstError();
      },
    });
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={t('events.walkIn.title')}>
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('events.walkIn.hint')}
          </Text>
          <TextInput
            label={t('field.firstName')}
            required
            size="md"
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('firstName')}
          />
          <TextInput
            label={t('field.lastName')}
            required
            size="md"
            autoComplete="off"
            {...form.getInputProps('lastName')}
          />
          <TextInput
            label={t('field.email')}
            description={t('events.walkIn.emailHint')}
            type="email"
            inputMode="email"
            size="md"
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('events.walkIn.phone')}
            description={t('field.optional')}
            type="tel"
            inputMode="tel"
            size="md"
            autoComplete="off"
            {...form.getInputProps('phone')}
          />
          <ModalFooter
            error={formError}
            onCancel={onClose}
            confirmLabel={t('events.walkIn.submit')}
            loading={add.isPending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}

/** One person at the door: a wide button, pressed when they are checked in. */
function AttendeeButton({
  attendee,
  pending,
  onToggle,
}: {
  attendee: CheckinAttendee;
  pending: boolean;
  onToggle: () => void;
}) {
  const t = useT();
  const detailsId = useId();
  const name = fullName(attendee.firstName, attendee.lastName) || '—';
  const details = [
    attendee.guests > 0 ? t('events.checkin.guests', { count: attendee.guests }) : null,
    attendee.status === 'waitlist' ? t('events.rsvp.waitlist') : null,
    attendee.walkIn ? t('events.checkin.walkIn') : null,
  ].filter((detail): detail is string => detail !== null);
  return (
    <Button
      fullWidth
      size="lg"
      h="auto"
      mih={56}
      py="xs"
      justify="flex-start"
      variant={attendee.checkedIn ? 'filled' : 'default'}
      color={attendee.checkedIn ? 'teal' : undefined}
      aria-pressed={attendee.checkedIn}
      aria-label={name}
      aria-describedby={details.length > 0 ? detailsId : undefined}
      loading={pending}
      onClick={onToggle}
      leftSection={
        attendee.checkedIn ? (
          <IconCircleCheckFilled size={26} aria-hidden />
        ) : (
          <IconCircle size={26} aria-hidden />
        )
      }
      styles={{ label: { whiteSpace: 'normal', flex: 1 } }}
    >
      <Group gap="xs" justify="space-between" w="100%" wrap="wrap">
        <Text fw={600} size="md" style={{ overflowWrap: 'anywhere', textAlign: 'left' }}>
          {name}
        </Text>
        {details.length > 0 && (
          <Group gap={4} id={detailsId}>
            {details.map((detail) => (
              <Badge
                key={detail}
                size="sm"
                variant={attendee.checkedIn ? 'white' : 'light'}
                color={attendee.checkedIn ? 'teal' : 'gray'}
              >
                {detail}
              </Badge>
            ))}
          </Group>
        )}
      </Group>
    </Button>
  );
}

/**
 * Check-in on the day, made for a phone in one hand at the door: a search, one wide button per
 * person (a tap marks them there, a second tap undoes it), the count of those there, and a way
 * to add someone who came without answering.
 */
export function EventCheckin({ event }: { event: EventForEdit }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useCheckinList(event.id, q);
  const checkIn = useCheckIn(event.id);
  const [adding, setAdding] = useState(false);
  const toggle = (attendee: CheckinAttendee) =>
    checkIn.mutate(
      { personId: attendee.personId, present: !attendee.checkedIn },
      {
        onError: (error) => notifications.show({ color: 'red', message: errorText(error, t) }),
      },
    );
  return (
    <Section title={t('events.checkin.title')} description={t('events.checkin.hint')}>
      {list.data && (
        <Text size="lg" fw={600} role="status" aria-live="polite">
          {t('events.checkin.count', { present: list.data.present, expected: list.data.expected })}
        </Text>
      )}
      <Button
        size="lg"
        fullWidth
        variant="light"
        leftSection={<IconUserPlus size={22} aria-hidden />}
        onClick={() => setAdding(true)}
      >
        {t('events.checkin.add')}
      </Button>
      <TextInput
        type="search"
        size="lg"
        label={t('events.checkin.search')}
        placeholder={t('events.checkin.searchPlaceholder')}
        leftSection={<IconSearch size={20} aria-hidden />}
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <QueryState query={list}>
        {({ items, more }) =>
          items.length === 0 ? (
            <Text size="sm">{q ? t('events.checkin.noMatch') : t('events.checkin.empty')}</Text>
          ) : (
            <>
              <Stack
                component="ul"
                gap="xs"
                p={0}
                m={0}
                aria-label={t('events.checkin.label', { title: event.title })}
              >
                {items.map((attendee) => (
                  <li key={attendee.personId} style={{ listStyle: 'none' }}>
                    <AttendeeButton
                      attendee={attendee}
                      pending={
                        checkIn.isPending && checkIn.variables?.personId === attendee.personId
                      }
                      onToggle={() => toggle(attendee)}
                    />
                  </li>
                ))}
              </Stack>
              {more && (
                <Text size="sm" c="dimmed">
                  {t('events.checkin.more')}
                </Text>
              )}
            </>
          )
        }
      </QueryState>
      {adding && <WalkInModal eventId={event.id} onClose={() => setAdding(false)} />}
    </Section>
  );
}
