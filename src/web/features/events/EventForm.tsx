import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import type { eventsApi } from '../../../contracts/events-api.ts';
import type { CallInput } from '../../../contracts/route.ts';
import { ApiError } from '../../core/api.ts';
import { applyProblem } from '../../core/errors.ts';
import { useT } from '../../core/i18n/index.tsx';
import { usePlaceRules } from '../../core/ui/CommuneField.tsx';
import { ErrorAlert } from '../../core/ui/ErrorAlert.tsx';
import { focusFirstError } from '../../core/validation.ts';
import { isoToZoned, zonedToIso } from '../../core/zoned-time.ts';
import { EventFields } from './EventFields.tsx';
import {
  byRequestFields,
  eventRequest,
  eventValidation,
  requestFields,
  type EventValues,
} from './forms.ts';

type EventBody = CallInput<typeof eventsApi.create>['body'];

const TWO_HOURS = 2 * 3600_000;

/** Two hours after a start on the campaign's clock, for an end not chosen yet. */
function twoHoursAfter(start: string): string | null {
  const iso = zonedToIso(start);
  return iso ? isoToZoned(new Date(Date.parse(iso) + TWO_HOURS).toISOString()) : null;
}

interface Props {
  initialValues: EventValues;
  submitLabel: string;
  pending: boolean;
  /** Sends the request; resolves once saved, rejects with the API's problem. */
  onSubmit: (body: EventBody) => Promise<unknown>;
  placeLabel?: string;
  /** Under the fields, before the buttons (a cancel link…). */
  extraActions?: ReactNode;
}

/**
 * The event form, creation and editing alike: checked with the route's schema before sending,
 * the server's field problems put under their fields, and the pre-election silence said
 * plainly when the server refuses campaigning then.
 */
export function EventForm({
  initialValues,
  submitLabel,
  pending,
  onSubmit,
  placeLabel,
  extraActions,
}: Props) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const [silence, setSilence] = useState(false);
  const place = usePlaceRules();
  const form = useForm<EventValues>({
    initialValues,
    validate: eventValidation(t, place.validate),
  });
  const lookup = place.useLookup(form);

  const setValue = <K extends keyof EventValues>(field: K, value: EventValues[K]) => {
    form.setFieldValue(field, value as never);
    if (field === 'startsAt' && typeof value === 'string') {
      // An end not chosen yet, or now before the start, follows it by two hours.
      const end = form.getValues().endsAt;
      const startIso = zonedToIso(value);
      const endIso = zonedToIso(end);
      if (startIso && (!endIso || Date.parse(endIso) <= Date.parse(startIso))) {
        const later = twoHoursAfter(value);
        if (later) form.setFieldValue('endsAt', later);
      }
    }
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    setSilence(false);
    onSubmit(eventRequest(values)).then(
      () => form.resetDirty(),
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'pre_election_silence') {
          setSilence(true);
          return;
        }
        setFormError(applyProblem(byRequestFields(form), error, t, requestFields));
        focusFirstError();
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <EventFields
          values={form.values}
          inputProps={(field) => form.getInputProps(field)}
          errors={form.errors}
          setValue={setValue}
          lookup={lookup}
          placeLabel={placeLabel}
        />
        {silence && (
          <Alert color="orange" role="alert" title={t('events.error.silenceTitle')}>
            {t('events.error.pre_election_silence')}
          </Alert>
        )}
        <ErrorAlert message={formError} />
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {extraActions}
        </Group>
      </Stack>
    </form>
  );
}
