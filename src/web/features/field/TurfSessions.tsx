import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { EventStatusBadge } from '../events/badges.tsx';
import { whenText } from '../events/when.ts';
import { useTurfSessions } from './organiser-hooks.ts';

/** In HQ's turf drawer: the door-to-door sessions that carry the turf, to their manage pages. */
export function TurfSessions({ turfId }: { turfId: number }) {
  const t = useT();
  const [locale] = useLocale();
  const sessions = useTurfSessions(turfId);
  return (
    <Stack gap="xs" component="section" aria-label={t('field.organisers.sessions.label')}>
      <Title order={3} size="h5">
        {t('field.organisers.sessions.title')}
      </Title>
      <QueryState query={sessions}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm">{t('field.organisers.sessions.empty')}</Text>
          ) : (
            <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
              {data.items.map((event) => (
                <li key={event.id}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/me/events/${event.id}/manage`} size="sm">
                      {event.title}
                    </Anchor>
                    <EventStatusBadge status={event.status} endsAt={event.endsAt} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[
                      whenText(event, locale),
                      event.committeeName ?? t('field.organisers.sessions.campaign'),
                      t('field.organisers.sessions.going', { count: event.going }),
                    ].join(' · ')}
                  </Text>
                </li>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
