/** One row of an electoral list → an elector, or the code of the reason it is skipped. */
import { isBlankRow } from '../addresses/source.ts';
import { inseeLocation, padStationCode, pollingStationId } from '../results/insee.ts';
import { parseSex } from '../results/rows.ts';
import { splitRawStation } from '../stations/rows.ts';
import type { ElectorColumnMap } from './columns.ts';
import { electorStreetKey } from './street-names.ts';
import type { Elector, ElectorProblemCode } from './types.ts';

export { electorStreetKey, spellOutStreet } from './street-names.ts';

const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;
const POSTAL_CODE = /^\d{5}$/;
/** `12`, `12 BIS`, `12B`, `12 b.`: the number, and the repetition index after it. */
const HOUSE_NUMBER = /^(\d{1,5})\s*(?:(\p{L}+)\.?)?$/u;
const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Nobody older is on a list; an earlier year is a typing mistake. */
const FIRST_BIRTH_YEAR = 1880;

const text = (cell: string | undefined) => (cell === undefined ? '' : cell.trim());
const orNull = (value: string) => value || null;
const folded = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

/**
 * The INSEE code of the list's commune: a 5-character code as it is (a 4-digit one lost its
 * leading zero in a spreadsheet), a shorter one after its département as the results reader
 * builds it (`2A` + `004`, `ZA` + `101` → `97101`). Null when none can be made.
 */
export function communeCodeOf(department: string, commune: string, name: string): string | null {
  let code = commune.toUpperCase();
  if (/^\d{4}$/.test(code)) code = `0${code}`;
  if (department === '') return INSEE_CODE.test(code) ? code : null;
  return inseeLocation(department, code, name).communeCode;
}

/** `JJ/MM/AAAA` (or `-`, `.`; or ISO) → `yyyy-mm-dd`; null when empty, 'invalid' otherwise. */
export function parseBirthDate(cell: string): string | null | 'invalid' {
  const written = cell.trim();
  if (written === '') return null;
  const french = FRENCH_DATE.exec(written);
  const iso = french ? null : ISO_DATE.exec(written);
  if (!french && !iso) return 'invalid';
  const [day, month, year] = french
    ? [Number(french[1]), Number(french[2]), Number(french[3])]
    : [Number(iso![3]), Number(iso![2]), Number(iso![1])];
  // Day 0 of the next month is the last of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < FIRST_BIRTH_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    return 'invalid';
  }
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `NumeroVoie` → number and suffix; null when empty; 'invalid' for anything else (`12-14`). */
export function parseStreetNumber(
  cell: string,
): { number: number; suffix: string | null } | null | 'invalid' {
  const written = cell.trim();
  if (written === '') return null;
  const match = HOUSE_NUMBER.exec(written);
  if (!match) return 'invalid';
  return { number: Number(match[1]), suffix: match[2] ? match[2].toLowerCase() : null };
}

/** The type and the name of a street, the type left out when the name starts with it already. */
function streetOf(type: string, name: string): string {
  if (type === '' || name === '') return type || name;
  const first = name.split(/\s/, 1)[0];
  return folded(first) === folded(type) ? name : `${type} ${name}`;
}

export interface RowOutcome {
  row: Elector | null;
  /** Why the row was skipped (elector null), or the warnings on the elector kept. */
  problems: ElectorProblemCode[];
}

const BLANK: RowOutcome = { row: null, problems: [] };
const skip = (problem: ElectorProblemCode): RowOutcome => ({ row: null, problems: [problem] });

/** Reads one data row. A row of empty cells gives neither an elector nor a problem. */
export function readElectorRow(map: ElectorColumnMap, line: number, cells: string[]): RowOutcome {
  const cell = (index: number) => (index === -1 ? '' : text(cells[index]));
  if (cells.length < map.width) return isBlankRow(cells) ? BLANK : skip('row_cut_short');
  const writtenBirthName = cell(map.birthName);
  const writtenUsageName = cell(map.usageName);
  const birthName = writtenBirthName || writtenUsageName;
  if (birthName === '') return isBlankRow(cells) ? BLANK : skip('missing_name');
  const givenNames = cell(map.givenNames);
  if (givenNames === '') return skip('missing_given_names');
  const communeName = cell(map.communeName);
  const communeCode = communeCodeOf(cell(map.department), cell(map.communeCode), communeName);
  if (communeCode === null) return skip('bad_commune_code');
  // An extract may write the station as the REU's id (`01001_1`): its code is after the `_`.
  const { code: station } = splitRawStation(cell(map.station));
  if (station === '') return skip('missing_station');

  const problems: ElectorProblemCode[] = [];
  const writtenSex = cell(map.sex);
  const sex = writtenSex === '' ? null : parseSex(writtenSex);
  if (writtenSex !== '' && sex === null) problems.push('bad_sex');
  let birthDate = parseBirthDate(cell(map.birthDate));
  if (birthDate === 'invalid') {
    problems.push('bad_birth_date');
    birthDate = null;
  }
  let number = parseStreetNumber(cell(map.number));
  if (number === 'invalid') {
    problems.push('bad_number');
    number = null;
  }
  let postalCode: string | null = cell(map.postalCode);
  if (/^\d{4}$/.test(postalCode)) postalCode = `0${postalCode}`;
  if (postalCode === '') postalCode = null;
  else if (!POSTAL_CODE.test(postalCode)) {
    problems.push('bad_postal_code');
    postalCode = null;
  }
  const street = orNull(streetOf(cell(map.streetType), cell(map.streetName)) || cell(map.locality));
  const complement = [cell(map.complement1), cell(map.complement2)].filter(Boolean).join(', ');

  return {
    row: {
      line,
      communeCode,
      communeName: orNull(communeName),
      stationCode: padStationCode(station),
      stationId: pollingStationId(communeCode, station),
      listNumber: orNull(cell(map.listNumber)),
      sex,
      birthName,
      usageName:
        writtenUsageName === '' || folded(writtenUsageName) === folded(birthName)
          ? null
          : writtenUsageName,
      givenNames,
      birthDate,
      number: number?.number ?? null,
      suffix: number?.suffix ?? null,
      street,
      complement: orNull(complement),
      postalCode,
      city: orNull(cell(map.city)),
      streetKey: street === null ? null : electorStreetKey(communeCode, street),
    },
    problems,
  };
}
