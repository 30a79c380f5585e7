import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { backupsApi } from '../../../contracts/backups-api.ts';
import { call } from '../../core/api.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';

/** One line above the audit log: the backup schedule, the last backup and the last drill. */
export function BackupStatus() {
  const t = useT();
  const [locale] = useLocale();
  const status = useQuery({
    queryKey: ['admin', 'backups'],
    queryFn: () => call(backupsApi.status),
  });
  if (!status.data) return null;
  const { schedule, keep, runs } = status.data;
  const backup = runs.find((run) => run.action.startsWith('backup.scheduled'));
  const drill = runs.find((run) => run.action.startsWith('backup.drill'));
  const when = (run: (typeof runs)[number] | undefined, ok: string) =>
    run
      ? `${formatDateTime(run.at, locale)} (${run.action === ok ? t('backups.ok') : t('backups.failed')})`
      : t('backups.never');
  return (
    <Text size="sm" data-testid="backup-status">
      {schedule ? t('backups.schedule', { cron: schedule, keep }) : t('backups.off')}{' '}
      {t('backups.last', {
        backup: when(backup, 'backup.scheduled'),
        drill: when(drill, 'backup.drill'),
      })}
    </Text>
  );
}
