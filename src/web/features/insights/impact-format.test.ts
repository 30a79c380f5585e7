import { describe, expect, it } from 'vitest';
import type { EffectSizes, TerritoryImpact } from '../../../contracts/insights.ts';
import {
  contactsPerVote,
  effectFormProblems,
  formatVotes,
  fromForm,
  shortness,
  sortTerritories,
  toForm,
} from './impact-format.ts';

const range = (low: number, central: number, high: number) => ({ low, central, high });
const none = { turnout: range(0, 0, 0), persuasion: range(0, 0, 0) };
const effects: EffectSizes = {
  door_conversation: { turnout: range(0.05, 1 / 14, 0.1), persuasion: range(0, 0.01, 0.02) },
  leaflet: { turnout: range(1 / 189, 0.01, 1 / 66), persuasion: range(0, 0, 0) },
  volunteer_call: { turnout: range(0.01, 1 / 35, 0.04), persuasion: range(0, 0, 0) },
  robocall: none,
  email: none,
  sms: none,
};

const territory = (id: string, overrides: Partial<TerritoryImpact>): TerritoryImpact => ({
  level: 'commune',
  id,
  name: id,
  communeCode: id,
  constituencyCode: null,
  contacts: 0,
  byKind: { door_conversation: 0, leaflet: 0, volunteer_call: 0, robocall: 0, email: 0, sms: 0 },
  communeOnly: 0,
  votes: { turnout: range(0, 0, 0), persuasion: range(0, 0, 0), total: range(0, 0, 0) },
  margin: null,
  contactsNeeded: null,
  rank: 1,
  lat: null,
  lng: null,
  placedBy: null,
  ...overrides,
});

describe('impact page helpers', () => {
  it('edits effects per 100 contacts and sends them per contact', () => {
    const form = toForm(effects);
    expect(form.door_conversation.turnout.central).toBe(7.1429);
    expect(fromForm(form).leaflet.turnout.high).toBeCloseTo(1 / 66, 5);
    expect(effectFormProblems(form)).toEqual({});
  });

  it('says which figure is not a number or out of order', () => {
    const form = toForm(effects);
    form.leaflet.turnout.low = '';
    form.door_conversation.persuasion.low = 3;
    form.volunteer_call.turnout.high = 101;
    expect(effectFormProblems(form)).toEqual({
      'leaflet.turnout.low': 'number',
      'door_conversation.persuasion.central': 'order',
      'volunteer_call.turnout.high': 'number',
    });
  });

  it('says one vote per how many contacts', () => {
    expect(contactsPerVote(1 / 14)).toBe(14);
    expect(contactsPerVote(0)).toBeNull();
  });

  it('formats small estimates with a decimal and large ones whole', () => {
    expect(formatVotes(0.357, 'en')).toBe('0.4');
    expect(formatVotes(1234.6, 'en')).toBe('1,235');
    expect(formatVotes(2.5, 'fr')).toBe('2,5');
  });

  it('scales shortness from covered to the furthest behind, none without a margin', () => {
    const items = [
      territory('a', { contactsNeeded: 0 }),
      territory('b', { contactsNeeded: 50 }),
      territory('c', { contactsNeeded: 200 }),
      territory('d', {}),
    ];
    expect([...shortness(items).values()]).toEqual([0, 0.25, 1, null]);
  });

  it('sorts by a column, territories without a value last', () => {
    const items = [
      territory('Bron', { rank: 1, contactsNeeded: 20, contacts: 5 }),
      territory('Ain', { rank: 2, contactsNeeded: null, contacts: 9 }),
      territory('Écully', { rank: 3, contactsNeeded: 80, contacts: 1 }),
    ];
    const names = (list: TerritoryImpact[]) => list.map((item) => item.name);
    expect(names(sortTerritories(items, 'needed', 'descending', 'fr'))).toEqual([
      'Écully',
      'Bron',
      'Ain',
    ]);
    expect(names(sortTerritories(items, 'needed', 'ascending', 'fr'))).toEqual([
      'Bron',
      'Écully',
      'Ain',
    ]);
    expect(names(sortTerritories(items, 'name', 'ascending', 'fr'))).toEqual([
      'Ain',
      'Bron',
      'Écully',
    ]);
    expect(names(sortTerritories(items, 'contacts', 'descending', 'fr'))).toEqual([
      'Ain',
      'Bron',
      'Écully',
    ]);
  });
});
