/** One data row of a results file → a normalised station, or the reason it is skipped. */
import { inseeLocation, padStationCode, pollingStationId } from './insee.ts';
import { columnName, type BlockColumns, type ColumnMap, type FixedField } from './layout.ts';
import type {
  CandidateResult,
  ResultsProblem,
  ResultsProblemCode,
  StationResult,
} from './types.ts';

export interface RowResult {
  station: StationResult | null;
  problems: ResultsProblem[];
}

/**
 * A count: digits, maybe with spaces between thousands or a zero decimal part (`1 234`,
 * `645,00`). 'empty' for a blank cell, 'invalid' for anything else (letters, a sign, a fraction).
 */
export function parseCount(cell: string): number | 'empty' | 'invalid' {
  const text = cell.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return 'empty';
  const match = /^(\d+)(?:[.,]0+)?$/.exec(text);
  if (!match) return 'invalid';
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : 'invalid';
}

/** 'F' / 'M' from F, M, FEMININ, MASCULIN (any case, accents); null otherwise. */
export function parseSex(cell: string): 'F' | 'M' | null {
  const text = cell
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
  if (text === 'F' || text === 'FEMININ' || text === 'FEMME' || text === 'MME') return 'F';
  if (text === 'M' || text === 'MASCULIN' || text === 'HOMME') return 'M';
  return null;
}

const blank = (cell: string | undefined) => cell === undefined || cell.trim() === '';
const text = (cell: string | undefined) => (cell ?? '').trim();
const orNull = (cell: string | undefined) => text(cell) || null;

class Skip extends Error {
  constructor(readonly problem: ResultsProblem) {
    super(problem.message);
  }
}

const SKIPPED = ' ; ligne ignorée.';

/** Reads one data row (not blank). */
export function readRow(map: ColumnMap, line: number, cells: string[]): RowResult {
  const problems: ResultsProblem[] = [];
  const problem = (code: ResultsProblemCode, severity: 'error' | 'warning', message: string) => ({
    line,
    code,
    severity,
    message: `Ligne ${line} : ${message}`,
  });
  const skip = (code: ResultsProblemCode, message: string) =>
    new Skip(problem(code, 'error', message + SKIPPED));
  const warn = (code: ResultsProblemCode, message: string) =>
    problems.push(problem(code, 'warning', `${message}.`));

  try {
    if (cells.length < map.fixedWidth) {
      throw skip(
        'row_cut_short',
        `la ligne s'arrête après ${cells.length} colonnes alors que l'en-tête en demande au moins ${map.fixedWidth} (ligne tronquée ?)`,
      );
    }
    const cell = (field: FixedField) => {
      const index = map.fixed[field];
      return index === undefined ? undefined : cells[index];
    };
    const code = (field: 'department' | 'commune' | 'station') => {
      const value = text(cell(field));
      if (!value)
        throw skip('missing_code', `la colonne ${columnName(map, map.fixed[field]!)} est vide`);
      return value;
    };
    const count = (index: number, what = '') => {
      const value = parseCount(cells[index] ?? '');
      if (value === 'empty')
        throw skip('empty_count', `la colonne ${columnName(map, index)}${what} est vide`);
      if (value === 'invalid') {
        throw skip(
          'not_a_number',
          `« ${text(cells[index])} » dans la colonne ${columnName(map, index)}${what} n'est pas un nombre entier`,
        );
      }
      return value;
    };
    const optionalCount = (field: FixedField) => {
      const index = map.fixed[field];
      return index === undefined ? null : count(index);
    };

    const departmentCode = code('department');
    const communeCode = code('commune');
    const stationCode = code('station');
    const registered = count(map.fixed.registered!);
    const fileAbstentions = optionalCount('abstentions');
    const fileVoters = optionalCount('voters');
    const blankBallots = optionalCount('blank');
    const invalid = optionalCount('invalid');
    const expressed = count(map.fixed.expressed!);
    const candidates = readCandidates(map, cells, count, skip);

    let voters = fileVoters ?? registered - fileAbstentions!;
    let abstentions = fileAbstentions ?? registered - fileVoters!;
    if (fileVoters !== null && fileAbstentions !== null) {
      if (fileVoters + fileAbstentions !== registered) {
        warn(
          'turnout_does_not_add_up',
          `votants (${fileVoters}) + abstentions (${fileAbstentions}) = ${fileVoters + fileAbstentions}, pas ${registered} inscrits`,
        );
      }
    } else if (voters < 0 || abstentions < 0) {
      warn(
        'turnout_does_not_add_up',
        `plus de ${fileVoters !== null ? 'votants' : 'abstentions'} que d'inscrits (${registered}) ; ramené à 0`,
      );
      voters = Math.max(0, voters);
      abstentions = Math.max(0, abstentions);
    }
    if (blankBallots !== null && invalid !== null) {
      const total = blankBallots + invalid + expressed;
      if (total !== voters) {
        warn(
          'ballots_do_not_add_up',
          `blancs (${blankBallots}) + nuls (${invalid}) + exprimés (${expressed}) = ${total}, pas ${voters} votants`,
        );
      }
    } else if (expressed > voters) {
      warn('ballots_do_not_add_up', `plus d'exprimés (${expressed}) que de votants (${voters})`);
    }
    let sum = 0;
    for (const candidate of candidates) {
      sum += candidate.votes;
      if (candidate.votes > expressed) {
        warn(
          'candidate_votes_exceed_expressed',
          `${displayName(candidate)} (panneau ${candidate.panel}) a ${candidate.votes} voix pour ${expressed} exprimés`,
        );
      }
    }
    // In municipal elections without lists (communes under 1,000 inhabitants), each voter
    // chooses several candidates: their votes add up to more than the ballots.
    const plurinominal =
      map.layout.lists && candidates.length > 0 && candidates.every((c) => c.list === null);
    if (sum !== expressed && !(plurinominal && sum > expressed)) {
      warn('votes_do_not_add_up', `les voix des candidats font ${sum}, pour ${expressed} exprimés`);
    }

    const communeName = text(cell('communeName'));
    const location = inseeLocation(departmentCode, communeCode, communeName);
    if (location.problem) {
      warn(
        'no_insee_code',
        `pas de code INSEE de commune (${location.problem}), bureau gardé sans commune`,
      );
    }
    const station: StationResult = {
      line,
      departmentCode: location.departmentCode,
      departmentName: orNull(cell('departmentName')),
      constituencyCode: orNull(cell('constituency')),
      communeCode: location.communeCode,
      communeName,
      stationCode: padStationCode(stationCode),
      stationId: location.communeCode ? pollingStationId(location.communeCode, stationCode) : null,
      abroad: location.abroad,
      source: { departmentCode, communeCode, stationCode },
      registered,
      abstentions,
      voters,
      blank: blankBallots,
      invalid,
      expressed,
      candidates,
    };
    return { station, problems };
  } catch (error) {
    if (error instanceof Skip) return { station: null, problems: [error.problem] };
    throw error;
  }
}

