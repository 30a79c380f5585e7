import { describe, expect, it } from 'vitest';
import { inseeLocation, padStationCode, pollingStationId, zxDepartment } from './insee.ts';

describe('INSEE codes from the ministry codes', () => {
  // [département, commune, label, INSEE département, INSEE commune]
  const mapped: Array<[string, string, string, string, string]> = [
    ['01', '001', "L'Abergement-Clémenciat", '01', '01001'],
    ['01', '1', "L'Abergement-Clémenciat", '01', '01001'],
    ['1', '1', "L'Abergement-Clémenciat", '01', '01001'],
    ['01', '04', 'Ambérieu-en-Bugey', '01', '01004'],
    ['75', '056', 'Paris', '75', '75056'],
    ['2A', '004', 'Ajaccio', '2A', '2A004'],
    ['2a', '4', 'Ajaccio', '2A', '2A004'],
    ['2B', '033', 'Bastia', '2B', '2B033'],
    ['ZA', '101', 'Les Abymes', '971', '97101'],
    ['ZA', '110', 'La Désirade', '971', '97110'],
    ['ZB', '209', 'Fort-de-France', '972', '97209'],
    ['ZC', '302', 'Cayenne', '973', '97302'],
    ['ZD', '416', 'Saint-Pierre', '974', '97416'],
    // Mayotte: the ministry keeps the 985-era codes (Dzaoudzi 98508 → 97608); 6xx as they are.
    ['ZM', '508', 'Dzaoudzi', '976', '97608'],
    ['ZM', '611', 'Mamoudzou', '976', '97611'],
    ['ZS', '502', 'Saint-Pierre', '975', '97502'],
    ['ZS', '501', 'Miquelon-Langlade', '975', '97501'],
    ['ZX', '701', 'Saint-Barthélemy', '977', '97701'],
    ['ZX', '801', 'Saint-Martin', '978', '97801'],
    // ZX decided by the label when the code does not tell.
    ['ZX', '1', 'Saint-Barthélemy', '977', '97701'],
    ['ZX', '2', 'SAINT MARTIN', '978', '97801'],
    ['ZN', '818', 'Nouméa', '988', '98818'],
    // Polynesia: the ministry writes Bora-Bora 14 (INSEE 98714).
    ['ZP', '14', 'Bora-Bora', '987', '98714'],
    ['ZP', '735', 'Papeete', '987', '98735'],
    ['ZW', '612', 'Sigave', '986', '98612'],
    ['ZW', '13', 'Uvéa', '986', '98613'],
    // 2024 files: numeric département, full commune code.
    ['971', '97101', 'Les Abymes', '971', '97101'],
    ['971', '101', 'Les Abymes', '971', '97101'],
    ['976', '97608', 'Dzaoudzi', '976', '97608'],
    ['01', '01001', "L'Abergement-Clémenciat", '01', '01001'],
    ['2A', '2A004', 'Ajaccio', '2A', '2A004'],
    ['ZX', '97801', 'Saint-Martin', '978', '97801'],
    [' 01 ', ' 001 ', 'spaces', '01', '01001'],
    // Municipal sectors of Paris, Lyon, Marseille: the city's code.
    ['75', '056SR01', 'Paris 1er secteur', '75', '75056'],
    ['13', '13055SR08', 'Marseille 8e secteur', '13', '13055'],
  ];

  it.each(mapped)('%s + %s (%s) → %s, %s', (department, commune, label, dep, insee) => {
    expect(inseeLocation(department, commune, label)).toEqual({
      departmentCode: dep,
      communeCode: insee,
      abroad: false,
      problem: null,
    });
  });

  it('keeps French people abroad (ZZ) without a commune, flagged, without a problem', () => {
    for (const commune of ['229', '25', 'ZZ229']) {
      expect(inseeLocation('ZZ', commune, 'Madrid')).toEqual({
        departmentCode: 'ZZ',
        communeCode: null,
        abroad: true,
        problem: null,
      });
    }
    expect(inseeLocation('zz', '1').abroad).toBe(true);
  });

  // [département, commune, label, département kept, problem]
  const unmapped: Array<[string, string, string, string, RegExp]> = [
    ['ZX', '5', 'Îles du Nord', 'ZX', /Saint-Barthélemy ou Saint-Martin/],
    ['ZW', '1', 'Wallis-Et-Futuna', '986', /Wallis-et-Futuna/],
    ['XX', '001', 'Nulle part', 'XX', /département « XX » inconnu/],
    ['20', '004', 'Ajaccio', '20', /département « 20 » inconnu/],
    ['01', '0', 'Zéro', '01', /code commune « 0 »/],
    ['01', 'ABC', 'Lettres', '01', /code commune « ABC »/],
    ['01', '02001', 'Ailleurs', '01', /code commune « 02001 »/],
    ['971', '97201', 'Martinique', '971', /département 971/],
    ['ZA', '201', 'Martinique', '971', /département 971/],
    ['ZM', '708', 'Mayotte ?', '976', /département 976/],
  ];

  it.each(unmapped)(
    '%s + %s (%s) gives no commune code',
    (department, commune, label, dep, why) => {
      const location = inseeLocation(department, commune, label);
      expect(location).toMatchObject({ departmentCode: dep, communeCode: null, abroad: false });
      expect(location.problem).toMatch(why);
    },
  );

  it('decides ZX by code first, then by label', () => {
    expect(zxDepartment('701', 'Saint-Martin')).toBe('977');
    expect(zxDepartment('801', 'Saint-Barthélemy')).toBe('978');
    expect(zxDepartment('97701', '')).toBe('977');
    expect(zxDepartment('1', 'St-Barthelemy')).toBe('977');
    expect(zxDepartment('1', 'Collectivité de Saint-Martin')).toBe('978');
    expect(zxDepartment('1', 'Îles du Nord')).toBeNull();
  });

  it('names polling stations as the REU does', () => {
    expect(pollingStationId('01001', '1')).toBe('01001_0001');
    expect(pollingStationId('01001', '0001')).toBe('01001_0001');
    expect(pollingStationId('2A004', '12')).toBe('2A004_0012');
    expect(pollingStationId('75056', '0101')).toBe('75056_0101');
    expect(padStationCode(' 7 ')).toBe('0007');
    expect(padStationCode('12345')).toBe('12345');
  });
});
