import { Button, Group, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CommitteeForEdit } from '../../../contracts/committees.ts';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { usePlaceRules } from '../../core/ui/CommuneField.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { CommitteeFields } from './CommitteeFields.tsx';
import {
  byRequestFields,
  committeeUpdateRequest,
  editValidation,
  editValues,
  requestFields,
  type CommitteeEditValues,
} from './forms.ts';
import { useUpdateCommittee } from './hooks.ts';

/** The organisers' form: what the committee's page says, where it meets, whether it is open. */
export function EditCommitteeForm({ committee }: { committee: CommitteeForEdit }) {
  const t = useT();
  const update = useUpdateCommittee(committee.id);
  const [formError, setFormError] = useState<string | null>(null);
  const place = usePlaceRules();
  const form = useForm<CommitteeEditValues>({
    initialValues: editValues(committee),
    validate: editValidation(t, place.validate),
  });
  const lookup = place.useLookup(form);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(committeeUpdateRequest(values), {
      onSuccess: (saved) => {
        form.resetDirty();
        notifications.show({
          color: saved.status === 'held' ? 'orange' : 'green',
          message: t(
            saved.status === 'held' ? 'committees.edit.savedHeld' : 'committees.edit.saved',
          ),
        });
      },
      onError: (error) => {
        setFormError(applyProblem(byRequestFields(form), error, t, requestFields));
        focusFirstError();
      },
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <CommitteeFields
          inputProps={(field) => form.getInputProps(field)}
          lookup={lookup}
          communeCode={form.values.communeCode}
          onCommuneChange={(code) => form.setFieldValue('communeCode', code)}
          communeError={form.errors.communeCode}
          placeLabel={committee.place.label}
        />
        <Switch
          label={t('committees.edit.openToMembers')}
          description={t('committees.edit.openToMembersHint')}
          {...form.getInputProps('openToMembers', { type: 'checkbox' })}
        />
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
