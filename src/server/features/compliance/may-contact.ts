import type {
  ContactChannel,
  ContactPurpose,
  ContactRefusal,
  ElectionRound,
  Territory,
} from '../../../contracts/compliance.ts';
import { territories } from '../../../contracts/compliance.ts';
import { closedUntil, defaultQuietHours, type TimeRule } from './quiet-hours.ts';
import { silenceUntil } from './silence.ts';
import { territoryOf } from './territories.ts';

/** The slot a person agreed to for automated calls (CNIL), on their local clock. */
export interface AgreedSlot {
  /** ISO weekdays (1 Monday … 7 Sunday). */
  weekdays: number[];
  /** "HH:MM" */
  from: string;
  /** "HH:MM", excluded */
  to: string;
}

export interface ConsentState {
  status: 'granted' | 'withdrawn';
  /** Required with a granted automated-call consent. */
  slot?: AgreedSlot | null;
}

/** What the gate needs to know of a person. */
export interface ContactSubject {
  departementCode?: string | null;
  communeCode?: string | null;
  /** The current consent per channel; a channel left out was never asked. */
  consents: Partial<Record<ContactChannel, ConsentState>>;
}

export interface ContactQuestion {
  person: ContactSubject;
  channel: ContactChannel;
  purpose: ContactPurpose;
  at: Date;
}

export interface ComplianceRules {
  /** Every round of the campaign's elections, with its day per territory. */
  rounds: readonly ElectionRound[];
  quietHours?: Record<ContactChannel, TimeRule | null>;
}

export type ContactDecision =
  | { allowed: true; territory: Territory | null }
  | {
      allowed: false;
      reason: ContactRefusal;
      /** For a refusal that passes with time: the earliest moment to ask again. */
      until?: Date;
      territory: Territory | null;
    };

/**
 * May the campaign reach this person on this channel for this purpose at this moment, and if
 * not, why. Transactional messages (login, confirmation, invitation) are always allowed: the
 * person asked for them. Otherwise, in this order: a consent to the channel (withdrawn is
 * `opted_out`; automated calls also need the agreed slot), the pre-election silence where the
 * person votes, the channel's quiet hours, then the agreed slot. A person whose place is not
 * known is silent when any territory is, and keeps metropolitan hours.
 */
export function mayContact(question: ContactQuestion, rules: ComplianceRules): ContactDecision {
  const { person, channel, purpose, at } = question;
  const territory = territoryOf(person);
  const refuse = (reason: ContactRefusal, until?: Date): ContactDecision =>
    until ? { allowed: false, reason, until, territory } : { allowed: false, reason, territory };
  if (purpose === 'transactional') return { allowed: true, territory };

  const consent = person.consents[channel];
  if (!consent) return refuse('no_consent');
  if (consent.status === 'withdrawn') return refuse('opted_out');
  if (channel === 'automated_call' && !consent.slot) return refuse('no_agreed_slot');

  const silence = latest(
    (territory ? [territory] : territories).map((t) => silenceUntil(rules.rounds, t, at)),
  );
  if (silence) return refuse('pre_election_silence', silence);

  const clockOf = territory ?? 'metropole';
  const quiet = (rules.quietHours ?? defaultQuietHours)[channel];
  const quietUntil = quiet && closedUntil(quiet, clockOf, at);
  if (quietUntil) return refuse('quiet_hours', quietUntil);

  if (consent.slot) {
    const slotRule: TimeRule = {
      weekdays: consent.slot.weekdays,
      windows: [[consent.slot.from, consent.slot.to]],
      closedOnPublicHolidays: false,
    };
    const slotUntil = closedUntil(slotRule, clockOf, at);
    if (slotUntil) return refuse('outside_agreed_slot', slotUntil);
  }
  return { allowed: true, territory };
}

function latest(moments: Array<Date | null>): Date | null {
  return moments.reduce<Date | null>((max, m) => (m && (!max || m > max) ? m : max), null);
}
