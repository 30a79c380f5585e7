import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  isGsm7,
  isStopRequest,
  isValidSender,
  smsCost,
  smsEstimate,
  smsLength,
  withStopMention,
} from '../../../contracts/sms-text.ts';
import type { ElectionRound } from '../../../contracts/compliance.ts';
import { validityFor } from './validity.ts';

describe('SMS text rules', () => {
  it('tells GSM-7 from UCS-2', () => {
    expect(isGsm7('Bonjour à tous, réunion à 18h € {ok}')).toBe(true);
    expect(isGsm7('Rendez-vous à la salle des fêtes')).toBe(false); // ê is not GSM-7
    expect(isGsm7('Bravo 🎉')).toBe(false);
  });

  it('counts segments: 160/153 in GSM-7, 70/67 in UCS-2, extension characters as two', () => {
    expect(smsLength('')).toMatchObject({ segments: 0 });
    expect(smsLength('a'.repeat(160))).toMatchObject({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
    });
    expect(smsLength('a'.repeat(161))).toMatchObject({ segments: 2 });
    expect(smsLength('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsLength('a'.repeat(307))).toMatchObject({ segments: 3 });
    expect(smsLength('€'.repeat(80))).toMatchObject({ units: 160, segments: 1 });
    expect(smsLength('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // A two-septet character is not split: 152 a's then € needs a second part.
    expect(smsLength(`${'a'.repeat(152)}€${'a'.repeat(10)}`)).toMatchObject({ segments: 2 });
    expect(smsLength('ê'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsLength('ê'.repeat(71))).toMatchObject({ segments: 2 });
    expect(smsLength('ê'.repeat(134))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsLength('ê'.repeat(135))).toMatchObject({ segments: 3 });
    // An emoji is two UTF-16 units.
    expect(smsLength('🎉'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
  });

  it('adds the STOP mention and counts it, placeholders at their allowance', () => {
    expect(withStopMention('Bonjour  ', '36111')).toBe('Bonjour\nSTOP au 36111');
    const estimate = smsEstimate('Bonjour {prénom}', '36111');
    // "Bonjour " + 12 + "\nSTOP au 36111"
    expect(estimate).toMatchObject({ encoding: 'GSM-7', units: 8 + 12 + 14, segments: 1 });
  });

  it('fills placeholders, folding values to GSM-7 in a GSM-7 text', () => {
    expect(
      fillPlaceholders('Salut {prénom} de {commune}', { prénom: 'Loïc', commune: 'Évry' }),
    ).toBe('Salut Loic de Évry');
    expect(fillPlaceholders('Fête {prénom}', { prénom: 'Loïc', commune: '' })).toBe('Fête Loïc');
    expect(fillPlaceholders('{inconnu} {commune}', { prénom: 'A', commune: '' })).toBe(
      '{inconnu} ',
    );
  });

  it('validates the sender name: 3 to 11 letters or digits, one letter at least', () => {
    expect(isValidSender('Levier2027')).toBe(true);
    expect(isValidSender('ABC')).toBe(true);
    expect(isValidSender('AB')).toBe(false);
    expect(isValidSender('ABCDEFGHIJKL')).toBe(false);
    expect(isValidSender('0612345678')).toBe(false);
    expect(isValidSender('Lev ier')).toBe(false);
    expect(isValidSender('Lévier')).toBe(false);
  });

  it('costs segments × recipients × price per segment', () => {
    expect(smsCost(2, 1000, 0.05)).toBe(100);
    expect(smsCost(1, 3, 0.045)).toBe(0.14);
  });

  it('reads STOP whatever its case, accents and punctuation', () => {
    for (const body of [
      'STOP',
      'stop',
      ' Stop. ',
      'STOP SMS',
      'stop  sms',
      'ARRET',
      'Arrêt',
      'arrêt!',
      'UNSUBSCRIBE',
    ]) {
      expect(isStopRequest(body), body).toBe(true);
    }
    for (const body of ['STOP au 36111', 'Merci', 'Ne pas stopper', '']) {
      expect(isStopRequest(body), body).toBe(false);
    }
  });
});

describe('validity of a campaign text', () => {
  const round: ElectionRound = {
    electionId: 1,
    number: 1,
    date: '2026-12-13',
    pollsClose: '20:00',
    territoryDates: {},
  } as unknown as ElectionRound;

  it('is the configured maximum in the middle of the day with no election', () => {
    expect(validityFor(new Date('2026-12-08T10:00:00+01:00'), null, [], 10_800)).toEqual({
      seconds: 10_800,
    });
  });

  it('ends at 20:00 on the person’s clock, and holds a text with too little time to the next morning', () => {
    expect(validityFor(new Date('2026-12-08T19:00:00+01:00'), 'metropole', [], 10_800)).toEqual({
      seconds: 3600,
    });
    expect(validityFor(new Date('2026-12-08T19:59:00+01:00'), 'metropole', [], 10_800)).toEqual({
      hold: new Date('2026-12-09T08:00:00+01:00'),
      reason: 'quiet_hours',
    });
    // Saturday evening: next opening is Monday 08:00 (no Sunday texts).
    expect(
      validityFor(new Date('2026-12-12T19:59:00+01:00'), 'metropole', [], 10_800),
    ).toMatchObject({
      hold: new Date('2026-12-14T08:00:00+01:00'),
    });
  });

  it('ends before the pre-election silence, and holds a text that cannot arrive before it until the polls close', () => {
    // Someone whose place is unknown may vote anywhere: Wallis's silence before a round on
    // Sunday 13 December begins Saturday 00:00 there (UTC+12), Friday 13:00 in Paris.
    expect(validityFor(new Date('2026-12-11T11:00:00+01:00'), null, [round], 10_800)).toEqual({
      seconds: 7200,
    });
    // One minute before a silence begins: held until the polls close (Wednesday's round).
    const wednesday = { ...round, date: '2026-12-09' } as ElectionRound;
    expect(
      validityFor(new Date('2026-12-07T23:59:00+01:00'), 'metropole', [wednesday], 10_800),
    ).toEqual({ hold: new Date('2026-12-09T20:00:00+01:00'), reason: 'pre_election_silence' });
  });
});
