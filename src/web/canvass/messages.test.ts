import { describe, expect, it } from 'vitest';
import { messageProblems } from '../core/i18n/parity.ts';
import { en, fr } from './messages.ts';
import { translator } from './i18n.ts';

describe('the canvassing app’s messages', () => {
  it('have the same keys and placeholders in French and English', () => {
    expect(messageProblems({ canvass: { fr, en } })).toEqual([]);
  });

  it('count visits waiting in the volunteer’s language', () => {
    expect(translator('fr')('outbox.pending', { count: 1 })).toBe('1 visite en attente d’envoi');
    expect(translator('fr')('outbox.pending', { count: 3 })).toBe('3 visites en attente d’envoi');
    expect(translator('en')('outbox.pending', { count: 3 })).toBe('3 visits waiting to be sent');
  });

  it('say that visits of another account wait for it to log in again', () => {
    const french = translator('fr');
    expect(french('outbox.otherAccount', { count: 3 })).toBe(
      '3 visites enregistrées par un autre compte attendent qu’il se reconnecte sur ce téléphone.',
    );
    expect(french('outbox.otherAccount', { count: 1 })).toBe(
      '1 visite enregistrée par un autre compte attend qu’il se reconnecte sur ce téléphone.',
    );
    expect(french('outbox.otherAccounts', { count: 4 })).toBe(
      '4 visites enregistrées par d’autres comptes attendent qu’ils se reconnectent sur ce téléphone.',
    );
  });
});
