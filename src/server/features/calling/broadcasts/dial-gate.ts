import type { CallingWindows } from '../../../../contracts/calling.ts';
import type { ElectionRound, Territory } from '../../../../contracts/compliance.ts';
import { mayContact, type ContactSubject } from '../../compliance/may-contact.ts';
import { closedUntil } from '../../compliance/quiet-hours.ts';

/** A claimed number as the gate sees it. */
export interface DialCandidate {
  targetId: number;
  e164: string;
  personId: number | null;
  /** The number's territory (its clock and caller-ID range); null abroad. */
  territory: Territory | null;
  slot: { weekdays: number[]; from: string; to: string } | null;
}

export type DialDecision =
  | { dial: true }
  | { dial: false; until: Date; reason: string }
  | { dial: false; done: 'opted_out' | 'no_consent' | 'ended'; reason: string };

export interface DialRules {
  windows: CallingWindows;
  startsAt: Date | null;
  endsAt: Date | null;
  rounds: readonly ElectionRound[];
}

/**
 * Decided when each number is dialled, never only when it was queued: the broadcast's dates
 * and windows on the number's clock, then the compliance gate (consent and the agreed slot,
 * pre-election silence where the number is, the hours of automated calls). `people` holds
 * the current consents of the audience's people; a listed number carries the consent its
 * list gave. Numbers on the opt-out list are settled before.
 */
export function dialDecision(
  candidate: DialCandidate,
  rules: DialRules,
  people: ReadonlyMap<number, ContactSubject>,
  at: Date,
): DialDecision {
  if (rules.endsAt && at >= rules.endsAt) {
    return { dial: false, done: 'ended', reason: 'the broadcast has ended' };
  }
  if (rules.startsAt && at < rules.startsAt) {
    return { dial: false, until: rules.startsAt, reason: 'not started' };
  }
  const clock = candidate.territory ?? 'metropole';
  const windows = {
    ...rules.windows,
    windows: rules.windows.windows.map(([from, to]) => [from!, to!] as const),
  };
  const windowUntil = closedUntil(windows, clock, at);
  if (windowUntil) return { dial: false, until: windowUntil, reason: 'outside the windows' };
  // The number's territory decides the clock and the silence; abroad, every territory's.
  const place = { departementCode: candidate.territory };
  let subject: ContactSubject;
  if (candidate.personId !== null) {
    const person = people.get(candidate.personId);
    if (!person) return { dial: false, done: 'no_consent', reason: 'the person was erased' };
    subject = { ...place, consents: person.consents };
  } else {
    subject = {
      ...place,
      consents: { automated_call: { status: 'granted', slot: candidate.slot } },
    };
  }
  const decision = mayContact(
    { person: subject, channel: 'automated_call', purpose: 'call', at },
    { rounds: rules.rounds },
  );
  if (decision.allowed) return { dial: true };
  if (decision.until) return { dial: false, until: decision.until, reason: decision.reason };
  return {
    dial: false,
    done: decision.reason === 'opted_out' ? 'opted_out' : 'no_consent',
    reason: decision.reason,
  };
}
