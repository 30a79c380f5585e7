import {
  Anchor,
  Button,
  Container,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import type { myEventSchema } from '../../../contracts/events.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { EventStatusBadge, RsvpBadge } from './badges.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { useCalendarFeed, useMyEvents, useRenewCalendarFeed } from './hooks.ts';
import { whenText } from './when.ts';

type MyEvent = z.infer<typeof myEventSchema>;

function EventCard({ event }: { event: MyEvent }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          {/* The public page is drawn by the server: a plain link loads it. */}
          <Anchor href={`/events/${event.id}`} fw={600} style={{ minWidth: 0 }}>
            {event.title}
          </Anchor>
          <Group gap={6}>
            <EventStatusBadge status={event.status} endsAt={event.endsAt} />
            <RsvpBadge status={event.rsvp} />
          </Group>
        </Group>
        <Text size="sm">{whenText(event, locale)}</Text>
        <Text size="sm" c="dimmed">
          {[
            t(`events.type.${event.type}`),
            event.place?.label ?? (event.online ? t('events.online') : null),
            event.committeeName,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The person's own calendar feed: its address to copy, a webcal:// link, a new address. */
function CalendarFeed() {
  const t = useT();
  const feed = useCalendarFeed();
  const renew = useRenewCalendarFeed();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-feed-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="calendar-feed-title">
          {t('events.feed.title')}
        </Title>
        <Text size="sm">{t('events.feed.intro')}</Text>
        <QueryState query={feed}>
          {({ url, webcalUrl }) => (
            <Stack gap="xs">
              <Group gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  label={t('events.feed.url')}
                  value={url}
                  readOnly
                  onFocus={(event) => event.currentTarget.select()}
                  style={{ flex: '1 1 16rem' }}
                />
                <CopyButton value={url} timeout={2000}>
                  {({ copied, copy }) => (
                    <Button variant="light" onClick={copy}>
                      {copied ? t('common.copied') : t('common.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button component="a" href={webcalUrl}>
                  {t('events.feed.subscribe')}
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                {t('events.feed.secret')}
              </Text>
              <ErrorAlert message={renew.error ? t('error.generic') : null} />
              <Group>
                <Button
                  variant="subtle"
                  color="red"
                  loading={renew.isPending}
                  onClick={() =>
                    renew.mutate(undefined, {
                      onSuccess: () =>
                        notifications.show({ color: 'green', message: t('events.feed.renewed') }),
                    })
                  }
                >
                  {t('events.feed.renew')}
                </Button>
              </Group>
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}

/** The events the supporter answered, upcoming first, with where they stand. */
export function MyEventsPage() {
  const t = useT();
  usePageTitle(t('events.mine.title'));
  const mine = useMyEvents();
  return (
    <Container size="md" px={0}>
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={1}>{t('events.mine.title')}</Title>
          <Button component="a" href="/events" variant="light">
            {t('events.mine.find')}
          </Button>
        </Group>
        <Text size="sm">{t('events.mine.intro')}</Text>
        <QueryState query={mine}>
          {(list) =>
            list.length === 0 ? (
              <Text>{t('events.mine.empty')}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('events.mine.label')}>
                {list.map((event) => (
                  <EventCard key={event.id} event={event} />
                ))}
              </Stack>
            )
          }
        </QueryState>
        <CalendarFeed />
      </Stack>
    </Container>
  );
}
