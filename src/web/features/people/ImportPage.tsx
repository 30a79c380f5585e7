import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Stack,
  Stepper,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportReport, ImportTarget } from '../../../contracts/people.ts';
import { errorText } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { usePageTitle } from '../../core/ui/usePageTitle.ts';
import { useImportPreview, useImportStart, useImportStatus, useTags } from './hooks.ts';
import { ImportCounts } from './ImportCounts.tsx';
import { ImportErrors } from './ImportErrors.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportPresetChoice } from '../integrations/ImportPresetChoice.tsx';
import { ImportMapping } from './ImportMapping.tsx';
import { ImportProgress } from './ImportProgress.tsx';

interface Options {
  mapping: Record<string, ImportTarget>;
  tags: string[];
  applyValidRows: boolean;
  /** Blank: the server records its default ('import'). */
  consentWordingVersion: string;
}

const initialOptions: Options = {
  mapping: {},
  tags: [],
  applyValidRows: false,
  consentWordingVersion: '',
};

function formData(file: File, options: Options): FormData {
  const { consentWordingVersion, ...rest } = options;
  const wording = consentWordingVersion.trim();
  const body = new FormData();
  // Options first: a streaming multipart reader sees them before the file.
  body.append(
    'options',
    JSON.stringify(wording ? { ...rest, consentWordingVersion: wording } : rest),
  );
  body.append('file', file, file.name);
  return body;
}

export function ImportPage() {
  const t = useT();
  usePageTitle(t('import.title'));
  const tags = useTags();
  const preview = useImportPreview();
  const start = useImportStart();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>(initialOptions);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [importId, setImportId] = useState<number | null>(null);

  const runPreview = (f: File, next: Options) => {
    preview.mutate(formData(f, next), {
      onSuccess: (result) => {
        setReport(result);
        setOptions((prev) => ({ ...prev, mapping: result.mapping }));
      },
    });
  };

  const chooseFile = (f: File | null) => {
    setFile(f);
    setReport(null);
    preview.reset();
    const next = { ...options, mapping: {} };
    setOptions(next);
    if (f) runPreview(f, next);
  };

  const changeOptions = (change: Partial<Options>, again: boolean) => {
    const next = { ...options, ...change };
    setOptions(next);
    if (again && file) runPreview(file, next);
  };

  const launch = () => {
    if (!file) return;
    start.mutate(formData(file, options), {
      onSuccess: (result) => {
        if (result.id !== null) setImportId(result.id);
      },
    });
  };

  const restart = () => {
    setFile(null);
    setReport(null);
    setImportId(null);
    setOptions(initialOptions);
    preview.reset();
    start.reset();
  };

  const status = useImportStatus(importId).data?.status;
  const finished =
    status === 'applied' || status === 'rejected' || status === 'failed' || status === 'cancelled';
  const active = finished ? 3 : importId !== null ? 2 : report ? 1 : 0;
  const blocked =
    !report ||
    report.validRows === 0 ||
    (report.invalidRows > 0 && !options.applyValidRows) ||
    Boolean(report.problem);

  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('import.title')}</Title>
      <Stepper active={active} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('import.step1')} />
        <Stepper.Step label={t('import.step2')} />
        <Stepper.Step label={t('import.step3')} />
      </Stepper>

      {importId !== null ? (
        <ImportProgress id={importId} onRestart={restart} />
      ) : (
        <>
          <Section title={t('import.step1')} description={t('import.fileHelp')}>
            <FileInput
              label={t('import.file')}
              placeholder={t('import.filePlaceholder')}
              accept=".csv,text/csv"
              value={file}
              onChange={chooseFile}
              clearable
              leftSection={<IconFileTypeCsv size={18} aria-hidden />}
            />
            {preview.isPending && (
              <Text size="sm" role="status">
                {t('import.analysing')}
              </Text>
            )}
            <ErrorAlert message={preview.isError ? errorText(preview.error, t) : null} />
          </Section>

          {report && (
            <Section title={t('import.step2')} description={t('import.mappingHelp')}>
              {report.problem && (
                <Alert color="orange" role="alert">
                  {report.problem}
                </Alert>
              )}
              <ImportPresetChoice
                headers={report.headers}
                mapping={options.mapping}
                onChange={(mapping) => changeOptions({ mapping }, true)}
                disabled={preview.isPending}
              />
              <ImportMapping
                report={report}
                mapping={options.mapping}
                onChange={(mapping) => changeOptions({ mapping }, true)}
                disabled={preview.isPending}
              />
              <TagsInput
                label={t('import.tags')}
                description={t('import.tagsHelp')}
                data={(tags.data ?? []).map((tag) => tag.name)}
                value={options.tags}
                onChange={(value) => changeOptions({ tags: value }, false)}
                clearable
                maxTags={20}
              />
              <TextInput
                label={t('import.wordingVersion')}
                description={t('import.wordingVersionHelp')}
                value={options.consentWordingVersion}
                onChange={(e) =>
                  changeOptions({ consentWordingVersion: e.currentTarget.value }, false)
                }
                maxLength={60}
              />
              <ImportCounts report={report} />
              {report.errors.length > 0 && (
                <>
                  <Title order={3} size="h5">
                    {t('import.errorsTitle')}
                  </Title>
                  <ImportErrors errors={report.errors} />
                  <Checkbox
                    label={t('import.applyValidRows', { count: report.validRows })}
                    checked={options.applyValidRows}
                    onChange={(e) =>
                      changeOptions({ applyValidRows: e.currentTarget.checked }, false)
                    }
                  />
                </>
              )}
              <ErrorAlert message={start.isError ? errorText(start.error, t) : null} />
              <Group>
                <Button
                  onClick={launch}
                  loading={start.isPending}
                  disabled={blocked || preview.isPending}
                >
                  {t('import.start', { count: report.validRows })}
                </Button>
                {report.invalidRows > 0 && !options.applyValidRows && (
                  <Text size="sm">{t('import.fixOrApply')}</Text>
                )}
              </Group>
            </Section>
          )}
        </>
      )}
      <ImportHistory />
    </Stack>
  );
}
