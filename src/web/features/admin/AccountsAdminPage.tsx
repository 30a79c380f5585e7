import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { StaffAccount } from '../../../contracts/admin.ts';
import { formatDateTime, fullName } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { AddAccountModal, EditAccountModal } from './AccountModals.tsx';
import { useAccounts } from './hooks.ts';
import { permissionLabel, roleKeys } from './RightsFields.tsx';

export function AccountsAdminPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('accounts.title'));
  const accounts = useAccounts();
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [adding, setAdding] = useState(false);
  const nameOf = (account: StaffAccount) =>
    fullName(account.firstName, account.lastName) || t('people.noName');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('accounts.title')}</Title>
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          onClick={() => setAdding(true)}
        >
          {t('accounts.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('accounts.intro')}
      </Text>
      <QueryState query={accounts}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('accounts.empty')}</Text>
          ) : (
            <ResponsiveTable
              items={list}
              label={t('accounts.title')}
              rowKey={(account) => account.personId}
              minWidth={720}
              columns={[
                {
                  header: t('people.name'),
                  title: true,
                  cell: (account) => (
                    <Anchor component={Link} to={`/hq/people/${account.personId}`}>
                      {nameOf(account)}
                    </Anchor>
                  ),
                },
                { header: t('field.email'), cell: (account) => account.email },
                {
                  header: t('accounts.roles'),
                  cell: (account) => (
                    <Group gap={4}>
                      {account.roles.map((role) => (
                        <Badge key={role} variant="light" tt="none">
                          {t(roleKeys[role])}
                        </Badge>
                      ))}
                    </Group>
                  ),
                },
                {
                  header: t('accounts.grants'),
                  cell: (account) => account.grants.map((g) => permissionLabel(g, t)).join(', '),
                },
                {
                  header: t('accounts.lastLogin'),
                  nowrap: true,
                  cell: (account) =>
                    account.lastLoginAt
                      ? formatDateTime(account.lastLoginAt, locale)
                      : t('accounts.never'),
                },
                {
                  header: t('common.actions'),
                  cell: (account) => (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(account)}
                      aria-label={t('accounts.editNamed', { name: nameOf(account) })}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
      {editing && <EditAccountModal account={editing} onClose={() => setEditing(null)} />}
      {adding && <AddAccountModal onClose={() => setAdding(false)} />}
    </Stack>
  );
}
