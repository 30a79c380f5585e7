import { Alert, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Permission, Role } from '../../../contracts/roles.ts';
import { ApiError } from '../../core/api.ts';
import { errorText, fieldErrorText } from '../../core/errors.ts';
import { fullName } from '../../core/format.ts';
import { useT } from '../../core/i18n/index.tsx';
import { AppModal } from '../../core/ui/AppModal.tsx';
import { ModalFooter } from '../../core/ui/ModalFooter.tsx';
import { focusFirstError, isEmail } from '../../core/validation.ts';
import { useAddAccount, useUpdateAccount } from './hooks.ts';
import { RightsFields } from './RightsFields.tsx';
import type { StaffAccount } from './types.ts';

export function EditAccountModal({
  account,
  onClose,
}: {
  account: StaffAccount;
  onClose: () => void;
}) {
  const t = useT();
  const update = useUpdateAccount();
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [grants, setGrants] = useState<Permission[]>(account.grants);
  const name =
    fullName(account.firstName, account.lastName) || account.email || `#${account.personId}`;

  const save = () =>
    update.mutate(
      { personId: account.personId, roles, grants },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('accounts.saved', { name }) });
          onClose();
        },
      },
    );

  return (
    <AppModal opened onClose={onClose} title={t('accounts.editTitle', { name })} size="lg">
      <Stack>
        <RightsFields roles={roles} grants={grants} onRoles={setRoles} onGrants={setGrants} />
        {roles.length === 0 && grants.length === 0 && (
          <Alert color="orange">{t('accounts.noRightsWarning')}</Alert>
        )}
        <ModalFooter
          error={update.isError ? errorText(update.error, t) : null}
          onCancel={onClose}
          confirmLabel={t('common.save')}
          onConfirm={save}
          loading={update.isPending}
        />
      </Stack>
    </AppModal>
  );
}

export function AddAccountModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const add = useAddAccount();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [roles, setRoles] = useState<Role[]>(['staff']);
  const [grants, setGrants] = useState<Permission[]>([]);
  const [formError, setFormError] = useState<string | null>(null);

  const save = () => {
    setFormError(null);
    if (!isEmail(email)) {
      setEmailError(email.trim() ? t('error.invalid_email') : t('error.required'));
      focusFirstError();
      return;
    }
    add.mutate(
      { email: email.trim(), roles, grants },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('accounts.added', { email: email.trim() }),
          });
          onClose();
        },
        onError: (error) => {
          const emailProblem =
            error instanceof ApiError ? error.errors.find((e) => e.field === 'email') : undefined;
          if (emailProblem) setEmailError(fieldErrorText(emailProblem, t));
          else if (error instanceof ApiError && error.status === 404)
            setEmailError(t('accounts.unknownPerson'));
          else setFormError(errorText(error, t));
          focusFirstError();
        },
      },
    );
  };

  return (
    <AppModal opened onClose={onClose} title={t('accounts.addTitle')} size="lg">
      <Stack>
        <TextInput
          label={t('field.email')}
          description={t('accounts.addHelp')}
          type="email"
          required
          value={email}
          error={emailError}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            setEmailError(null);
          }}
          data-autofocus
        />
        <RightsFields roles={roles} grants={grants} onRoles={setRoles} onGrants={setGrants} />
        <ModalFooter
          error={formError}
          onCancel={onClose}
          confirmLabel={t('accounts.add')}
          onConfirm={save}
          loading={add.isPending}
        />
      </Stack>
    </AppModal>
  );
}
