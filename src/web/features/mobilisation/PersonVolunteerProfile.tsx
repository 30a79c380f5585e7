import { Badge, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { VolunteerProfile } from '../../../contracts/mobilisation.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePersonVolunteerProfile } from './hooks.ts';

function Tags({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {values.map((value) => (
        <Badge key={value} variant="light" tt="none">
          {value}
        </Badge>
      ))}
    </Group>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function ProfileView({ profile }: { profile: VolunteerProfile }) {
  const t = useT();
  const [locale] = useLocale();
  if (profile.updatedAt === null) return <Text size="sm">{t('mobilisation.person.empty')}</Text>;
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label={t('mobilisation.person.languages')}>
          <Tags values={profile.languages} />
        </Field>
        <Field label={t('mobilisation.person.skills')}>
          <Tags values={profile.skills} />
        </Field>
        <Field label={t('mobilisation.person.driving')}>
          {profile.driving ? t('common.yes') : t('common.no')}
        </Field>
        <Field label={t('mobilisation.person.reach')}>
          {profile.maxTravelKm === null
            ? '—'
            : t('mobilisation.person.km', { km: profile.maxTravelKm })}
        </Field>
        <Field label={t('mobilisation.profile.days')}>
          <Tags values={profile.days.map((day) => t(`mobilisation.profile.day.${day}`))} />
        </Field>
        <Field label={t('mobilisation.profile.dayParts')}>
          <Tags values={profile.dayParts.map((part) => t(`mobilisation.profile.part.${part}`))} />
        </Field>
        <Field label={t('mobilisation.profile.preferred')}>
          <Tags
            values={profile.preferredActions.map((action) =>
              t(`mobilisation.profile.action.${action}`),
            )}
          />
        </Field>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('mobilisation.person.updated', { date: formatDateTime(profile.updatedAt, locale) })}
      </Text>
    </>
  );
}

/** A person's volunteer profile on the person page at HQ (`people.read`), read only. */
export function PersonVolunteerProfile({ personId }: { personId: number }) {
  const t = useT();
  const profile = usePersonVolunteerProfile(personId);
  return (
    <Section title={t('mobilisation.person.title')} description={t('mobilisation.person.intro')}>
      <QueryState query={profile}>{(data) => <ProfileView profile={data} />}</QueryState>
    </Section>
  );
}
