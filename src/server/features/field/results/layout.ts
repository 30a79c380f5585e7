/**
 * Reads the header line of a results file: which layout, which column holds what. Columns are
 * matched by normalised name (case, accents, spaces, dots and signs ignored), so that the small
 * differences between elections (`Code du b.vote`, `Code B.Vote`, `Code BV`) do not matter.
 */
import { quote, refusals } from './refusal.ts';
import type { ResultsLayout, ResultsLayoutKind } from './types.ts';

export type FixedField =
  | 'department'
  | 'departmentName'
  | 'constituency'
  | 'commune'
  | 'communeName'
  | 'station'
  | 'registered'
  | 'abstentions'
  | 'voters'
  | 'blank'
  | 'invalid'
  | 'expressed';

export type BlockField =
  | 'panel'
  | 'sex'
  | 'lastName'
  | 'firstName'
  | 'nuance'
  | 'listNuance'
  | 'votes'
  | 'list'
  | 'listLabel'
  | 'head';

/** Lower case, no accents, letters, digits and `%` only: `Code du b.vote` → `codedubvote`. */
export const normaliseName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%]/g, '');

const fixedAliases: Record<FixedField, string[]> = {
  department: ['codedudepartement', 'codedepartement', 'codedpt', 'codedudpt'],
  departmentName: ['libelledudepartement', 'libelledepartement'],
  constituency: [
    'codedelacirconscription',
    'codecirconscription',
    'codecirconscriptionlegislative',
  ],
  commune: ['codedelacommune', 'codecommune'],
  communeName: ['libelledelacommune', 'libellecommune'],
  station: [
    'codedubvote',
    'codebvote',
    'codebv',
    'codedubureaudevote',
    'codebureaudevote',
    'codebureau',
  ],
  registered: ['inscrits'],
  abstentions: ['abstentions'],
  voters: ['votants'],
  blank: ['blancs'],
  invalid: ['nuls'],
  expressed: ['exprimes'],
};

const blockAliases: Record<BlockField, string[]> = {
  panel: ['npanneau', 'npan', 'nliste', 'numerodepanneau', 'numeropanneau', 'panneau'],
  sex: ['sexe', 'sexecandidat'],
  lastName: ['nom', 'nomcandidat'],
  firstName: ['prenom', 'prenomcandidat'],
  nuance: ['nuance', 'codenuance', 'nuancecandidat'],
  listNuance: ['nuanceliste', 'nuancedeliste'],
  votes: ['voix'],
  list: ['libelleabregeliste', 'libelleabregedeliste', 'liste'],
  listLabel: ['libelleetenduliste', 'libelledeliste', 'libelledelaliste', 'libelleliste'],
  head: ['nomtetedeliste', 'nomtetelisteliste', 'tetedeliste'],
};

const lookup = <F extends string>(aliases: Record<F, string[]>) => {
  const map = new Map<string, F>();
  for (const [field, names] of Object.entries(aliases) as [F, string[]][]) {
    for (const name of names) map.set(name, field);
  }
  return map;
};
const fixedByName = lookup(fixedAliases);
const blockByName = lookup(blockAliases);

/** Column indexes of a block's fields (absolute in 2024 files, offsets in the block otherwise). */
export type BlockColumns = Partial<Record<BlockField, number>>;

interface CommonMap {
  layout: ResultsLayout;
  /** The header as read (trimmed), to name columns in messages. */
  names: string[];
  fixed: Partial<Record<FixedField, number>>;
  /** Cells a row needs for its fixed part. */
  fixedWidth: number;
}

/** 2017–2022: the block named once from `start`, `width` columns, repeated by rows. */
export interface RepeatedBlocksMap extends CommonMap {
  kind: '2017-2022';
  start: number;
  width: number;
  block: BlockColumns;
}

/** 2024: every block named in the header. */
export interface NumberedBlocksMap extends CommonMap {
  kind: '2024';
  blocks: Array<{ columns: BlockColumns; first: number; last: number }>;
}

export type ColumnMap = RepeatedBlocksMap | NumberedBlocksMap;

/** How each layout spells the required columns, to name them when they are missing. */
const spelling: Record<ResultsLayoutKind, Record<string, string>> = {
  '2017-2022': {
    department: 'Code du département',
    commune: 'Code de la commune',
    station: 'Code du b.vote',
    registered: 'Inscrits',
    voters: 'Votants',
    expressed: 'Exprimés',
    votes: 'Voix',
    name: 'Nom',
  },
  '2024': {
    department: 'Code département',
    commune: 'Code commune',
    station: 'Code BV',
    registered: 'Inscrits',
    voters: 'Votants',
    expressed: 'Exprimés',
    votes: 'Voix',
    name: 'Nom candidat',
  },
};

const numbered = /^(.*?)[\s_]*(\d+)$/;

