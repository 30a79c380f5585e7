import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRosetteDiscountCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Profile } from '../../../contracts/accounts.ts';
import type { Locale } from '../../../contracts/common.ts';
import { ApiError } from '../../core/api.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { whenText } from '../events/when.ts';
import { useNearbyCommittees, useNearbyEvents } from './hooks.ts';
import { PROFILE_ANCHOR } from './ProfileSection.tsx';

const kmFormats = new Map<Locale, Intl.NumberFormat>();
const kmText = (km: number, locale: Locale) => {
  let format = kmFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
      maximumFractionDigits: 1,
    });
    kmFormats.set(locale, format);
  }
  return format.format(km);
};

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** One column of the card: its heading, up to three items (or why none), a link to all. */
function NearbyList<T extends { id: number }>({
  title,
  label,
  query,
  empty,
  more,
  item,
}: {
  title: string;
  label: string;
  query: QueryLike<{ items: T[] }>;
  empty: ReactNode;
  more: ReactNode;
  item: (value: T) => ReactNode;
}) {
  const t = useT();
  // A postal code no commune has (abroad, mistyped) finds nothing rather than failing.
  const unknownPlace = query.error instanceof ApiError && query.error.code === 'unknown_place';
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {unknownPlace ? (
        <Text size="sm">{t('me.nearby.unknownPlace')}</Text>
      ) : (
        <QueryState query={query}>
          {({ items }) =>
            items.length === 0 ? (
              <Text size="sm">{empty}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} aria-label={label}>
                {items.map((value) => (
                  <Paper
                    key={value.id}
                    component="li"
                    withBorder
                    p="xs"
                    style={{ listStyle: 'none' }}
                  >
                    {item(value)}
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
      )}
      {more}
    </Stack>
  );
}

/** The committees and the next public events nearest the supporter's postal code. */
export function NearbySection({ profile }: { profile: Profile }) {
  const t = useT();
  const [locale] = useLocale();
  const postalCode = profile.postalCode?.trim() || null;
  const committees = useNearbyCommittees(postalCode);
  const events = useNearbyEvents(postalCode);
  if (!postalCode) {
    return (
      <Section title={t('me.nearby.title')}>
        <Text size="sm">
          {t('me.nearby.noPostalCode')}{' '}
          <Anchor href={`#${PROFILE_ANCHOR}`}>{t('me.nearby.fillProfile')}</Anchor>
        </Text>
      </Section>
    );
  }
  const place = encodeURIComponent(postalCode);
  const where = [postalCode, profile.communeName].filter(Boolean).join(' ');
  return (
    <Section title={t('me.nearby.title')} description={t('me.nearby.around', { place: where })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <NearbyList
          title={t('me.nearby.committees')}
          label={t('me.nearby.committeesLabel')}
          query={committees}
          empty={
            <>
              {t('me.nearby.noCommittee')}{' '}
              <Anchor component={Link} to="/me/committees/new">
                {t('committees.create')}
              </Anchor>
            </>
          }
          more={
            // The public pages are drawn by the server: plain links load them.
            <Anchor href={`/committees?place=${place}`} size="sm">
              {t('me.nearby.allCommittees')}
            </Anchor>
          }
          item={(committee) => (
            <Stack gap={2}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Anchor href={`/committees/${committee.id}`} fw={600} style={{ minWidth: 0 }}>
                  {committee.name}
                </Anchor>
                {committee.certified && (
                  <Badge
                    color="green"
                    variant="light"
                    size="sm"
                    style={{ flexShrink: 0 }}
                    leftSection={<IconRosetteDiscountCheck size={12} aria-hidden />}
                  >
                    {t('committees.certified')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {[
                  committee.place.label,
                  committee.distanceKm === null
                    ? null
                    : t('me.nearby.distance', { km: kmText(committee.distanceKm, locale) }),
                  t('committees.memberCount', { count: committee.memberCount }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          )}
        />
        <NearbyList
          title={t('me.nearby.events')}
          label={t('me.nearby.eventsLabel')}
          query={events}
          empty={t('me.nearby.noEvent')}
          more={
            <Anchor href={`/events?place=${place}`} size="sm">
              {t('me.nearby.allEvents')}
            </Anchor>
          }
          item={(event) => (
            <Stack gap={2}>
              <Anchor href={`/events/${event.id}`} fw={600}>
                {event.title}
              </Anchor>
              <Text size="sm">{whenText(event, locale)}</Text>
              <Text size="sm" c="dimmed">
                {[
                  t(`events.type.${event.type}`),
                  event.place?.label ?? (event.online ? t('events.online') : null),
                  event.distanceKm === null
                    ? null
                    : t('me.nearby.distance', { km: kmText(event.distanceKm, locale) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          )}
        />
      </SimpleGrid>
    </Section>
  );
}
