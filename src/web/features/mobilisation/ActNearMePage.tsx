import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Container,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  dayKinds,
  dayParts,
  preferredActions,
  volunteerProfileInputSchema,
  type FeedAction,
  type VolunteerProfile,
  type VolunteerProfileInput,
} from '../../../contracts/mobilisation.ts';
import type { Locale } from '../../../contracts/common.ts';
import { ApiError } from '../../core/api.ts';
import { applyProblem, errorText } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import {
  useActionFeed,
  useSaveVolunteerProfile,
  useTakeAction,
  useVolunteerProfile,
} from './hooks.ts';

const NEED_URGENT = 0.75;

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
function whenText(action: FeedAction, locale: Locale): string | null {
  if (!action.startsAt) return null;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(action.kind === 'turf' ? {} : { hour: '2-digit', minute: '2-digit' }),
    });
    if (action.kind !== 'turf') dateFormats.set(locale, format);
  }
  return format.format(new Date(action.startsAt));
}

/** One action: what, where, when, why it matters, and the one tap that signs up. */
function ActionCard({ action }: { action: FeedAction }) {
  const t = useT();
  const [locale] = useLocale();
  const take = useTakeAction();
  const [error, setError] = useState<string | null>(null);
  const signUp = () => {
    setError(null);
    take.mutate(
      { kind: action.kind, id: action.id },
      {
        onSuccess: (result) =>
          notifications.show({
            color: result.status === 'waitlist' ? 'orange' : 'green',
            message: t(
              result.status === 'signed_up'
                ? 'mobilisation.signedUp'
                : result.status === 'already'
                  ? 'mobilisation.already'
                  : 'mobilisation.waitlist',
            ),
          }),
        onError: (problem) =>
          setError(
            problem instanceof ApiError && problem.code === 'members_only'
              ? t('mobilisation.error.members_only')
              : problem instanceof ApiError && problem.code === 'not_found'
                ? t('mobilisation.error.not_found')
                : errorText(problem, t),
          ),
      },
    );
  };
  const facts = [
    action.placeLabel,
    action.distanceKm === null ? null : t('mobilisation.distance', { km: action.distanceKm }),
    whenText(action, locale),
    action.doors === null ? null : t('mobilisation.doors', { count: action.doors }),
    action.placesLeft === null ? null : t('mobilisation.placesLeft', { count: action.placesLeft }),
  ].filter(Boolean);
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap={6}>
          <Badge variant="light">{t(`mobilisation.kind.${action.kind}`)}</Badge>
          {action.need >= NEED_URGENT && (
            <Badge color="red" variant="light">
              {t('mobilisation.urgent')}
            </Badge>
          )}
          {action.available && (
            <Badge color="green" variant="light">
              {t('mobilisation.suits')}
            </Badge>
          )}
        </Group>
        <Text fw={600}>{action.title}</Text>
        {facts.length > 0 && (
          <Text size="sm" c="dimmed">
            {facts.join(' · ')}
          </Text>
        )}
        <ErrorAlert message={error} />
        <Group gap="xs">
          {action.kind === 'share_kit' ? (
            action.url && (
              // The article is a public page drawn by the server: a plain link loads it.
              <Button component="a" href={action.url} variant="light">
                {t('mobilisation.share')}
              </Button>
            )
          ) : action.taken ? (
            <Badge color="green" size="lg">
              {t('mobilisation.taken')}
            </Badge>
          ) : (
            <Button
              onClick={signUp}
              loading={take.isPending}
              aria-label={t('mobilisation.takeNamed', { title: action.title })}
            >
              {t('mobilisation.take')}
            </Button>
          )}
          {action.kind !== 'share_kit' && action.url && (
            <Anchor href={action.url} size="sm">
              {t('mobilisation.open')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function Feed() {
  const t = useT();
  const feed = useActionFeed();
  return (
    <QueryState query={feed}>
      {({ origin, reachKm, items }) => (
        <Stack gap="sm">
          {origin ? (
            <Text size="sm" c="dimmed">
              {t('mobilisation.around', { place: origin.label, km: reachKm })}
            </Text>
          ) : (
            <Text size="sm">
              {t('mobilisation.noPlace')}{' '}
              <Anchor component={Link} to="/me#profile">
                {t('mobilisation.fillProfile')}
              </Anchor>
            </Text>
          )}
          {items.length === 0 ? (
            <Text size="sm">{t('mobilisation.empty')}</Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('mobilisation.listLabel')}>
              {items.map((action) => (
                <ActionCard key={`${action.kind}:${action.id}`} action={action} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

interface ProfileValues extends Omit<VolunteerProfileInput, 'maxTravelKm'> {
  maxTravelKm: number | string;
}

const toRequest = (values: ProfileValues): VolunteerProfileInput => ({
  ...values,
  maxTravelKm: values.maxTravelKm === '' ? null : Number(values.maxTravelKm),
});

const FIELDS = [
  'days',
  'dayParts',
  'driving',
  'languages',
  'skills',
  'preferredActions',
  'maxTravelKm',
] as const;

function ProfileForm({ profile }: { profile: VolunteerProfile }) {
  const t = useT();
  const save = useSaveVolunteerProfile();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ProfileValues>({
    initialValues: {
      days: profile.days,
      dayParts: profile.dayParts,
      driving: profile.driving,
      languages: profile.languages,
      skills: profile.skills,
      preferredActions: profile.preferredActions,
      maxTravelKm: profile.maxTravelKm ?? '',
    },
    validate: validateWith(volunteerProfileInputSchema, t, toRequest),
  });
  // A code that is not two letters, in whichever of the tags.
  const languageError = Object.keys(form.errors).some((key) => key.startsWith('languages'))
    ? t('mobilisation.error.invalid_language')
    : undefined;
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(toRequest(values), {
      onSuccess: () =>
        notifications.show({ color: 'green', message: t('mobilisation.profile.saved') }),
      onError: (error) => setFormError(applyProblem(form, error, t, FIELDS)),
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Checkbox.Group
          label={t('mobilisation.profile.preferred')}
          {...form.getInputProps('preferredActions')}
        >
          <Group gap="md" mt={4}>
            {preferredActions.map((action) => (
              <Checkbox
                key={action}
                value={action}
                label={t(`mobilisation.profile.action.${action}`)}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('mobilisation.profile.days')} {...form.getInputProps('days')}>
          <Group gap="md" mt={4}>
            {dayKinds.map((day) => (
              <Checkbox key={day} value={day} label={t(`mobilisation.profile.day.${day}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('mobilisation.profile.dayParts')}
          {...form.getInputProps('dayParts')}
        >
          <Group gap="md" mt={4}>
            {dayParts.map((part) => (
              <Checkbox key={part} value={part} label={t(`mobilisation.profile.part.${part}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <NumberInput
          label={t('mobilisation.profile.maxTravelKm')}
          description={t('mobilisation.profile.maxTravelKmHint')}
          min={1}
          max={200}
          allowDecimal={false}
          inputMode="numeric"
          {...form.getInputProps('maxTravelKm')}
        />
        <Switch
          label={t('mobilisation.profile.driving')}
          {...form.getInputProps('driving', { type: 'checkbox' })}
        />
        <TagsInput
          label={t('mobilisation.profile.languages')}
          {...form.getInputProps('languages')}
          error={languageError}
        />
        <TagsInput label={t('mobilisation.profile.skills')} {...form.getInputProps('skills')} />
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Act near me": the supporter's feed of open actions, and the profile that shapes it. */
export function ActNearMePage() {
  const t = useT();
  usePageTitle(t('mobilisation.title'));
  const profile = useVolunteerProfile();
  return (
    <Container size="sm" px={0}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('mobilisation.title')}</Title>
          <Text>{t('mobilisation.intro')}</Text>
        </Stack>
        <Feed />
        <Section
          title={t('mobilisation.profile.title')}
          description={t('mobilisation.profile.intro')}
        >
          <QueryState query={profile}>{(data) => <ProfileForm profile={data} />}</QueryState>
        </Section>
      </Stack>
    </Container>
  );
}
