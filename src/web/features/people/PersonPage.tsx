import {
  Anchor,
  Badge,
  Breadcrumbs,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { PersonDetail } from '../../../contracts/people.ts';
import { formatDateTime, formatPhone, fullName } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { YesNo } from '../../core/ui/YesNo.tsx';
import { usePerson } from './hooks.ts';
import { localeName, sourceLabel } from './labels.ts';
import { PersonCustomFields } from './PersonCustomFields.tsx';
import { MergedPersonRedirect } from './MergedPersonRedirect.tsx';
import { PersonTags } from './PersonTags.tsx';
import { PersonTimeline } from './Timeline.tsx';
import { ConsentRecords } from './ConsentRecords.tsx';
import { ContactLogSection } from './ContactLogSection.tsx';
import { NotesSection } from './NotesSection.tsx';
import { PersonEditButton } from './PersonEditButton.tsx';
import { PrivacyRequestsSection } from './PrivacyRequestsSection.tsx';
import { PersonCommentsSection } from '../comments/PersonCommentsSection.tsx';
import { MailSuppressionSection } from './MailSuppressionSection.tsx';
import { PersonNewsletters } from '../newsletters/PersonNewsletters.tsx';
import { PersonVolunteerProfile } from '../mobilisation/PersonVolunteerProfile.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

function PersonView({ person }: { person: PersonDetail }) {
  const t = useT();
  const [locale] = useLocale();
  const { can } = useSession();
  const name = fullName(person.firstName, person.lastName) || t('people.noName');
  usePageTitle(name);

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/hq/people">
          {t('people.title')}
        </Anchor>
        <Text>{name}</Text>
      </Breadcrumbs>
      <Group gap="sm">
        <Title order={1}>{name}</Title>
        {person.confirmed ? (
          <Badge color="green">{t('person.confirmed')}</Badge>
        ) : (
          <Badge color="orange">{t('person.unconfirmed')}</Badge>
        )}
        {can('people.write') && <PersonEditButton person={person} />}
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Section title={t('person.contact')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Field label={t('field.email')}>{person.email}</Field>
                <Field label={t('field.phone')}>{formatPhone(person.phone)}</Field>
                <Field label={t('person.address')}>
                  {[person.addressStreet, person.addressComplement].filter(Boolean).join(', ')}
                </Field>
                <Field label={t('field.postalCode')}>{person.postalCode}</Field>
                <Field label={t('geo.commune')}>{person.communeName}</Field>
                <Field label={t('field.locale')}>{localeName(person.locale)}</Field>
                <Field label={t('people.createdAt')}>
                  {formatDateTime(person.createdAt, locale)}
                </Field>
                <Field label={t('person.confirmedAt')}>
                  {formatDateTime(person.confirmedAt, locale)}
                </Field>
              </SimpleGrid>
            </Section>
            <Section title={t('people.consents')}>
              <Group gap="lg">
                {(['email', 'sms', 'phone'] as const).map((channel) => (
                  <Group key={channel} gap={4}>
                    <YesNo value={person.consents[channel]} name={t(`consent.${channel}Short`)} />
                    <Text size="sm">{t(`consent.${channel}Short`)}</Text>
                  </Group>
                ))}
              </Group>
              <ConsentRecords personId={person.id} canRecord={can('people.write')} />
            </Section>
            <MailSuppressionSection personId={person.id} canLift={can('people.write')} />
            <PersonNewsletters personId={person.id} />
            <Section title={t('people.tags')}>
              <PersonTags personId={person.id} tags={person.tags} editable={can('people.write')} />
            </Section>
            <PersonCustomFields personId={person.id} editable={can('people.write')} />
            <Section title={t('person.origin')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Field label={t('people.source')}>{sourceLabel(person.source, t)}</Field>
                <Field label={t('person.recruitedBy')}>
                  {person.recruitedBy && (
                    <Anchor component={Link} to={`/hq/people/${person.recruitedBy.id}`}>
                      {person.recruitedBy.name}
                    </Anchor>
                  )}
                </Field>
                <Field label={t('person.recruited')}>
                  {person.recruitedCount > 0 ? (
                    <Anchor component={Link} to={`/hq/people?recruitedBy=${person.id}`}>
                      {t('person.recruitedLink', { count: person.recruitedCount })}
                    </Anchor>
                  ) : (
                    '0'
                  )}
                </Field>
                <Field label={t('person.recruitCode')}>{person.recruitCode}</Field>
                <Field label="utm_source">{person.utmSource}</Field>
                <Field label="utm_medium">{person.utmMedium}</Field>
                <Field label="utm_campaign">{person.utmCampaign}</Field>
                <Field label={t('person.referrer')}>{person.referrerUrl}</Field>
              </SimpleGrid>
            </Section>
            <NotesSection personId={person.id} canWrite={can('people.write')} />
            <ContactLogSection personId={person.id} canWrite={can('people.write')} />
            {can('privacy.manage') && <PrivacyRequestsSection personId={person.id} />}
            {can('people.read') && <PersonCommentsSection personId={person.id} />}
            {can('people.read') && <PersonVolunteerProfile personId={person.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title={t('person.history')}>
            <PersonTimeline entries={person.timeline} />
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function PersonPage() {
  const { id } = useParams();
  const person = usePerson(Number(id));
  // An id merged into another person leads to them (old links, bookmarks).
  if (person.isError) return <MergedPersonRedirect id={Number(id)} query={person} />;
  return <QueryState query={person}>{(data) => <PersonView person={data} />}</QueryState>;
}