/** The layout and columns of a header line; throws a ResultsFileError when it is not one. */
export function readHeader(fields: string[]): ColumnMap {
  const names = fields.map((f) => f.trim());
  while (names.length && names[names.length - 1] === '') names.pop();
  const kind: ResultsLayoutKind = names.some((name) => {
    const match = numbered.exec(name);
    return match !== null && normaliseName(match[1]) === 'voix';
  })
    ? '2024'
    : '2017-2022';
  const spell = spelling[kind];

  const fixed: Partial<Record<FixedField, number>> = {};
  const blockStart = kind === '2017-2022' ? firstBlockColumn(names) : -1;
  names.forEach((name, index) => {
    if (kind === '2017-2022' && blockStart !== -1 && index >= blockStart) return;
    if (kind === '2024' && numbered.test(name)) return;
    const field = fixedByName.get(normaliseName(name));
    if (field && fixed[field] === undefined) fixed[field] = index;
  });

  if (fixed.station === undefined) {
    throw fixed.registered !== undefined
      ? refusals.notByStation(spell.station)
      : refusals.notResults(spell.station);
  }
  const missing: string[] = [];
  for (const field of ['department', 'commune', 'registered'] as const) {
    if (fixed[field] === undefined) missing.push(spell[field]);
  }
  if (fixed.voters === undefined && fixed.abstentions === undefined) missing.push(spell.voters);
  if (fixed.expressed === undefined) missing.push(spell.expressed);

  const fixedWidth = Math.max(...Object.values(fixed)) + 1;
  const common = (blockColumns: string[], headerBlocks: number, block: BlockColumns) => ({
    names,
    fixed,
    fixedWidth,
    layout: {
      kind,
      columns: names.length,
      fixedColumns:
        kind === '2017-2022'
          ? names.slice(0, blockStart === -1 ? names.length : blockStart)
          : names.filter((name) => !numbered.test(name)),
      blockColumns,
      headerBlocks,
      nuance: block.nuance !== undefined || block.listNuance !== undefined,
      constituency: fixed.constituency !== undefined,
      lists: block.list !== undefined || block.listLabel !== undefined || block.head !== undefined,
    },
  });

  if (kind === '2017-2022') {
    if (blockStart === -1) throw refusals.missingColumns([...missing, spell.votes, spell.name]);
    const rest = names.slice(blockStart);
    // Rows repeat the block; a header that names it more than once shows its width.
    const again = rest.indexOf(rest[0], 1);
    const width = again > 0 ? again : rest.length;
    const block = blockFields(rest.slice(0, width));
    missing.push(...missingInBlock(block, spell.votes, spell.name));
    if (missing.length) throw refusals.missingColumns(missing);
    return {
      kind,
      start: blockStart,
      width,
      block,
      ...common(rest.slice(0, width), Math.floor(rest.length / width), block),
      // A row has all the fixed columns, percentages included, before its first block.
      fixedWidth: blockStart,
    };
  }

  const byNumber = new Map<
    number,
    { columns: BlockColumns; first: number; last: number; bases: string[] }
  >();
  names.forEach((name, index) => {
    const match = numbered.exec(name);
    if (!match) return;
    const n = Number(match[2]);
    let block = byNumber.get(n);
    if (!block) byNumber.set(n, (block = { columns: {}, first: index, last: index, bases: [] }));
    block.last = index;
    block.bases.push(match[1].trim());
    const field = blockByName.get(normaliseName(match[1]));
    if (field && block.columns[field] === undefined) block.columns[field] = index;
  });
  const blocks = [...byNumber.entries()].sort(([a], [b]) => a - b);
  for (const [n, block] of blocks) {
    missing.push(...missingInBlock(block.columns, `${spell.votes} ${n}`, `${spell.name} ${n}`));
  }
  if (missing.length) throw refusals.missingColumns(missing);
  return {
    kind,
    blocks: blocks.map(([, { columns, first, last }]) => ({ columns, first, last })),
    ...common(blocks[0][1].bases, blocks.length, blocks[0][1].columns),
  };
}

/** The first column of the candidates' block (2017–2022), or -1. */
function firstBlockColumn(names: string[]): number {
  return names.findIndex((name) => {
    const key = normaliseName(name);
    return blockByName.has(key) && !fixedByName.has(key);
  });
}

function blockFields(names: string[]): BlockColumns {
  const block: BlockColumns = {};
  names.forEach((name, offset) => {
    const field = blockByName.get(normaliseName(name));
    if (field && block[field] === undefined) block[field] = offset;
  });
  return block;
}

function missingInBlock(block: BlockColumns, votes: string, name: string): string[] {
  const missing: string[] = [];
  if (block.votes === undefined) missing.push(votes);
  const named =
    block.lastName !== undefined ||
    block.head !== undefined ||
    block.list !== undefined ||
    block.listLabel !== undefined;
  if (!named) missing.push(name);
  return missing;
}

/** A column's name for a message: « Inscrits »; a repeated block's column by its header name. */
export function columnName(map: ColumnMap, index: number): string {
  const name =
    map.kind === '2017-2022' && index >= map.start
      ? map.names[map.start + ((index - map.start) % map.width)]
      : map.names[index];
  return quote(name ?? `n° ${index + 1}`);
}
