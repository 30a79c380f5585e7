import { Button, Group, NumberInput, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  eventReportInputSchema,
  type EventForEdit,
  type EventReportState,
} from '../../../contracts/events.ts';
import { applyProblem } from '../../core/errors.ts';
import { validateWith } from '../../core/form-validation.ts';
import { formatDateTime } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { QueryState } from '../../core/ui/QueryState.tsx';
import { Section } from '../../core/ui/Section.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { REPORT_FIGURES, reportRequest, reportValues, type ReportValues } from './forms.ts';
import { useEventReport, useSaveEventReport } from './hooks.ts';

function ReportForm({ eventId, state }: { eventId: number; state: EventReportState }) {
  const t = useT();
  const [locale] = useLocale();
  const save = useSaveEventReport(eventId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ReportValues>({
    initialValues: reportValues(state),
    validate: validateWith(eventReportInputSchema, t, reportRequest),
  });
  // Until a report is saved, attendance follows the check-ins still coming in, unless typed.
  const checkedIn = state.report ? null : state.checkedIn;
  useEffect(() => {
    if (checkedIn === null || form.isDirty('attendance')) return;
    if (form.getValues().attendance === checkedIn) return;
    form.setInitialValues({ ...form.getInitialValues(), attendance: checkedIn });
    form.setFieldValue('attendance', checkedIn);
  }, [checkedIn, form]);
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(reportRequest(values), {
      onSuccess: () => {
        form.resetDirty();
        notifications.show({ color: 'green', message: t('events.report.saved') });
      },
      onError: (error) => {
        setFormError(applyProblem(form, error, t, [...REPORT_FIGURES, 'notes']));
        focusFirstError();
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {state.report && (
          <Text size="sm" c="dimmed">
            {t('events.report.by', {
              at: formatDateTime(state.report.reportedAt, locale),
              name: state.report.reportedBy ?? '—',
            })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {REPORT_FIGURES.map((figure) => (
            <NumberInput
              key={figure}
              label={t(`events.report.${figure}`)}
              description={figure === 'attendance' ? t('events.report.attendanceHint') : undefined}
              required={figure === 'attendance'}
              withAsterisk={false}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              inputMode="numeric"
              size="md"
              {...form.getInputProps(figure)}
            />
          ))}
        </SimpleGrid>
        <Textarea
          label={t('events.report.notes')}
          description={t('events.report.notesHint')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('notes')}
        />
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('events.report.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The report after the event: how many came, doors, conversations, leaflets, calls, a few words. */
export function EventReportSection({ event }: { event: EventForEdit }) {
  const t = useT();
  const report = useEventReport(event.id);
  return (
    <Section title={t('events.report.title')} description={t('events.report.hint')}>
      <QueryState query={report}>
        {(state) =>
          state.started ? (
            <ReportForm eventId={event.id} state={state} />
          ) : (
            <Text size="sm">{t('events.report.notStarted')}</Text>
          )
        }
      </QueryState>
    </Section>
  );
}
