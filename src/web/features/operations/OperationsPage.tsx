import { Button, Progress, Stack, Text, Title } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { operationsApi } from '../../../contracts/operations-api.ts';
import type { Operation } from '../../../contracts/operations.ts';
import { call } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT, type MessageKey } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { ResponsiveTable } from '../../core/ui/ResponsiveTable.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';

const underWay = (operation: Operation) =>
  operation.status === 'queued' || operation.status === 'running';

/** Long work (imports now), newest first; followed every two seconds while some is under way. */
function useOperations() {
  return useQuery({
    queryKey: ['operations'],
    queryFn: () => call(operationsApi.list),
    refetchInterval: (query) => (query.state.data?.items.some(underWay) ? 2000 : false),
  });
}

/** Asks an operation under way to stop (an import then undoes what it applied). */
function useCancelOperation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(operationsApi.cancel, { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['operations'] }),
  });
}

const percentOf = (operation: Operation) =>
  operation.total ? Math.min(100, Math.round((operation.done / operation.total) * 100)) : 0;

const kindKeys: Record<string, MessageKey> = {
  'people.import': 'people.operations.kind.people.import',
  'field.import': 'people.operations.kind.field.import',
  'calling.list.import': 'people.operations.kind.calling.list.import',
};

export function OperationsPage() {
  const t = useT();
  const [locale] = useLocale();
  usePageTitle(t('people.operations.title'));
  const operations = useOperations();
  const cancel = useCancelOperation();
  const kindLabel = (kind: string) => (kind in kindKeys ? t(kindKeys[kind]) : kind);
  return (
    <Stack gap="md">
      <Title order={1}>{t('people.operations.title')}</Title>
      <ErrorAlert message={cancel.isError ? errorText(cancel.error, t) : null} />
      <QueryState query={operations}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm">{t('people.operations.empty')}</Text>
          ) : (
            <ResponsiveTable
              items={data.items}
              label={t('people.operations.title')}
              rowKey={(item) => item.id}
              striped={false}
              columns={[
                {
                  header: t('people.operations.what'),
                  title: true,
                  cell: (item) => (
                    <>
                      {item.label}
                      <Text size="xs" c="dimmed" fw={400}>
                        {kindLabel(item.kind)}
                      </Text>
                    </>
                  ),
                },
                {
                  header: t('people.operations.who'),
                  cell: (item) => item.startedByName ?? '—',
                },
                {
                  header: t('people.operations.when'),
                  nowrap: true,
                  cell: (item) => formatDateTime(item.startedAt ?? item.createdAt, locale),
                },
                {
                  header: t('people.operations.progress'),
                  cell: (item) => (
                    <Stack gap={4} miw={160}>
                      <Progress
                        value={percentOf(item)}
                        striped={underWay(item)}
                        animated={underWay(item)}
                        color={
                          item.status === 'failed'
                            ? 'red'
                            : item.status === 'cancelled'
                              ? 'gray'
                              : undefined
                        }
                        aria-label={t('people.operations.progressOf', { label: item.label })}
                      />
                      <Text size="xs" c="dimmed">
                        {t(`people.operations.status.${item.status}`)}
                        {underWay(item) && ` · ${percentOf(item)} %`}
                        {item.cancelRequested &&
                          item.status !== 'cancelled' &&
                          ` · ${t('people.operations.cancelRequested')}`}
                      </Text>
                      {item.cancellable && (
                        <Button
                          variant="default"
                          color="red"
                          size="xs"
                          w="fit-content"
                          leftSection={<IconPlayerStop size={14} aria-hidden />}
                          aria-label={t('people.operations.cancelOf', { label: item.label })}
                          loading={cancel.isPending && cancel.variables === item.id}
                          onClick={() => cancel.mutate(item.id)}
                        >
                          {t('common.cancel')}
                        </Button>
                      )}
                    </Stack>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Stack>
  );
}
