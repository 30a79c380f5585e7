import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { useSession } from '../../core/session.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { useImportStatus } from './hooks.ts';
import { ImportCounts } from './ImportCounts.tsx';
import { ImportErrors } from './ImportErrors.tsx';
import { importsApi } from '../../../contracts/imports-api.ts';
import { call, urlOf } from '../../core/api.ts';

/** Asks the server to stop the import; it then undoes what it applied (status 'undoing'). */
function useImportCancel(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(importsApi.cancel, { params: { id } }),
    onSuccess: (report) => client.setQueryData(['imports', id], report),
  });
}

/** Follows a queued import every second, then shows its result and what to do next. */
export function ImportProgress({ id, onRestart }: { id: number; onRestart: () => void }) {
  const t = useT();
  const { can } = useSession();
  const status = useImportStatus(id);
  const cancel = useImportCancel(id);
  const report = status.data;
  const finished =
    report &&
    (report.status === 'applied' ||
      report.status === 'rejected' ||
      report.status === 'failed' ||
      report.status === 'cancelled');
  const done = report ? report.createdCount + report.mergedCount : 0;
  const percent =
    report && report.validRows > 0 ? Math.min(100, Math.round((done / report.validRows) * 100)) : 0;

  if (status.error && !report) {
    return (
      <Alert color="red" role="alert">
        {errorText(status.error, t)}
      </Alert>
    );
  }

  if (!finished) {
    return (
      <Section title={t('import.running')}>
        <Progress
          value={report?.status === 'running' ? Math.max(percent, 5) : 100}
          striped
          animated
          size="lg"
          aria-label={t('import.progress')}
        />
        <Text size="sm" role="status">
          {report?.status === 'undoing'
            ? t('import.undoing')
            : report?.cancelRequested
              ? t('import.cancelRequested')
              : report?.status === 'running'
                ? t('import.progressText', { percent })
                : t('import.queued')}
        </Text>
        <ErrorAlert message={cancel.isError ? errorText(cancel.error, t) : null} />
        {report && report.status !== 'undoing' && !report.cancelRequested && (
          <Button
            variant="default"
            color="red"
            w="fit-content"
            leftSection={<IconPlayerStop size={16} aria-hidden />}
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('import.cancel')}
          </Button>
        )}
      </Section>
    );
  }

  const hasErrors = report.invalidRows > 0 || report.errors.length > 0;
  return (
    <Section title={t('import.resultTitle')}>
      {report.status === 'applied' && (
        <Alert color="green" role="status">
          {t('import.applied')}
        </Alert>
      )}
      {report.status === 'rejected' && (
        <Alert color="orange" role="alert">
          {t('import.rejected')} {report.problem}
        </Alert>
      )}
      {report.status === 'failed' && (
        <Alert color="red" role="alert">
          {t('import.failed')} {report.problem}
        </Alert>
      )}
      {report.status === 'cancelled' && (
        <Alert color="orange" role="status">
          {t('import.cancelled')}
        </Alert>
      )}
      {(report.keptCount ?? 0) > 0 && (
        <Text size="sm">{t('import.kept', { count: report.keptCount ?? 0 })}</Text>
      )}
      <ImportCounts report={report} done />
      {hasErrors && (
        <Stack gap="xs">
          <ImportErrors errors={report.errors} />
          <Button
            component="a"
            href={urlOf(importsApi.errors, { params: { id } })}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            w="fit-content"
          >
            {t('import.downloadErrors')}
          </Button>
        </Stack>
      )}
      <Group>
        {can('people.read') && (
          <Button component={Link} to="/hq/people?sources=import">
            {t('import.seePeople')}
          </Button>
        )}
        <Button variant="default" onClick={onRestart}>
          {t('import.another')}
        </Button>
      </Group>
    </Section>
  );
}
