import { Button, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { donationsFinanceApi as api } from '../../../contracts/donations-finance-api.ts';
import { ApiError, call } from '../../core/api.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { DayInput } from '../../core/ui/DayInput.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { saveText } from './download.ts';
import { exportProblems, type ExportProblem } from './exportProblems.ts';

const files = ['mandataire.tsv', 'operations.tsv'] as const;
type File = (typeof files)[number];

/**
 * The commission's files: fetched first, so that a refusal (fields to fix) is shown here
 * instead of a download of an error.
 */
export function CommissionExport() {
  const t = useT();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ExportProblem[]>([]);
  const download = (file: File) => {
    setBusy(file);
    setError(null);
    setProblems([]);
    const query = { ...(from && { from }), ...(to && { to }) };
    call(api.commissionTsv, { params: { file }, query })
      .then((text) => saveText(text, file, 'text/tab-separated-values;charset=utf-8'))
      .catch((e: unknown) => {
        setProblems(exportProblems(e));
        setError(
          e instanceof ApiError && e.code === 'commission_export_party_only'
            ? t('finance.exports.partyOnly')
            : errorText(e, t),
        );
      })
      .finally(() => setBusy(null));
  };
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <DayInput label={t('finance.filter.from')} value={from} onChange={setFrom} />
        <DayInput label={t('finance.filter.to')} value={to} onChange={setTo} />
      </Group>
      <Group>
        {files.map((file) => (
          <Button
            key={file}
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={busy === file}
            onClick={() => download(file)}
          >
            {file}
          </Button>
        ))}
      </Group>
      <ErrorAlert
        message={
          error && (
            <Stack gap={4}>
              <Text size="sm">{error}</Text>
              {problems.length > 0 && (
                <List size="sm">
                  {problems.map((p, index) => (
                    <List.Item key={index}>
                      {p.donationId !== null &&
                        `${t('finance.exports.gift', { id: String(p.donationId) })} · `}
                      {p.field && `${p.field} : `}
                      {p.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          )
        }
      />
    </Stack>
  );
}
