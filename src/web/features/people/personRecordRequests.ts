import type { ContactInput } from '../../../contracts/person-records.ts';

export interface ContactFormValues {
  channel: ContactInput['channel'];
  outcome: ContactInput['outcome'];
  note: string;
  /** A datetime-local input's value: local time, to the minute. */
  at: string;
}

/** The contact logged, as POST /api/people/:id/contacts takes it (the time with its offset). */
export function contactRequest({ channel, outcome, note, at }: ContactFormValues): ContactInput {
  const when = new Date(at);
  // An unreadable time is sent as typed, for the schema to refuse it under its input.
  return {
    channel,
    outcome,
    note,
    contactedAt: at && !Number.isNaN(when.getTime()) ? when.toISOString() : at,
  };
}
