import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { EventStatusBadge } from './badges.tsx';
import { useCommitteeEvents } from './hooks.ts';
import { whenText } from './when.ts';

/** A committee's events for its managers: every visibility, a way to manage each, a new one. */
export function CommitteeEvents({ committeeId, name }: { committeeId: number; name: string }) {
  const t = useT();
  const [locale] = useLocale();
  const events = useCommitteeEvents(committeeId);
  return (
    <Section title={t('events.committee.title')}>
      <Group>
        <Button
          component={Link}
          to={`/me/committees/${committeeId}/events/new`}
          leftSection={<IconPlus size={16} aria-hidden />}
          w="fit-content"
        >
          {t('events.create')}
        </Button>
      </Group>
      <QueryState query={events}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">{t('events.committee.empty')}</Text>
          ) : (
            <Stack
              component="ul"
              gap="xs"
              p={0}
              m={0}
              aria-label={t('events.committee.label', { name })}
            >
              {list.map((event) => (
                <Paper
                  key={event.id}
                  component="li"
                  withBorder
                  p="sm"
                  style={{ listStyle: 'none' }}
                >
                  <Stack gap={4}>
                    <Group justify="space-between" align="flex-start" gap="xs">
                      <Anchor href={`/events/${event.id}`} fw={600} style={{ minWidth: 0 }}>
                        {event.title}
                      </Anchor>
                      <EventStatusBadge status={event.status} endsAt={event.endsAt} />
                    </Group>
                    <Text size="sm">{whenText(event, locale)}</Text>
                    <Text size="sm" c="dimmed">
                      {[
                        t(`events.type.${event.type}`),
                        t(`events.visibilityShort.${event.visibility}`),
                        t('events.going', { count: event.going }),
                      ].join(' · ')}
                    </Text>
                    <Group>
                      <Button
                        component={Link}
                        to={`/me/events/${event.id}/manage`}
                        size="xs"
                        variant="light"
                        aria-label={t('events.manageNamed', { title: event.title })}
                      >
                        {t('events.manage')}
                      </Button>
                    </Group>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
