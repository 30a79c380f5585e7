import { describe, expect, it } from 'vitest';
import { easterSunday, isPublicHoliday } from './holidays.ts';
import { instantOf, wallClock } from '../../core/local-time.ts';
import { mayContact, type ContactSubject, type ConsentState } from './may-contact.ts';
import { resolveRound } from './rounds.ts';
import { silenceUntil } from './silence.ts';
import { territoryOf } from './territories.ts';

const at = (iso: string) => new Date(iso);
const granted: ConsentState = { status: 'granted' };
const everyChannel: ContactSubject['consents'] = {
  email: granted,
  sms: granted,
  volunteer_call: granted,
  automated_call: {
    status: 'granted',
    slot: { weekdays: [1, 2, 3, 4, 5], from: '10:00', to: '19:00' },
  },
};
const person = (departementCode: string | null, consents = everyChannel): ContactSubject => ({
  departementCode,
  consents,
});

/** A national election on Sunday 11 April 2027 (the territories west vote on the 10th). */
const national = [resolveRound({ date: '2027-04-11' }, 'national', 1)];
const noRounds = { rounds: [] };

describe('territories', () => {
  it('reads the territory from the département, else the commune code', () => {
    expect(territoryOf({ departementCode: '971' })).toBe('971');
    expect(territoryOf({ departementCode: '987' })).toBe('987');
    expect(territoryOf({ departementCode: '2A' })).toBe('metropole');
    expect(territoryOf({ departementCode: '75', communeCode: '75056' })).toBe('metropole');
    expect(territoryOf({ communeCode: '97801' })).toBe('978');
    expect(territoryOf({ communeCode: '98818' })).toBe('988');
    expect(territoryOf({ departementCode: null, communeCode: null })).toBeNull();
    expect(territoryOf({ departementCode: '989' })).toBeNull();
  });
});

describe('local clocks', () => {
  it('finds the moment of a local time on either side of a change of hour', () => {
    expect(instantOf('2027-01-15', 20 * 60, 'Europe/Paris').toISOString()).toBe(
      '2027-01-15T19:00:00.000Z',
    );
    expect(instantOf('2027-07-15', 20 * 60, 'Europe/Paris').toISOString()).toBe(
      '2027-07-15T18:00:00.000Z',
    );
    // 28 March 2027: 02:00 becomes 03:00. Midnight is still winter time.
    expect(instantOf('2027-03-28', 0, 'Europe/Paris').toISOString()).toBe(
      '2027-03-27T23:00:00.000Z',
    );
    expect(instantOf('2027-03-28', 20 * 60, 'Europe/Paris').toISOString()).toBe(
      '2027-03-28T18:00:00.000Z',
    );
    // 02:30 does not exist that night: moved forward by the jump.
    expect(instantOf('2027-03-28', 150, 'Europe/Paris').toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
    // 31 October 2027: 02:30 happens twice; the first is summer time.
    expect(instantOf('2027-10-31', 150, 'Europe/Paris').toISOString()).toBe(
      '2027-10-31T00:30:00.000Z',
    );
    expect(instantOf('2027-10-31', 20 * 60, 'Europe/Paris').toISOString()).toBe(
      '2027-10-31T19:00:00.000Z',
    );
    expect(instantOf('2027-04-10', 20 * 60, 'Pacific/Tahiti').toISOString()).toBe(
      '2027-04-11T06:00:00.000Z',
    );
  });

  it('reads the day, time and weekday of a moment where the person lives', () => {
    expect(wallClock(at('2027-04-10T22:30:00Z'), 'Europe/Paris')).toEqual({
      day: '2027-04-11',
      minutes: 30,
      weekday: 7,
    });
    expect(wallClock(at('2027-04-10T22:30:00Z'), 'America/Guadeloupe')).toEqual({
      day: '2027-04-10',
      minutes: 18 * 60 + 30,
      weekday: 6,
    });
  });
});

describe('public holidays', () => {
  it('computes Easter and the days that follow it', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(isPublicHoliday('2027-03-29', 'metropole')).toBe(true); // Easter Monday
    expect(isPublicHoliday('2027-05-06', 'metropole')).toBe(true); // Ascension
    expect(isPublicHoliday('2027-05-17', 'metropole')).toBe(true); // Whit Monday
    expect(isPublicHoliday('2027-07-14', '987')).toBe(true);
    expect(isPublicHoliday('2027-07-13', 'metropole')).toBe(false);
  });

  it('knows each territory’s day of the abolition of slavery', () => {
    expect(isPublicHoliday('2027-05-27', '971')).toBe(true);
    expect(isPublicHoliday('2027-05-27', 'metropole')).toBe(false);
    expect(isPublicHoliday('2027-05-22', '972')).toBe(true);
    expect(isPublicHoliday('2027-06-10', '973')).toBe(true);
    expect(isPublicHoliday('2027-12-20', '974')).toBe(true);
    expect(isPublicHoliday('2027-04-27', '976')).toBe(true);
  });
});

