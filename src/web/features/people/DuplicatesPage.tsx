import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DuplicatePair } from '../../../contracts/duplicates.ts';
import { formatDateTime, formatPhone, fullName } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { ServerPagination } from '../../core/ui/ServerPagination.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { mergeErrorText, reasonKeys } from './duplicateLabels.ts';
import { useDuplicates, useSearchDuplicates } from './duplicatesHooks.ts';

function PersonCell({ person }: { person: DuplicatePair['first'] }) {
  const t = useT();
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/hq/people/${person.id}`} size="sm">
        {fullName(person.firstName, person.lastName) || t('people.noName')}
      </Anchor>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {[person.email, formatPhone(person.phone), person.communeName].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

/** Likely duplicates, pair by pair, with why each matches; each opens the comparison. */
export function DuplicatesPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('duplicates.title'));
  const [page, setPage] = useState(1);
  const list = useDuplicates(page);
  const search = useSearchDuplicates();
  const searching = search.isPending || !!list.data?.searching;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('duplicates.title')}</Title>
        <Button loading={searching} onClick={() => search.mutate()}>
          {t('duplicates.searchAgain')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {list.data?.foundAt
          ? t('duplicates.foundAt', { date: formatDateTime(list.data.foundAt, locale) })
          : t('duplicates.neverSearched')}
      </Text>
      <ErrorAlert message={search.isError ? mergeErrorText(search.error, t) : null} />
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('duplicates.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <ResponsiveTable
                label={t('duplicates.title')}
                items={data.items}
                rowKey={(pair) => `${pair.first.id}-${pair.second.id}`}
                columns={[
                  {
                    header: t('duplicates.first'),
                    title: true,
                    cell: (pair) => <PersonCell person={pair.first} />,
                  },
                  {
                    header: t('duplicates.second'),
                    cell: (pair) => <PersonCell person={pair.second} />,
                  },
                  {
                    header: t('duplicates.why'),
                    cell: (pair) => (
                      <Group gap={4}>
                        {pair.reasons.map((reason) => (
                          <Badge key={reason} variant="light" tt="none">
                            {t(reasonKeys[reason])}
                          </Badge>
                        ))}
                      </Group>
                    ),
                  },
                  {
                    header: t('common.actions'),
                    cell: (pair) => (
                      <Button
                        component={Link}
                        to={`/hq/duplicates/${pair.first.id}/${pair.second.id}`}
                        size="xs"
                        variant="light"
                        aria-label={t('duplicates.compareLabel', {
                          first:
                            fullName(pair.first.firstName, pair.first.lastName) ||
                            `#${pair.first.id}`,
                          second:
                            fullName(pair.second.firstName, pair.second.lastName) ||
                            `#${pair.second.id}`,
                        })}
                      >
                        {t('duplicates.compare')}
                      </Button>
                    ),
                  },
                ]}
              />
              <ServerPagination
                page={page}
                total={data.total}
                pageSize={data.pageSize}
                onChange={setPage}
              />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