export const displayName = (candidate: CandidateResult) =>
  [candidate.lastName, candidate.firstName].filter(Boolean).join(' ');

type Count = (index: number, what?: string) => number;
type SkipOf = (code: ResultsProblemCode, message: string) => Skip;

/** The blocks of a row, each with absolute column indexes, empty ones left out. */
function rowBlocks(map: ColumnMap, cells: string[], skip: SkipOf): BlockColumns[] {
  if (map.kind === '2024') {
    if (cells.length > map.names.length) {
      const extra = cells.slice(map.names.length).filter((c) => !blank(c)).length;
      if (extra) {
        throw skip(
          'too_many_cells',
          `${cells.length} colonnes pour ${map.names.length} dans l'en-tête, dont ${extra} remplie(s) au-delà (colonnes décalées ?)`,
        );
      }
    }
    const blocks: BlockColumns[] = [];
    map.blocks.forEach((block, rank) => {
      const present = cells.slice(block.first, block.last + 1);
      if (present.every(blank)) return;
      if (block.last >= cells.length) {
        throw skip(
          'block_cut_short',
          `le bloc du candidat ${rank + 1} s'arrête après ${present.length} colonnes sur ${block.last - block.first + 1} (ligne tronquée ?)`,
        );
      }
      blocks.push(block.columns);
    });
    return blocks;
  }
  let end = cells.length;
  const remainder = (end - map.start) % map.width;
  if (remainder) {
    // Trailing separators leave empty cells; anything else is a block cut short.
    if (cells.slice(end - remainder).every(blank)) end -= remainder;
    else {
      throw skip(
        'block_cut_short',
        `le bloc du candidat ${Math.floor((end - map.start) / map.width) + 1} s'arrête après ${remainder} colonnes sur ${map.width} (ligne tronquée ?)`,
      );
    }
  }
  const blocks: BlockColumns[] = [];
  for (let start = map.start; start < end; start += map.width) {
    if (cells.slice(start, start + map.width).every(blank)) continue;
    const columns: BlockColumns = {};
    for (const [field, offset] of Object.entries(map.block) as [keyof BlockColumns, number][]) {
      columns[field] = start + offset;
    }
    blocks.push(columns);
  }
  return blocks;
}

function readCandidates(
  map: ColumnMap,
  cells: string[],
  count: Count,
  skip: SkipOf,
): CandidateResult[] {
  return rowBlocks(map, cells, skip).map((columns, rank) => {
    const at = (index: number | undefined) => (index === undefined ? undefined : cells[index]);
    const what = ` (candidat ${rank + 1})`;
    const panelCell = at(columns.panel);
    const panel = blank(panelCell) ? rank + 1 : count(columns.panel!, what);
    if (blank(at(columns.votes))) {
      throw skip(
        'incomplete_candidate',
        `le candidat ${rank + 1} (panneau ${panel}) n'a pas de voix`,
      );
    }
    const votes = count(columns.votes!, what);
    const list = orNull(at(columns.list)) ?? orNull(at(columns.listLabel));
    const lastName = orNull(at(columns.lastName)) ?? orNull(at(columns.head)) ?? list;
    if (!lastName) {
      throw skip(
        'incomplete_candidate',
        `le candidat ${rank + 1} (panneau ${panel}) n'a pas de nom`,
      );
    }
    return {
      panel,
      sex: parseSex(text(at(columns.sex))),
      lastName,
      firstName: orNull(at(columns.firstName)),
      nuance: orNull(at(columns.nuance)) ?? orNull(at(columns.listNuance)),
      list,
      votes,
    };
  });
}
