import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, fullName } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { AddAccountModal, EditAccountModal } from './AccountModals.tsx';
import { useAccounts } from './hooks.ts';
import { permissionLabel, roleKeys } from './RightsFields.tsx';
import type { StaffAccount } from './types.ts';

export function AccountsAdminPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('accounts.title'));
  const accounts = useAccounts();
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [adding, setAdding] = useState(false);

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
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="sm" aria-label={t('accounts.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('people.name')}</Table.Th>
                    <Table.Th>{t('field.email')}</Table.Th>
                    <Table.Th>{t('accounts.roles')}</Table.Th>
                    <Table.Th>{t('accounts.grants')}</Table.Th>
                    <Table.Th>{t('accounts.lastLogin')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((account) => {
                    const name =
                      fullName(account.firstName, account.lastName) || t('people.noName');
                    return (
                      <Table.Tr key={account.personId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/hq/people/${account.personId}`}>
                            {name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{account.email}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {account.roles.map((role) => (
                              <Badge key={role} variant="light" tt="none">
                                {t(roleKeys[role])}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {account.grants.map((g) => permissionLabel(g, t)).join(', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {account.lastLoginAt
                            ? formatDateTime(account.lastLoginAt, locale)
                            : t('accounts.never')}
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(account)}
                            aria-label={t('accounts.editNamed', { name })}
                          >
                            {t('common.edit')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {editing && <EditAccountModal account={editing} onClose={() => setEditing(null)} />}
      {adding && <AddAccountModal onClose={() => setAdding(false)} />}
    </Stack>
  );
}
