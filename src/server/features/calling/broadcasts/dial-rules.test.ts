import { describe, expect, it } from 'vitest';
import { defaultCallingWindows } from '../../../../contracts/calling.ts';
import type { ElectionRound } from '../../../../contracts/compliance.ts';
import { territories } from '../../../../contracts/compliance.ts';
import { advances, isTerminal, stateOfCarrierStatus } from './attempt-state.ts';
import { dialDecision, type DialCandidate, type DialRules } from './dial-gate.ts';

/** Tuesday 8 December 2026, 11:00 in Paris. */
const TUESDAY_11 = new Date('2026-12-08T10:00:00Z');

const listed = (overrides: Partial<DialCandidate> = {}): DialCandidate => ({
  targetId: 1,
  e164: '+33612345678',
  personId: null,
  territory: 'metropole',
  slot: { weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '19:00' },
  ...overrides,
});

const rules = (overrides: Partial<DialRules> = {}): DialRules => ({
  windows: defaultCallingWindows,
  startsAt: null,
  endsAt: null,
  rounds: [],
  ...overrides,
});

const round = (date: string, territoryDates: Record<string, string> = {}): ElectionRound => ({
  number: 1,
  date,
  pollsClose: '20:00',
  territoryDates: Object.fromEntries(
    territories.map((t) => [t, territoryDates[t] ?? date]),
  ) as ElectionRound['territoryDates'],
});

describe('the decision taken when a number is dialled', () => {
  it('dials a listed number inside the windows and its agreed slot', () => {
    expect(dialDecision(listed(), rules(), new Map(), TUESDAY_11)).toEqual({ dial: true });
  });

  it('holds a number until the windows open, on the number’s own clock', () => {
    // 13:30 in Paris is the lunch break of the default windows.
    const lunch = new Date('2026-12-08T12:30:00Z');
    const paris = dialDecision(listed(), rules(), new Map(), lunch);
    expect(paris).toMatchObject({ dial: false, until: new Date('2026-12-08T13:00:00Z') });
    // The same instant is 08:30 in Martinique: its windows open at 10:00 there (14:00 UTC).
    const martinique = dialDecision(
      listed({ e164: '+596696123456', territory: '972' }),
      rules(),
      new Map(),
      lunch,
    );
    expect(martinique).toMatchObject({ dial: false, until: new Date('2026-12-08T14:00:00Z') });
  });

  it('holds a number outside the slot its person agreed to', () => {
    const late = new Date('2026-12-08T18:30:00Z'); // 19:30 in Paris: windows open, slot closed
    const decision = dialDecision(listed(), rules(), new Map(), late);
    expect(decision).toMatchObject({ dial: false, reason: 'outside_agreed_slot' });
  });

  it('stops at 00:00 the day before the vote, a day earlier where the territory votes first', () => {
    const election = [round('2026-12-13', { '972': '2026-12-12' })];
    const saturday = new Date('2026-12-11T14:00:00Z'); // Friday 15:00 Paris, 10:00 Martinique
    expect(dialDecision(listed(), rules({ rounds: election }), new Map(), saturday)).toEqual({
      dial: true,
    });
    const martinique = dialDecision(
      listed({ e164: '+596696123456', territory: '972' }),
      rules({ rounds: election }),
      new Map(),
      saturday,
    );
    expect(martinique).toMatchObject({ dial: false, reason: 'pre_election_silence' });
  });

  it('closes numbers once the broadcast has ended, and holds them before it starts', () => {
    const ended = dialDecision(listed(), rules({ endsAt: TUESDAY_11 }), new Map(), TUESDAY_11);
    expect(ended).toMatchObject({ dial: false, done: 'ended' });
    const later = new Date('2026-12-09T09:00:00Z');
    expect(dialDecision(listed(), rules({ startsAt: later }), new Map(), TUESDAY_11)).toMatchObject(
      { dial: false, until: later },
    );
  });

  it('reads a person’s consent as it is now: withdrawn closes the number, erased too', () => {
    const person = listed({ personId: 7, slot: null });
    const withdrawn = new Map([
      [7, { consents: { automated_call: { status: 'withdrawn' as const } } }],
    ]);
    expect(dialDecision(person, rules(), withdrawn, TUESDAY_11)).toMatchObject({
      dial: false,
      done: 'opted_out',
    });
    expect(dialDecision(person, rules(), new Map(), TUESDAY_11)).toMatchObject({
      dial: false,
      done: 'no_consent',
    });
  });
});

describe('the states of a call', () => {
  it('never moves back, and a terminal state is final', () => {
    expect(advances('queued', 'ringing')).toBe(true);
    expect(advances('ringing', 'queued')).toBe(false);
    expect(advances('unknown', 'completed')).toBe(true);
    expect(advances('completed', 'failed')).toBe(false);
    expect(isTerminal('no_answer')).toBe(true);
    expect(stateOfCarrierStatus('in-progress')).toBe('answered');
    expect(stateOfCarrierStatus('no-answer')).toBe('no_answer');
  });
});
