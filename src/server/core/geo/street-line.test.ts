import { describe, expect, it } from 'vitest';
import { addressCommuneCodes } from './arrondissements.ts';
import { foldStreet, looselyNames, parseStreetLine, streetWords } from './street-line.ts';

describe('parseStreetLine', () => {
  it.each([
    ['12 bis, av. de la République', 12, 'bis', 'av. de la République'],
    ['12bis rue de la Paix', 12, 'bis', 'rue de la Paix'],
    ['12 BIS Rue de la Paix', 12, 'bis', 'Rue de la Paix'],
    ['3 ter chemin des Vignes', 3, 'ter', 'chemin des Vignes'],
    ['7 quater impasse du Lavoir', 7, 'quater', 'impasse du Lavoir'],
    ['12B rue de la Paix', 12, 'b', 'rue de la Paix'],
    ['12 b rue de la Paix', 12, 'b', 'rue de la Paix'],
    ['12 A Grande Rue', 12, 'a', 'Grande Rue'],
    ['12, rue de la Paix', 12, null, 'rue de la Paix'],
    ['n° 4 place Bellecour', 4, null, 'place Bellecour'],
    ['12-14 boulevard Voltaire', 12, null, 'boulevard Voltaire'],
    ['Bât. A, 12 rue de la Paix', 12, null, 'rue de la Paix'],
    ['12 rue de la Paix, Bât. B', 12, null, 'rue de la Paix'],
    ['Résidence les Pins, 3, allée des Roses, appartement 12', 3, null, 'allée des Roses'],
    ['Rue de la Paix, 12', 12, null, 'Rue de la Paix'],
    ['12 rue de la Paix 01000 Bourg-en-Bresse', 12, null, 'rue de la Paix'],
    ['12 rue de la Paix, 01000 Bourg-en-Bresse', 12, null, 'rue de la Paix'],
    ['12 rue de la Paix (bâtiment B)', 12, null, 'rue de la Paix'],
    ['rue du 8 Mai 1945', null, null, 'rue du 8 Mai 1945'],
    ['  Place du Marché  ', null, null, 'Place du Marché'],
    ['0 route de Lyon', null, null, 'route de Lyon'],
  ])('reads %j', (line, number, suffix, street) => {
    expect(parseStreetLine(line)).toEqual({ number, suffix, street });
  });

  it('reads a lone "r" as the street type unless a type follows', () => {
    expect(parseStreetLine('12 r de la Paix')).toEqual({
      number: 12,
      suffix: null,
      street: 'r de la Paix',
    });
    expect(parseStreetLine('12 r. Victor Hugo')).toMatchObject({ suffix: null });
    expect(parseStreetLine('12 R rue de la Paix')).toMatchObject({ suffix: 'r' });
    // Attached, a letter is always a suffix.
    expect(parseStreetLine('12r rue de la Paix')).toMatchObject({ number: 12, suffix: 'r' });
  });

  it('keeps a line without a number whole', () => {
    expect(parseStreetLine('Le Bourg')).toEqual({ number: null, suffix: null, street: 'Le Bourg' });
    expect(parseStreetLine('')).toEqual({ number: null, suffix: null, street: '' });
  });
});

describe('foldStreet', () => {
  it('folds case, accents, punctuation and ligatures, and leaves articles out', () => {
    expect(foldStreet("Rue de l'Église")).toBe('rue eglise');
    expect(foldStreet('RUE DE L’EGLISE')).toBe('rue eglise');
    expect(foldStreet('Rue du Sacré-Cœur')).toBe('rue sacre coeur');
    expect(foldStreet('Allée des Châtaigniers')).toBe('allee chataigniers');
    expect(foldStreet('Avenue de la République')).toBe('avenue republique');
  });

  it('expands the usual abbreviations on either side', () => {
    const pairs: Array<[string, string]> = [
      ['r. de la République', 'Rue de la République'],
      ['av. de la République', 'Avenue de la République'],
      ['ave Jean Jaurès', 'Avenue Jean Jaurès'],
      ['bd Voltaire', 'Boulevard Voltaire'],
      ['Bld Voltaire', 'Boulevard Voltaire'],
      ['chem. des Vignes', 'Chemin des Vignes'],
      ['ch des Vignes', 'Chemin des Vignes'],
      ['pl. Bellecour', 'Place Bellecour'],
      ['imp. du Lavoir', 'Impasse du Lavoir'],
      ['all. des Tilleuls', 'Allée des Tilleuls'],
      ['rte de Lyon', 'Route de Lyon'],
      ['Ancienne rte de Lyon', 'Ancienne Route de Lyon'],
      ['sq. Pasteur', 'Square Pasteur'],
      ['fbg Saint-Antoine', 'Faubourg Saint-Antoine'],
      ['r St-Jean', 'Rue Saint-Jean'],
      ['r. Ste Anne', 'Rue Sainte-Anne'],
      ['bd du Gal de Gaulle', 'Boulevard du Général de Gaulle'],
      ['av. du Mal Foch', 'Avenue du Maréchal Foch'],
      ['r. du Dr Schweitzer', 'Rue du Docteur Schweitzer'],
      ['Lot. les Pins', 'Lotissement les Pins'],
    ];
    for (const [typed, held] of pairs) expect(foldStreet(typed), typed).toBe(foldStreet(held));
    // A held name that abbreviates folds the same way.
    expect(foldStreet('Imp des Lilas')).toBe(foldStreet('Impasse des Lilas'));
  });

  it('reads words that are also names as names past the first word', () => {
    expect(foldStreet('Place Ch. de Gaulle')).toBe('place ch gaulle');
    expect(foldStreet('Rue du Pas de la Mule')).toBe('rue pas mule');
    expect(foldStreet('Rue du Lot')).toBe('rue lot');
    expect(foldStreet('Rue des Prés')).toBe('rue pres');
  });
});

describe('looselyNames', () => {
  const held = streetWords('Rue Victor Hugo');
  it('takes a typed name whose words are among the held ones, in order', () => {
    expect(looselyNames(streetWords('Hugo'), held)).toBe(true);
    expect(looselyNames(streetWords('rue V. Hugo'), held)).toBe(true);
    expect(looselyNames(streetWords('rue Hugo'), held)).toBe(true);
  });
  it('refuses another type, another order or initials only', () => {
    expect(looselyNames(streetWords('place Victor Hugo'), held)).toBe(false);
    expect(looselyNames(streetWords('Hugo Victor'), held)).toBe(false);
    expect(looselyNames(['r', 'v', 'h'], held)).toBe(false);
  });
});

describe('addressCommuneCodes', () => {
  it('files Paris, Lyon and Marseille addresses under arrondissements', () => {
    expect(addressCommuneCodes('01053', '01000')).toEqual(['01053']);
    expect(addressCommuneCodes('75056', '75011')).toEqual(['75111']);
    expect(addressCommuneCodes('75056', '75116')).toEqual(['75116']);
    expect(addressCommuneCodes('69123', '69003')).toEqual(['69383']);
    expect(addressCommuneCodes('13055', '13008')).toEqual(['13208']);
    expect(addressCommuneCodes('75056')).toHaveLength(20);
    expect(addressCommuneCodes('13055', '13999')).toHaveLength(16);
    expect(addressCommuneCodes('69123')[8]).toBe('69389');
  });
});
