import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { rankAtLeast } from '../../../contracts/access.ts';
import { ApiError } from '../../core/api.ts';
import { useT } from '../../core/i18n/index.tsx';
import { NotFoundPage } from '../../core/ui/NotFoundPage.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { useSession } from '../../core/session.tsx';
import { useCommittee } from '../committees/hooks.ts';
import { EventForm } from './EventForm.tsx';
import { emptyEvent } from './forms.ts';
import { useCreateCommitteeEvent } from './hooks.ts';

function NewEvent({ committeeId, name }: { committeeId: number; name: string }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateCommitteeEvent(committeeId);
  return (
    <Stack gap="md">
      <Title order={1}>{t('events.new.title')}</Title>
      <Text size="sm">{t('events.new.intro', { name })}</Text>
      <EventForm
        initialValues={emptyEvent}
        submitLabel={t('events.new.submit')}
        pending={create.isPending}
        onSubmit={async (body) => {
          const event = await create.mutateAsync(body);
          notifications.show({ color: 'green', message: t('events.created') });
          void navigate(`/me/events/${event.id}/manage`);
        }}
        extraActions={
          <Button component={Link} to={`/me/committees/${committeeId}/manage`} variant="default">
            {t('common.cancel')}
          </Button>
        }
      />
    </Stack>
  );
}

function ForCommittee({ id }: { id: number }) {
  const t = useT();
  const { can } = useSession();
  const committee = useCommittee(id);
  if (committee.error instanceof ApiError && committee.error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <QueryState query={committee}>
      {(data) => {
        const rank = data.myMembership?.rank;
        // The server decides; this only spares a form it would refuse.
        if (!can('events.manage') && !(rank && rankAtLeast(rank, 'manager'))) {
          return (
            <Alert color="red" title={t('error.forbiddenTitle')} role="alert">
              {t('events.new.forbidden')}
            </Alert>
          );
        }
        return <NewEvent committeeId={data.id} name={data.name} />;
      }}
    </QueryState>
  );
}

/** A committee's managers create its events; the server checks the rank and says so. */
export function NewEventPage() {
  const t = useT();
  usePageTitle(t('events.new.title'));
  const { committeeId } = useParams();
  const id = Number(committeeId);
  return (
    <Container size="sm" px={0}>
      {Number.isInteger(id) && id > 0 ? <ForCommittee key={id} id={id} /> : <NotFoundPage />}
    </Container>
  );
}
