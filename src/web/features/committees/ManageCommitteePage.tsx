import { Alert, Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { rankAtLeast } from '../../../contracts/access.ts';
import type { Committee } from '../../../contracts/committees.ts';
import { ApiError } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { NotFoundPage } from '../../core/ui/NotFoundPage.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { CommitteeDashboard } from '../events/CommitteeDashboard.tsx';
import { CommitteeEvents } from '../events/CommitteeEvents.tsx';
import { CommitteeTurfsSection } from '../field/CommitteeTurfsSection.tsx';
import { AreaSection } from './AreaSection.tsx';
import { RankBadge } from './badges.tsx';
import { CertificationSection } from './Certification.tsx';
import { CommitteeBoard } from './CommitteeBoard.tsx';
import { MessageForm, MessageHistory, SubscriptionSwitch } from './CommitteeMessages.tsx';
import { CommitteeMembers } from './CommitteeMembers.tsx';
import { CommitteePhoto } from './CommitteePhoto.tsx';
import { EditCommitteeForm } from './EditCommitteeForm.tsx';
import { useCommittee, useCommitteeForEdit, useLeaveCommittee } from './hooks.ts';

function StatusNotice({ committee }: { committee: Committee }) {
  const t = useT();
  if (committee.status === 'published') return null;
  return (
    <Alert color={committee.status === 'held' ? 'orange' : 'red'} role="status">
      {t(`committees.manage.${committee.status}`)}
    </Alert>
  );
}

function EditSection({ committee }: { committee: Committee }) {
  const t = useT();
  const forEdit = useCommitteeForEdit(committee.id);
  return (
    <Section title={t('committees.edit.title')}>
      <QueryState query={forEdit}>{(data) => <EditCommitteeForm committee={data} />}</QueryState>
    </Section>
  );
}

function LeaveButton({ committee }: { committee: Committee }) {
  const t = useT();
  const navigate = useNavigate();
  const leave = useLeaveCommittee(committee.id);
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpened(false);
    setError(null);
  };
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpened(true)} w="fit-content">
        {t('committees.leave')}
      </Button>
      <AppModal
        opened={opened}
        onClose={close}
        title={t('committees.leave.title', { name: committee.name })}
      >
        <Stack gap="md">
          <Text size="sm">{t('committees.leave.text')}</Text>
          <ModalFooter
            error={error}
            onCancel={close}
            confirmLabel={t('committees.leave.confirm')}
            color="red"
            loading={leave.isPending}
            onConfirm={() => {
              setError(null);
              leave.mutate(undefined, {
                onSuccess: () => {
                  notifications.show({
                    color: 'green',
                    message: t('committees.leave.done', { name: committee.name }),
                  });
                  void navigate('/me/committees');
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

/** Managers write to the members; members read what was sent (followers only receive it). */
function MessagesSection({ committee, manages }: { committee: Committee; manages: boolean }) {
  const t = useT();
  return (
    <Section
      title={t('committees.messages.title')}
      description={manages ? t('committees.messages.intro') : undefined}
    >
      {manages && <MessageForm committeeId={committee.id} />}
      <Title order={3} size="h5">
        {t('committees.messages.history')}
      </Title>
      <MessageHistory committeeId={committee.id} name={committee.name} />
    </Section>
  );
}

/** What every member decides for themselves: the committee's mail, and leaving it. */
function MembershipSection({ committee }: { committee: Committee }) {
  const t = useT();
  return (
    <Section title={t('committees.membership.title')}>
      <SubscriptionSwitch committee={committee} />
      <LeaveButton committee={committee} />
    </Section>
  );
}

function Forbidden({ committee }: { committee: Committee }) {
  const t = useT();
  return (
    <Alert color="red" title={t('error.forbiddenTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('committees.manage.forbidden')}</Text>
        <Group gap="md">
          <Anchor href={`/committees/${committee.id}`} size="sm">
            {t('committees.publicPage')}
          </Anchor>
          <Anchor component={Link} to="/me/committees" size="sm">
            {t('committees.manage.back')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}

function ManageView({ committee }: { committee: Committee }) {
  const t = useT();
  usePageTitle(committee.name);
  const { can } = useSession();
  const rank = committee.myMembership?.rank ?? null;
  // The server decides (national staff may act in every committee); this only picks what to show.
  const organises = rank === 'organiser' || can('committees.manage');
  const manages = organises || rank === 'manager';
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t(manages ? 'committees.manage.subtitle' : 'committees.manage.subtitleMember')}
        </Text>
        <Title order={1}>{committee.name}</Title>
        <Group gap="sm">
          {rank && (
            <Group gap={6}>
              <Text size="sm">{t('committees.manage.yourRank')}</Text>
              <RankBadge rank={rank} />
            </Group>
          )}
          <Text size="sm" c="dimmed">
            {committee.place.label} ·{' '}
            {t('committees.memberCount', { count: committee.memberCount })}
          </Text>
          <Anchor href={`/committees/${committee.id}`} size="sm">
            {t('committees.publicPage')}
          </Anchor>
        </Group>
      </Stack>
      <StatusNotice committee={committee} />
      {!manages && !rank && <Forbidden committee={committee} />}
      {organises && <EditSection committee={committee} />}
      {organises && <CommitteePhoto committee={committee} />}
      {manages && <AreaSection committee={committee} />}
      {manages && <CommitteeDashboard committeeId={committee.id} />}
      {(manages || (rank && rankAtLeast(rank, 'member'))) && (
        <CommitteeBoard committeeId={committee.id} />
      )}
      {(manages || (rank && rankAtLeast(rank, 'member'))) && (
        <MessagesSection committee={committee} manages={manages} />
      )}
      {manages && <CommitteeEvents committeeId={committee.id} name={committee.name} />}
      {manages && <CommitteeTurfsSection committeeId={committee.id} />}
      {manages && (
        <Section title={t('committees.members.title')}>
          <CommitteeMembers
            committeeId={committee.id}
            name={committee.name}
            organises={organises}
          />
        </Section>
      )}
      {manages && <CertificationSection committeeId={committee.id} />}
      {rank && <MembershipSection committee={committee} />}
    </Stack>
  );
}

function ManageCommittee({ id }: { id: number }) {
  const committee = useCommittee(id);
  if (committee.error instanceof ApiError && committee.error.status === 404) {
    return <NotFoundPage />;
  }
  return <QueryState query={committee}>{(data) => <ManageView committee={data} />}</QueryState>;
}

export function ManageCommitteePage() {
  const { committeeId } = useParams();
  const id = Number(committeeId);
  return (
    <Container size="lg" px={0}>
      {Number.isInteger(id) && id > 0 ? <ManageCommittee key={id} id={id} /> : <NotFoundPage />}
    </Container>
  );
}
