import { Button, Group, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { privacyApi } from '../../../contracts/privacy-api.ts';
import { auditExportQuerySchema } from '../../../contracts/privacy.ts';
import { urlOf } from '../../core/api.ts';
import { translateCode } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';

/** The audit log's CSV export, filtered by days and action (the export is itself audited). */
export function AuditExport() {
  const t = useT();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [action, setAction] = useState('');
  const query = {
    from: from || undefined,
    to: to || undefined,
    action: action.trim() || undefined,
  };
  const checked = auditExportQuerySchema.safeParse(query);
  const actionError = checked.error?.issues.find((i) => i.path[0] === 'action')?.message;
  return (
    <Group gap="sm" align="flex-end" role="group" aria-label={t('privacy.auditExport.title')}>
      <DayInput label={t('privacy.auditExport.from')} value={from} onChange={setFrom} />
      <DayInput label={t('privacy.auditExport.to')} value={to} onChange={setTo} />
      <TextInput
        label={t('privacy.auditExport.action')}
        value={action}
        maxLength={60}
        onChange={(e) => setAction(e.currentTarget.value)}
        error={actionError ? translateCode(actionError, t) : undefined}
      />
      <Button
        component="a"
        variant="default"
        href={checked.success ? urlOf(privacyApi.auditExport, { query: checked.data }) : undefined}
        download
        data-disabled={!checked.success || undefined}
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        {t('privacy.auditExport.download')}
      </Button>
    </Group>
  );
}
