import { MultiSelect, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { rankAtLeast } from '../../../contracts/access.ts';
import type { Turf } from '../../../contracts/field-turfs.ts';
import { ApiError } from '../../core/api.ts';
import { applyProblem } from '../../core/errors.ts';
import { fullName } from '../../core/format.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { useCommitteeMembers } from '../committees/hooks.ts';
import { organiserErrorText, useAssignCommitteeTurf } from './organiser-hooks.ts';

interface Values {
  startsOn: string;
  endsOn: string;
  volunteerIds: string[];
}

/**
 * The members one may give the turf to (the first page of members: organisers, managers and
 * members; followers are not members), and those it is given to already, whoever they are.
 */
function useMemberOptions(committeeId: number, turf: Turf) {
  const members = useCommitteeMembers(committeeId, 1);
  const options = new Map<string, string>();
  for (const member of members.data?.items ?? []) {
    if (!rankAtLeast(member.rank, 'member')) continue;
    options.set(
      String(member.personId),
      fullName(member.firstName, member.lastName) || `#${member.personId}`,
    );
  }
  for (const volunteer of turf.volunteers) {
    if (!options.has(String(volunteer.personId))) {
      options.set(String(volunteer.personId), volunteer.name || `#${volunteer.personId}`);
    }
  }
  return {
    loading: members.isPending,
    data: [...options].map(([value, label]) => ({ value, label })),
  };
}

function AssignForm({
  committeeId,
  turf,
  onClose,
}: {
  committeeId: number;
  turf: Turf;
  onClose: () => void;
}) {
  const t = useT();
  const assign = useAssignCommitteeTurf(committeeId);
  const members = useMemberOptions(committeeId, turf);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      startsOn: turf.startsOn ?? '',
      endsOn: turf.endsOn ?? '',
      volunteerIds: turf.volunteers.map((v) => String(v.personId)),
    },
    validate: {
      endsOn: (endsOn, { startsOn }) =>
        startsOn && endsOn && endsOn < startsOn ? t('field.error.ends_before_start') : null,
    },
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    assign.mutate(
      {
        turfId: turf.id,
        change: {
          startsOn: values.startsOn || null,
          endsOn: values.endsOn || null,
          volunteerIds: values.volunteerIds.map(Number),
        },
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('field.organisers.saved', { name: turf.name }),
          });
          onClose();
        },
        onError: (failure) => {
          if (failure instanceof ApiError && failure.code === 'volunteer_not_member') {
            form.setFieldError('volunteerIds', organiserErrorText(failure, t));
            return;
          }
          const rest = applyProblem(form, failure, t, ['startsOn', 'endsOn']);
          setError(rest && organiserErrorText(failure, t));
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DayInput
            label={t('field.organisers.startsOn')}
            value={form.values.startsOn}
            onChange={(day) => form.setFieldValue('startsOn', day)}
            error={form.errors.startsOn}
          />
          <DayInput
            label={t('field.organisers.endsOn')}
            value={form.values.endsOn}
            onChange={(day) => form.setFieldValue('endsOn', day)}
            error={form.errors.endsOn}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('field.organisers.members')}
          description={t('field.organisers.membersHelp')}
          data={members.data}
          searchable
          clearable
          maxValues={50}
          disabled={members.loading}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('volunteerIds')}
        />
        <ModalFooter
          error={error}
          onCancel={onClose}
          confirmLabel={t('common.save')}
          loading={assign.isPending}
        />
      </Stack>
    </form>
  );
}

/** A committee's turf given to members, for dates. */
export function CommitteeTurfModal({
  committeeId,
  turf,
  onClose,
}: {
  committeeId: number;
  turf: Turf | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <AppModal
      opened={turf !== null}
      onClose={onClose}
      title={turf ? t('field.organisers.assignTitle', { name: turf.name }) : ''}
    >
      {turf && <AssignForm key={turf.id} committeeId={committeeId} turf={turf} onClose={onClose} />}
    </AppModal>
  );
}
