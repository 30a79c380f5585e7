import { territories } from '../../../../contracts/compliance.ts';
/**
 * From the ministry's département and commune codes to INSEE's. See the doc comment of
 * parse.ts for the rules and the evidence behind the overseas ones.
 */

/** The ministry's letter codes of overseas départements and collectivities. */
export const overseasCodes: Readonly<Record<string, string>> = {
  ZA: '971', // Guadeloupe
  ZB: '972', // Martinique
  ZC: '973', // Guyane
  ZD: '974', // La Réunion
  ZS: '975', // Saint-Pierre-et-Miquelon
  ZM: '976', // Mayotte
  // ZX: 977 (Saint-Barthélemy) or 978 (Saint-Martin), decided per row
  ZW: '986', // Wallis-et-Futuna
  ZP: '987', // Polynésie française
  ZN: '988', // Nouvelle-Calédonie
};

/** The code of French people abroad: no département, no commune. */
export const ABROAD = 'ZZ';

/** The overseas départements and collectivities, whose INSEE codes take three digits. */
const threeDigitDepartments = new Set<string>(territories.filter((t) => t !== 'metropole'));

/** Wallis-et-Futuna's three communes (Alo, Sigave, Uvéa). */
const wallisCommunes = new Set(['98611', '98612', '98613']);

export interface InseeLocation {
  /** INSEE département code ('01', '2A', '971'); the file's code when there is none (ZZ, unknown). */
  departmentCode: string;
  /** INSEE commune code, or null. */
  communeCode: string | null;
  abroad: boolean;
  /** Why there is no commune code (in French), when not abroad; else null. */
  problem: string | null;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The département code as INSEE writes it, or null when unknown; ZX is decided elsewhere. */
function departmentOf(code: string): string | null {
  if (/^\d$/.test(code)) return `0${code}`;
  if (/^\d{2}$/.test(code)) return code !== '00' && code !== '20' && code <= '95' ? code : null;
  if (code === '2A' || code === '2B') return code;
  if (/^0\d{2}$/.test(code)) return departmentOf(code.slice(1));
  if (threeDigitDepartments.has(code)) return code;
  return overseasCodes[code] ?? null;
}

/**
 * Saint-Barthélemy (977) or Saint-Martin (978) for a ZX row: by the commune code (7xx / 8xx,
 * or a 5-character 977xx / 978xx), else by the commune's label; null when neither tells.
 */
export function zxDepartment(communeCode: string, communeName: string): '977' | '978' | null {
  if (/^97[78]\d{2}$/.test(communeCode)) return communeCode.slice(0, 3) as '977' | '978';
  if (/^[78]\d{2}$/.test(communeCode)) return communeCode[0] === '7' ? '977' : '978';
  const label = fold(communeName);
  if (label.includes('barthelemy')) return '977';
  if (label.includes('martin')) return '978';
  return null;
}

/**
 * The INSEE codes of a row, from the file's département and commune codes (and the commune's
 * label, for ZX only). Never throws: a code that cannot be derived comes back null, with the
 * reason.
 */
export function inseeLocation(
  departmentCode: string,
  communeCode: string,
  communeName = '',
): InseeLocation {
  const rawDepartment = departmentCode.trim().toUpperCase();
  // Municipal files code the sectors of Paris, Lyon and Marseille `056SR01` (or `75056SR01`):
  // the city's code, as in the other elections.
  const commune = communeCode
    .trim()
    .toUpperCase()
    // A municipal file's sector code (`056SR01`) is its city's.
    .replace(/^(\d{1,3}|\d{5})SR\d{1,2}$/, (_sector, city: string) => city);
  if (rawDepartment === ABROAD) {
    return { departmentCode: ABROAD, communeCode: null, abroad: true, problem: null };
  }
  const none = (department: string, problem: string): InseeLocation => ({
    departmentCode: department,
    communeCode: null,
    abroad: false,
    problem,
  });
  if (rawDepartment === 'ZX') {
    const department = zxDepartment(commune, communeName);
    if (!department) {
      return none(
        'ZX',
        `impossible de dire si la commune « ${communeName || commune} » (code ${commune}) est Saint-Barthélemy ou Saint-Martin`,
      );
    }
    // Saint-Barthélemy and Saint-Martin are one commune each: 97701 and 97801.
    return {
      departmentCode: department,
      communeCode: `${department}01`,
      abroad: false,
      problem: null,
    };
  }
  const department = departmentOf(rawDepartment);
  if (!department) return none(rawDepartment, `code de département « ${rawDepartment} » inconnu`);

  let insee: string | null = null;
  if (/^[0-9][0-9AB]\d{3}$/.test(commune)) {
    // A full INSEE code (2024 files): it must lie in the département.
    if (commune.startsWith(department.length === 3 ? department : department.slice(0, 2))) {
      insee = commune;
    }
  } else if (/^\d{1,3}$/.test(commune) && Number(commune) > 0) {
    const n = Number(commune);
    if (department.length === 2) insee = department + pad(n, 3);
    else if (Math.floor(n / 100) === Number(department[2]))
      insee = department.slice(0, 2) + pad(n, 3);
    else if (n < 100) insee = department + pad(n, 2);
    // Mayotte keeps, in the ministry's files, the codes it had as 985 (Dzaoudzi 508 → 97608).
    else if (department === '976' && Math.floor(n / 100) === 5)
      insee = department + pad(n % 100, 2);
  }
  if (!insee) {
    return none(
      department,
      `le code commune « ${commune} » ne donne pas de code INSEE dans le département ${department}`,
    );
  }
  if (department === '986' && !wallisCommunes.has(insee)) {
    return none(
      department,
      `à Wallis-et-Futuna, le code commune « ${commune} » ne désigne aucune des trois communes (Alo, Sigave, Uvéa)`,
    );
  }
  return { departmentCode: department, communeCode: insee, abroad: false, problem: null };
}

/** A polling station's code padded to 4 characters, as INSEE's REU writes it. */
export const padStationCode = (code: string) => code.trim().padStart(4, '0');

/** The REU's polling station id: INSEE commune code, `_`, station code on 4 characters. */
export const pollingStationId = (communeCode: string, stationCode: string) =>
  `${communeCode}_${padStationCode(stationCode)}`;
