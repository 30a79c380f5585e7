import { describe, expect, it } from 'vitest';
import { messageModules } from './messages.ts';
import { messageProblems, placeholders } from './core/i18n/parity.ts';

describe('the messages of core and of every feature', () => {
  it('have the same keys in French and English, each key in one module, the same placeholders', () => {
    expect(messageProblems(messageModules)).toEqual([]);
  });
});

describe('messageProblems', () => {
  it('finds a key in one language only', () => {
    const problems = messageProblems({
      people: {
        fr: { 'people.title': 'Personnes', 'people.new': 'Nouveau' },
        en: { 'people.title': 'People', 'people.old': 'Old' },
      },
    });
    expect(problems).toEqual([
      'people: people.new has no English text',
      'people: people.old has no French text',
    ]);
  });

  it('finds a key two modules define', () => {
    const problems = messageProblems({
      core: { fr: { 'common.save': 'Enregistrer' }, en: { 'common.save': 'Save' } },
      people: { fr: { 'common.save': 'Sauver' }, en: { 'common.save': 'Save' } },
    });
    expect(problems).toEqual(['common.save is defined by both core and people']);
  });

  it('finds a placeholder in one language only', () => {
    const problems = messageProblems({
      people: {
        fr: { 'people.count': '{count, plural, one {# personne} other {# personnes}} à {place}' },
        en: { 'people.count': '{n} people in {place}' },
      },
    });
    expect(problems).toEqual([
      'people: people.count lacks {count} in English',
      'people: people.count has {n} in English only',
    ]);
  });

  it('reads plain and plural placeholders, not the plural forms', () => {
    expect([...placeholders('{name} : {count, plural, one {# fiche} other {# fiches}}')]).toEqual([
      'name',
      'count',
    ]);
  });
});