describe('rounds', () => {
  it('gives the territories west of metropolitan France the day before in a national election', () => {
    const [round] = national;
    expect(round!.territoryDates).toMatchObject({
      metropole: '2027-04-11',
      '971': '2027-04-10',
      '972': '2027-04-10',
      '973': '2027-04-10',
      '974': '2027-04-11',
      '975': '2027-04-10',
      '976': '2027-04-11',
      '977': '2027-04-10',
      '978': '2027-04-10',
      '986': '2027-04-11',
      '987': '2027-04-10',
      '988': '2027-04-11',
    });
    expect(round!.pollsClose).toBe('20:00');
  });

  it('keeps one day everywhere in a local election, and a day staff set for a territory', () => {
    const [round] = [
      resolveRound({ date: '2026-03-15', territoryDates: { '974': '2026-03-22' } }, 'local', 1),
    ];
    expect(round!.territoryDates['971']).toBe('2026-03-15');
    expect(round!.territoryDates['974']).toBe('2026-03-22');
  });
});

describe('pre-election silence', () => {
  it('runs in metropolitan France from Saturday 00:00 to Sunday 20:00, Paris time', () => {
    expect(silenceUntil(national, 'metropole', at('2027-04-09T21:59:59Z'))).toBeNull();
    expect(silenceUntil(national, 'metropole', at('2027-04-09T22:00:00Z'))?.toISOString()).toBe(
      '2027-04-11T18:00:00.000Z',
    );
    expect(silenceUntil(national, 'metropole', at('2027-04-11T17:59:00Z'))?.toISOString()).toBe(
      '2027-04-11T18:00:00.000Z',
    );
    expect(silenceUntil(national, 'metropole', at('2027-04-11T18:00:00Z'))).toBeNull();
  });

  it('starts and ends a day earlier, on local time, where people vote on Saturday', () => {
    // Guadeloupe (UTC−4) votes on the 10th: silence from the 9th 00:00 to the 10th 20:00.
    expect(silenceUntil(national, '971', at('2027-04-09T03:59:00Z'))).toBeNull();
    expect(silenceUntil(national, '971', at('2027-04-09T04:00:00Z'))?.toISOString()).toBe(
      '2027-04-11T00:00:00.000Z',
    );
    // Sunday in Paris: Guadeloupe has voted, the metropole is silent.
    expect(silenceUntil(national, '971', at('2027-04-11T10:00:00Z'))).toBeNull();
    expect(silenceUntil(national, 'metropole', at('2027-04-11T10:00:00Z'))).not.toBeNull();
    // Saint-Pierre-et-Miquelon is on summer time (UTC−2); Polynesia is UTC−10.
    expect(silenceUntil(national, '975', at('2027-04-10T21:59:00Z'))?.toISOString()).toBe(
      '2027-04-10T22:00:00.000Z',
    );
    expect(silenceUntil(national, '987', at('2027-04-09T09:59:00Z'))).toBeNull();
    expect(silenceUntil(national, '987', at('2027-04-09T10:00:00Z'))?.toISOString()).toBe(
      '2027-04-11T06:00:00.000Z',
    );
    // Réunion (UTC+4) votes on Sunday with the metropole, on its own clock.
    expect(silenceUntil(national, '974', at('2027-04-09T19:59:00Z'))).toBeNull();
    expect(silenceUntil(national, '974', at('2027-04-09T20:00:00Z'))?.toISOString()).toBe(
      '2027-04-11T16:00:00.000Z',
    );
  });

  it('follows the change to summer time on the night before a round', () => {
    const rounds = [resolveRound({ date: '2027-03-28' }, 'local', 1)];
    expect(silenceUntil(rounds, 'metropole', at('2027-03-26T22:59:00Z'))).toBeNull();
    expect(silenceUntil(rounds, 'metropole', at('2027-03-26T23:00:00Z'))?.toISOString()).toBe(
      '2027-03-28T18:00:00.000Z',
    );
    expect(silenceUntil(rounds, 'metropole', at('2027-03-28T17:59:00Z'))).not.toBeNull();
    expect(silenceUntil(rounds, 'metropole', at('2027-03-28T18:00:00Z'))).toBeNull();
  });

  it('follows the change to winter time on the night before a round', () => {
    const rounds = [resolveRound({ date: '2027-10-31', pollsClose: '19:00' }, 'local', 1)];
    expect(silenceUntil(rounds, 'metropole', at('2027-10-29T21:59:00Z'))).toBeNull();
    expect(silenceUntil(rounds, 'metropole', at('2027-10-29T22:00:00Z'))?.toISOString()).toBe(
      '2027-10-31T18:00:00.000Z',
    );
    expect(silenceUntil(rounds, 'metropole', at('2027-10-31T17:59:00Z'))).not.toBeNull();
    expect(silenceUntil(rounds, 'metropole', at('2027-10-31T18:00:00Z'))).toBeNull();
  });

  it('covers each round of an election', () => {
    const rounds = [
      resolveRound({ date: '2027-04-11' }, 'national', 1),
      resolveRound({ date: '2027-04-25' }, 'national', 2),
    ];
    expect(silenceUntil(rounds, 'metropole', at('2027-04-18T12:00:00Z'))).toBeNull();
    expect(silenceUntil(rounds, 'metropole', at('2027-04-24T12:00:00Z'))?.toISOString()).toBe(
      '2027-04-25T18:00:00.000Z',
    );
    expect(silenceUntil(rounds, '972', at('2027-04-24T12:00:00Z'))?.toISOString()).toBe(
      '2027-04-25T00:00:00.000Z',
    );
  });
});

