import { Checkbox, SimpleGrid, Stack } from '@mantine/core';
import {
  permissionSchema,
  roles,
  rolePermissions,
  type Permission,
  type Role,
} from '../../../contracts/roles.ts';
import { useT, type MessageKey } from '../../core/i18n/index.tsx';

export const roleKeys: Record<Role, MessageKey> = {
  admin: 'role.admin',
  staff: 'role.staff',
  finance: 'role.finance',
  moderator: 'role.moderator',
};

export function permissionLabel(permission: Permission, t: (key: MessageKey) => string): string {
  return t(`perm.${permission}`);
}

/** What an account may do: its roles, and permissions granted beyond them. */
export interface Rights {
  roles: Role[];
  grants: Permission[];
}

interface Props {
  value: Rights;
  /** Receives the part that changed (a form's `setValues`). */
  onChange: (change: Partial<Rights>) => void;
}

/** Roles, plus extra permissions granted one by one (those already given by a role are shown ticked and locked). */
export function RightsFields({ value: { roles: value, grants }, onChange }: Props) {
  const t = useT();
  const fromRoles = new Set(value.flatMap((role) => rolePermissions[role]));
  return (
    <Stack gap="md">
      <Checkbox.Group
        label={t('accounts.roles')}
        value={value}
        onChange={(v) => onChange({ roles: roles.filter((r) => v.includes(r)) })}
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt="xs">
          {roles.map((role) => (
            <Checkbox key={role} value={role} label={t(roleKeys[role])} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('accounts.grants')}
        description={t('accounts.grantsHelp')}
        value={[...new Set([...grants, ...fromRoles])]}
        onChange={(v) =>
          onChange({
            grants: permissionSchema.options.filter((p) => v.includes(p) && !fromRoles.has(p)),
          })
        }
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt="xs">
          {permissionSchema.options.map((permission) => (
            <Checkbox
              key={permission}
              value={permission}
              label={permissionLabel(permission, t)}
              disabled={fromRoles.has(permission)}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Stack>
  );
}
