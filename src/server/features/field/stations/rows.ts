/** One row of the REU address table → a normalised row, or the code of the reason it is skipped. */
import { parseDegrees, validPosition } from '../addresses/rows.ts';
import { isBlankRow } from '../addresses/source.ts';
import { padStationCode, pollingStationId } from '../results/insee.ts';
import type { ReuColumnMap } from './columns.ts';
import type { ReuAddress, ReuProblemCode } from './types.ts';

const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;
/** `id_brut_bv_reu`: the commune's code (its leading zero maybe lost), `_`, the station's code. */
const RAW_STATION = /^(\d{4,5}|2[AB]\d{3})_(.+)$/i;
/** The prefix of the OpenStreetMap-based ids (BANO) INSEE's geocoding fell back on. */
const BANO_PREFIX = 'BANO_';

const text = (cell: string | undefined) => (cell === undefined ? '' : cell.trim());

/** A 4-digit code is a 5-digit one that a spreadsheet read as a number. */
const inseeCode = (written: string) => {
  const code = written.toUpperCase();
  return code.length === 4 && /^\d+$/.test(code) ? `0${code}` : code;
};

/** The station's raw code and the commune its id names (null when the id names none). */
export function splitRawStation(raw: string): { commune: string | null; code: string } {
  const match = RAW_STATION.exec(raw);
  if (!match) return { commune: null, code: raw };
  return { commune: inseeCode(match[1]), code: match[2].trim() };
}

/** A whole number of 0 or more (`12`, `12.0`, `12,0`); null when empty; 'invalid' otherwise. */
function parseCount(cell: string): number | null | 'invalid' {
  const written = cell.trim();
  if (written === '') return null;
  if (!/^\d{1,9}(?:[.,]0+)?$/.test(written)) return 'invalid';
  return Number.parseInt(written, 10);
}

/** The count in column `index` (-1: no such column), a `bad_count` warning when unreadable. */
function countIn(cells: string[], index: number, problems: ReuProblemCode[]): number | null {
  if (index === -1) return null;
  const value = parseCount(cells[index] ?? '');
  if (value !== 'invalid') return value;
  if (!problems.includes('bad_count')) problems.push('bad_count');
  return null;
}

export interface RowOutcome {
  row: ReuAddress | null;
  /** Why the row was skipped (row null), or the warnings on the row kept. */
  problems: ReuProblemCode[];
}

const BLANK: RowOutcome = { row: null, problems: [] };

/** Reads one data row. A row of empty cells gives neither a row nor a problem. */
export function readReuRow(map: ReuColumnMap, line: number, cells: string[]): RowOutcome {
  if (cells.length < map.width) {
    return isBlankRow(cells) ? BLANK : { row: null, problems: ['row_cut_short'] };
  }
  const communeCode = inseeCode(text(cells[map.communeCode]));
  const rawStationId = text(cells[map.station]);
  if (communeCode === '' && rawStationId === '' && isBlankRow(cells)) return BLANK;
  if (!INSEE_CODE.test(communeCode)) return { row: null, problems: ['bad_insee_code'] };
  const { commune, code } = splitRawStation(rawStationId);
  if (code === '') return { row: null, problems: ['missing_station'] };

  const problems: ReuProblemCode[] = [];
  if (commune !== null && commune !== communeCode) problems.push('station_commune_differs');

  let banId: string | null = text(cells[map.id]);
  // A municipality match's id is the commune's code: mended as code_commune_ref is.
  if (/^\d{4}$/.test(banId)) banId = `0${banId}`;
  if (banId === '') {
    banId = null;
    problems.push('no_ban_id');
  } else if (banId.startsWith(BANO_PREFIX)) {
    banId = null;
    problems.push('bano_id');
  }

  let lon: number | null = parseDegrees(cells[map.lon]);
  let lat: number | null = parseDegrees(cells[map.lat]);
  if (Number.isNaN(lon) || Number.isNaN(lat) || !validPosition(lon, lat)) {
    const empty = text(cells[map.lon]) === '' || text(cells[map.lat]) === '';
    problems.push(empty ? 'no_coordinates' : 'bad_coordinates');
    lon = null;
    lat = null;
  }

  let geoScore: number | null = null;
  if (map.geoScore !== -1 && text(cells[map.geoScore]) !== '') {
    const score = parseDegrees(cells[map.geoScore]);
    if (score >= 0 && score <= 1) geoScore = score;
    else problems.push('bad_geo_score');
  }
  const addressCount = countIn(cells, map.addressCount, problems);
  const stationsInCommune = countIn(cells, map.stationsInCommune, problems);
  const geoType = map.geoType === -1 ? '' : text(cells[map.geoType]).toLowerCase();
  const label = map.label === -1 ? '' : text(cells[map.label]);

  return {
    row: {
      line,
      communeCode,
      stationCode: padStationCode(code),
      stationId: pollingStationId(communeCode, code),
      rawStationId,
      banId,
      geoType: geoType || null,
      geoScore,
      lon,
      lat,
      label: label || null,
      addressCount,
      stationsInCommune,
    },
    problems,
  };
}