describe('mayContact', () => {
  const tuesdayNoonParis = at('2027-04-06T10:00:00Z');

  it('allows a campaign mail to a person who agreed, at any hour', () => {
    expect(
      mayContact(
        {
          person: person('75'),
          channel: 'email',
          purpose: 'newsletter',
          at: at('2027-04-04T01:00:00Z'),
        },
        noRounds,
      ),
    ).toEqual({ allowed: true, territory: 'metropole' });
  });

  it('refuses without a consent, and after an opt-out, with their reason', () => {
    const q = { channel: 'sms', purpose: 'event_reminder', at: tuesdayNoonParis } as const;
    expect(mayContact({ ...q, person: person('75', {}) }, noRounds)).toEqual({
      allowed: false,
      reason: 'no_consent',
      territory: 'metropole',
    });
    const optedOut = { ...everyChannel, sms: { status: 'withdrawn' } } as const;
    expect(mayContact({ ...q, person: person('75', optedOut) }, noRounds)).toMatchObject({
      allowed: false,
      reason: 'opted_out',
    });
  });

  it('always sends transactional mail: no consent needed, not even silence stops it', () => {
    expect(
      mayContact(
        {
          person: { departementCode: '75', consents: { email: { status: 'withdrawn' } } },
          channel: 'email',
          purpose: 'transactional',
          at: at('2027-04-10T12:00:00Z'),
        },
        { rounds: national },
      ),
    ).toEqual({ allowed: true, territory: 'metropole' });
  });

  it('holds every campaign purpose and channel during the silence, until the polls close', () => {
    for (const channel of ['email', 'sms', 'volunteer_call', 'automated_call'] as const) {
      for (const purpose of [
        'newsletter',
        'committee_message',
        'event_reminder',
        'call',
      ] as const) {
        expect(
          mayContact(
            { person: person('69'), channel, purpose, at: at('2027-04-10T12:00:00Z') },
            { rounds: national },
          ),
        ).toEqual({
          allowed: false,
          reason: 'pre_election_silence',
          until: at('2027-04-11T18:00:00Z'),
          territory: 'metropole',
        });
      }
    }
  });

  it('judges the silence on the person’s own territory', () => {
    const sundayMorning = at('2027-04-11T09:00:00Z');
    const ask = (departementCode: string) =>
      mayContact(
        {
          person: person(departementCode),
          channel: 'email',
          purpose: 'newsletter',
          at: sundayMorning,
        },
        { rounds: national },
      );
    expect(ask('971')).toEqual({ allowed: true, territory: '971' });
    expect(ask('987')).toEqual({ allowed: true, territory: '987' });
    expect(ask('974')).toMatchObject({ reason: 'pre_election_silence' });
    expect(ask('13')).toMatchObject({ reason: 'pre_election_silence' });
  });

  it('keeps a person with no known place silent while any territory is', () => {
    const nowhere = person(null);
    // Friday 10:00 UTC: the Saturday voters are all silent; Polynesia's polls close last.
    expect(
      mayContact(
        {
          person: nowhere,
          channel: 'email',
          purpose: 'newsletter',
          at: at('2027-04-09T10:00:00Z'),
        },
        { rounds: national },
      ),
    ).toEqual({
      allowed: false,
      reason: 'pre_election_silence',
      until: at('2027-04-11T06:00:00Z'),
      territory: null,
    });
    // Sunday 10:00 UTC: Polynesia's polls are closed, the metropole's are not.
    expect(
      mayContact(
        {
          person: nowhere,
          channel: 'email',
          purpose: 'newsletter',
          at: at('2027-04-11T10:00:00Z'),
        },
        { rounds: national },
      ),
    ).toMatchObject({ reason: 'pre_election_silence', until: at('2027-04-11T18:00:00Z') });
    // Saint-Pierre-et-Miquelon (UTC−2) reaches Friday 00:00 first, at 02:00 UTC.
    expect(
      mayContact(
        {
          person: nowhere,
          channel: 'email',
          purpose: 'newsletter',
          at: at('2027-04-09T02:00:00Z'),
        },
        { rounds: national },
      ),
    ).toMatchObject({ reason: 'pre_election_silence', until: at('2027-04-10T22:00:00Z') });
    expect(
      mayContact(
        {
          person: nowhere,
          channel: 'email',
          purpose: 'newsletter',
          at: at('2027-04-09T01:59:00Z'),
        },
        { rounds: national },
      ),
    ).toEqual({ allowed: true, territory: null });
  });

  describe('quiet hours', () => {
    const sms = (departementCode: string, moment: string) =>
      mayContact(
        { person: person(departementCode), channel: 'sms', purpose: 'newsletter', at: at(moment) },
        noRounds,
      );

    it('sends SMS from 08:00 to 20:00, Monday to Saturday', () => {
      expect(sms('75', '2027-04-06T06:00:00Z')).toEqual({ allowed: true, territory: 'metropole' });
      expect(sms('75', '2027-04-06T17:59:00Z')).toMatchObject({ allowed: true });
      // Tuesday 20:00 Paris: held until Wednesday 08:00.
      expect(sms('75', '2027-04-06T18:00:00Z')).toEqual({
        allowed: false,
        reason: 'quiet_hours',
        until: at('2027-04-07T06:00:00Z'),
        territory: 'metropole',
      });
      expect(sms('75', '2027-04-06T05:59:00Z')).toMatchObject({
        reason: 'quiet_hours',
        until: at('2027-04-06T06:00:00Z'),
      });
    });

    it('sends no SMS on Sunday nor on a public holiday', () => {
      // Saturday 1 May 2027 (holiday), then Sunday: held until Monday 08:00.
      expect(sms('75', '2027-05-01T10:00:00Z')).toMatchObject({
        reason: 'quiet_hours',
        until: at('2027-05-03T06:00:00Z'),
      });
      expect(sms('75', '2027-05-02T10:00:00Z')).toMatchObject({ reason: 'quiet_hours' });
      // 27 May is a holiday in Guadeloupe only.
      expect(sms('971', '2027-05-27T16:00:00Z')).toMatchObject({
        reason: 'quiet_hours',
        until: at('2027-05-28T12:00:00Z'),
      });
      expect(sms('75', '2027-05-27T16:00:00Z')).toMatchObject({ allowed: true });
    });

    it('reads the hours on the person’s clock, across a change of hour', () => {
      // 07:30 in Réunion (UTC+4) is 05:30 in Paris... and 03:30 UTC.
      expect(sms('974', '2027-04-06T03:30:00Z')).toMatchObject({
        reason: 'quiet_hours',
        until: at('2027-04-06T04:00:00Z'),
      });
      // Saturday 27 March 2027, 21:00 Paris: next is Monday 29... Easter Monday, so Tuesday
      // 30 March, 08:00 summer time.
      expect(sms('75', '2027-03-27T20:00:00Z')).toMatchObject({
        reason: 'quiet_hours',
        until: at('2027-03-30T06:00:00Z'),
      });
    });

    it('leaves mail without quiet hours and calls by volunteers from 10:00 to 20:00', () => {
      const call = (moment: string) =>
        mayContact(
          { person: person('75'), channel: 'volunteer_call', purpose: 'call', at: at(moment) },
          noRounds,
        );
      expect(call('2027-04-06T07:59:00Z')).toMatchObject({
        reason: 'quiet_hours',
        until: at('2027-04-06T08:00:00Z'),
      });
      expect(call('2027-04-10T17:00:00Z')).toMatchObject({ allowed: true }); // Saturday 19:00
    });
  });

  describe('automated calls', () => {
    const call = (consent: ConsentState, moment: string) =>
      mayContact(
        {
          person: person('75', { ...everyChannel, automated_call: consent }),
          channel: 'automated_call',
          purpose: 'call',
          at: at(moment),
        },
        noRounds,
      );
    const slot = { weekdays: [1, 2, 3, 4, 5], from: '10:00', to: '19:00' };

    it('needs the slot the person agreed to', () => {
      expect(call({ status: 'granted' }, '2027-04-06T10:00:00Z')).toMatchObject({
        reason: 'no_agreed_slot',
      });
      expect(call({ status: 'granted', slot }, '2027-04-06T10:00:00Z')).toMatchObject({
        allowed: true,
      });
    });

    it('calls only within both the legal hours and the agreed slot', () => {
      // 13:30 Paris: the lunch break of the legal hours.
      expect(call({ status: 'granted', slot }, '2027-04-06T11:30:00Z')).toMatchObject({
        reason: 'quiet_hours',
        until: at('2027-04-06T12:00:00Z'),
      });
      // 19:30 Paris: within legal hours, past the person's slot (until 19:00).
      expect(call({ status: 'granted', slot }, '2027-04-06T17:30:00Z')).toMatchObject({
        reason: 'outside_agreed_slot',
        until: at('2027-04-07T08:00:00Z'),
      });
      const evenings = { weekdays: [2], from: '18:00', to: '21:00' };
      expect(call({ status: 'granted', slot: evenings }, '2027-04-06T09:00:00Z')).toMatchObject({
        reason: 'outside_agreed_slot',
        until: at('2027-04-06T16:00:00Z'),
      });
    });
  });

  it('reports an opt-out before the silence', () => {
    expect(
      mayContact(
        {
          person: person('75', { ...everyChannel, email: { status: 'withdrawn' } }),
          channel: 'email',
          purpose: 'newsletter',
          at: at('2027-04-10T12:00:00Z'),
        },
        { rounds: national },
      ),
    ).toMatchObject({ reason: 'opted_out' });
  });
});
