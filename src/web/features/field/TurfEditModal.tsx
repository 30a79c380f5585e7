import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { turfUpdateSchema, type Turf } from '../../../contracts/field-turfs.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWithRules } from '../../core/form-validation.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { CommitteePicker, type CommitteeChoice } from './CommitteePicker.tsx';
import { fieldErrorText } from './fieldErrors.ts';
import type { PickOption } from './pickerHooks.ts';
import { useUpdateTurf, type TurfChange } from './turfHooks.ts';
import { VolunteerPicker } from './VolunteerPicker.tsx';

interface Values {
  name: string;
  committee: CommitteeChoice | null;
  startsOn: string;
  endsOn: string;
  volunteers: PickOption[];
}

const fields = ['name', 'startsOn', 'endsOn'];

const toChange = (values: Values): TurfChange => ({
  name: values.name,
  committeeId: values.committee?.id ?? null,
  startsOn: values.startsOn || null,
  endsOn: values.endsOn || null,
  volunteerIds: values.volunteers.map((person) => person.id),
});

const valuesOf = (turf: Turf): Values => ({
  name: turf.name,
  committee:
    turf.committeeId === null ? null : { id: turf.committeeId, name: turf.committeeName ?? '' },
  startsOn: turf.startsOn ?? '',
  endsOn: turf.endsOn ?? '',
  volunteers: turf.volunteers.map((v) => ({ id: v.personId, label: v.name })),
});

function TurfForm({ turf, onClose }: { turf: Turf; onClose: () => void }) {
  const t = useT();
  const update = useUpdateTurf();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(turf),
    validate: validateWithRules<Values>(turfUpdateSchema, t, toChange, {
      endsOn: (endsOn, { startsOn }) =>
        startsOn && endsOn && endsOn < startsOn ? t('field.error.ends_before_start') : null,
    }),
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    update.mutate(
      { id: turf.id, change: toChange(values) },
      {
        onSuccess: onClose,
        onError: (failure) =>
          setError(applyProblem(form, failure, t, fields) && fieldErrorText(failure, t)),
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('field.turf.name')}
          required
          maxLength={120}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <CommitteePicker
          value={form.values.committee}
          onChange={(committee) => form.setFieldValue('committee', committee)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DayInput
            label={t('field.turf.startsOn')}
            value={form.values.startsOn}
            onChange={(day) => form.setFieldValue('startsOn', day)}
            error={form.errors.startsOn}
          />
          <DayInput
            label={t('field.turf.endsOn')}
            value={form.values.endsOn}
            onChange={(day) => form.setFieldValue('endsOn', day)}
            error={form.errors.endsOn}
          />
        </SimpleGrid>
        <VolunteerPicker
          value={form.values.volunteers}
          onChange={(people) => form.setFieldValue('volunteers', people)}
        />
        <ModalFooter
          error={error}
          onCancel={onClose}
          confirmLabel={t('common.save')}
          loading={update.isPending}
        />
      </Stack>
    </form>
  );
}

/** A turf's name, committee, dates and volunteers. */
export function TurfEditModal({ turf, onClose }: { turf: Turf | null; onClose: () => void }) {
  const t = useT();
  return (
    <AppModal
      opened={turf !== null}
      onClose={onClose}
      title={turf ? t('field.turf.editTitle', { name: turf.name }) : ''}
      size="lg"
    >
      {turf && <TurfForm key={turf.id} turf={turf} onClose={onClose} />}
    </AppModal>
  );
}
