import { Alert, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { roleUpdateSchema } from '../../../contracts/accounts.ts';
import {
  staffInviteSchema,
  type StaffAccount,
  type StaffInvite,
} from '../../../contracts/admin.ts';
import { ApiError } from '../../core/api.ts';
import { applyProblem, errorText } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { fullName } from '../../core/format.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { useAddAccount, useUpdateAccount } from './hooks.ts';
import { RightsFields, type Rights } from './RightsFields.tsx';

export function EditAccountModal({
  account,
  onClose,
}: {
  account: StaffAccount;
  onClose: () => void;
}) {
  const t = useT();
  const update = useUpdateAccount();
  const form = useForm<Rights>({
    initialValues: { roles: account.roles, grants: account.grants },
    validate: validateWith(roleUpdateSchema, t),
  });
  const name =
    fullName(account.firstName, account.lastName) || account.email || `#${account.personId}`;

  const save = form.onSubmit((values) =>
    update.mutate(
      { personId: account.personId, ...values },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('accounts.saved', { name }) });
          onClose();
        },
      },
    ),
  );
  const { roles, grants } = form.values;

  return (
    <AppModal opened onClose={onClose} title={t('accounts.editTitle', { name })} size="lg">
      <form onSubmit={save} noValidate>
        <Stack>
          <RightsFields value={form.values} onChange={form.setValues} />
          {roles.length === 0 && grants.length === 0 && (
            <Alert color="orange">{t('accounts.noRightsWarning')}</Alert>
          )}
          <ModalFooter
            error={update.isError ? errorText(update.error, t) : null}
            onCancel={onClose}
            confirmLabel={t('common.save')}
            loading={update.isPending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}

export function AddAccountModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const add = useAddAccount();
  const form = useForm<StaffInvite & Rights>({
    initialValues: { email: '', roles: ['staff'], grants: [] },
    validate: validateWith(staffInviteSchema, t),
  });
  const [formError, setFormError] = useState<string | null>(null);

  const save = form.onSubmit((values) => {
    setFormError(null);
    const email = values.email.trim();
    add.mutate(
      { ...values, email },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('accounts.added', { email }) });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 404)
            form.setFieldError('email', t('accounts.unknownPerson'));
          else setFormError(applyProblem(form, error, t, ['email']));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

  return (
    <AppModal opened onClose={onClose} title={t('accounts.addTitle')} size="lg">
      <form onSubmit={save} noValidate>
        <Stack>
          <TextInput
            label={t('field.email')}
            description={t('accounts.addHelp')}
            type="email"
            required
            {...form.getInputProps('email')}
            data-autofocus
          />
          <RightsFields value={form.values} onChange={form.setValues} />
          <ModalFooter
            error={formError}
            onCancel={onClose}
            confirmLabel={t('accounts.add')}
            loading={add.isPending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
