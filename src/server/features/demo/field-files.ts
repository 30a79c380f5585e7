import { gzipSync } from 'node:zlib';
import { demoCandidates, DEMO_CANDIDATE_PANEL } from './field-names.ts';
import { afnorName, type DemoDoor, type DemoTown } from './field-town.ts';
import type { Random } from './random.ts';

/**
 * The three official files of the demo's door-to-door, written in memory byte for byte as they
 * are published: the ministère de l'Intérieur's results by polling station (2017–2022 layout,
 * with the legislative files' `Nuance` column), INSEE's REU address table, and a Base Adresse
 * Nationale file (gzip). The counts are made up but add up; about nine doors in ten are in the
 * REU table, as INSEE's geocoding finds them.
 */

export interface DemoFieldFiles {
  results: { fileName: string; label: string; bytes: Buffer };
  reu: { fileName: string; bytes: Buffer };
  addresses: { fileName: string; bytes: Buffer };
}

export const DEMO_ELECTION_LABEL = 'Présidentielle 2022 (fictive), 1er tour';

export function demoFieldFiles(towns: readonly DemoTown[], random: Random): DemoFieldFiles {
  const stations = towns.flatMap((town) => stationResults(town, random));
  return {
    results: {
      fileName: 'resultats-par-niveau-burvot-t1-demo.txt',
      label: DEMO_ELECTION_LABEL,
      bytes: windows1252(crlf(resultsLines(towns, stations))),
    },
    reu: {
      fileName: 'table-adresses-reu.csv',
      bytes: Buffer.from(lf(reuRows(towns, random)), 'utf8'),
    },
    addresses: {
      fileName: 'adresses-demo.csv.gz',
      bytes: gzipSync(Buffer.from(lf(banLines(towns, random)), 'utf8')),
    },
  };
}

const lf = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
const crlf = (lines: string[]) => lines.map((line) => `${line}\r\n`).join('');

/** Windows-1252 bytes (the ministry's "ISO-8859-1" files are read as such). */
const cp1252: Record<string, number> = {
  '€': 0x80,
  '’': 0x92,
  '–': 0x96,
  '—': 0x97,
  Œ: 0x8c,
  œ: 0x9c,
};
function windows1252(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.charCodeAt(0);
      return code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (cp1252[char] ?? 0x3f);
    }),
  );
}

// --- results by polling station ------------------------------------------------------------

interface StationCounts {
  town: DemoTown;
  code: string;
  registered: number;
  abstentions: number;
  blank: number;
  invalid: number;
  expressed: number;
  votes: number[];
}

const lognormal = (random: Random, sigma: number) => Math.exp(sigma * random.normal());
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function stationResults(town: DemoTown, random: Random): StationCounts[] {
  const turnoutBase = 0.2 + 0.1 * random.next();
  // Each commune leans its own way; the campaign's candidate varies most, so targeting ranks.
  const communeShares = demoCandidates.map(
    ([panel, , , , , share]) =>
      share * lognormal(random, panel === DEMO_CANDIDATE_PANEL ? 0.3 : 0.2),
  );
  return Array.from({ length: town.commune.stations }, (_, i) => {
    const registered = Math.round(clamp(1050 + 220 * random.normal(), 520, 1550));
    const abstention = clamp(turnoutBase + 0.06 * random.normal(), 0.08, 0.55);
    const abstentions = Math.round(registered * abstention);
    const voters = registered - abstentions;
    const blank = Math.round(voters * (0.012 + 0.012 * random.next()));
    const invalid = Math.round(voters * (0.004 + 0.006 * random.next()));
    const expressed = voters - blank - invalid;
    const shares = communeShares.map((share, c) =>
      demoCandidates[c][0] === DEMO_CANDIDATE_PANEL
        ? share * lognormal(random, 0.3)
        : share * lognormal(random, 0.12),
    );
    return {
      town,
      code: String(i + 1).padStart(4, '0'),
      registered,
      abstentions,
      blank,
      invalid,
      expressed,
      votes: apportion(expressed, shares),
    };
  });
}

/** Whole votes in proportion to the shares, summing to `total` (largest remainders). */
function apportion(total: number, shares: number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (total * share) / sum);
  const votes = exact.map(Math.floor);
  const order = exact
    .map((value, i) => ({ i, rest: value - votes[i] }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = total - votes.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) votes[order[k].i]++;
  return votes;
}

const pct = (part: number, whole: number) =>
  whole === 0 ? '0,00' : ((part / whole) * 100).toFixed(2).replace('.', ',');

const fixedColumns = [
  'Code du département',
  'Libellé du département',
  'Code de la circonscription',
  'Libellé de la circonscription',
  'Code de la commune',
  'Libellé de la commune',
  'Code du b.vote',
  'Inscrits',
  'Abstentions',
  '% Abs/Ins',
  'Votants',
  '% Vot/Ins',
  'Blancs',
  '% Blancs/Ins',
  '% Blancs/Vot',
  'Nuls',
  '% Nuls/Ins',
  '% Nuls/Vot',
  'Exprimés',
  '% Exp/Ins',
  '% Exp/Vot',
];
const blockColumns = [
  'N°Panneau',
  'Sexe',
  'Nom',
  'Prénom',
  'Nuance',
  'Voix',
  '% Voix/Ins',
  '% Voix/Exp',
];

function resultsLines(towns: readonly DemoTown[], stations: StationCounts[]): string[] {
  const constituency = new Map(
    towns.map((town, i) => {
      const n = 1 + ((Number.parseInt(town.commune.code.slice(2), 10) + i) % 5);
      return [town, [String(n).padStart(2, '0'), `${n}${n === 1 ? 'ère' : 'ème'} circonscription`]];
    }),
  );
  const rows = stations.map((s) => {
    const { commune } = s.town;
    const voters = s.registered - s.abstentions;
    return [
      commune.departementCode,
      commune.departementName,
      ...constituency.get(s.town)!,
      commune.code.slice(2),
      commune.name,
      s.code,
      String(s.registered),
      String(s.abstentions),
      pct(s.abstentions, s.registered),
      String(voters),
      pct(voters, s.registered),
      String(s.blank),
      pct(s.blank, s.registered),
      pct(s.blank, voters),
      String(s.invalid),
      pct(s.invalid, s.registered),
      pct(s.invalid, voters),
      String(s.expressed),
      pct(s.expressed, s.registered),
      pct(s.expressed, voters),
      ...demoCandidates.flatMap(([panel, sex, last, first, nuance], c) => [
        String(panel),
        sex,
        last,
        first,
        nuance,
        String(s.votes[c]),
        pct(s.votes[c], s.registered),
        pct(s.votes[c], s.expressed),
      ]),
    ].join(';');
  });
  return [[...fixedColumns, ...blockColumns].join(';'), ...rows];
}

// --- INSEE's REU address table ---------------------------------------------------------------

const reuHeader = [
  'code_commune_ref',
  'reconstitution_code_commune',
  'id_brut_bv_reu',
  'id',
  'geo_adresse',
  'geo_type',
  'geo_score',
  'longitude',
  'latitude',
  'api_line',
  'nb_bv_commune',
  'nb_adresses',
];

/** Quoted when it holds the delimiter or a quote, as pandas writes it. */
const csvCell = (value: string) =>
  value.includes(',') || value.includes('"') ? `"${value.replaceAll('"', '""')}"` : value;

const doorLabel = (door: DemoDoor, communeName: string) =>
  `${door.number}${door.suffix ? ` ${door.suffix}` : ''} ${door.street.name} ${door.postalCode} ${communeName}`;

/**
 * Nine doors in ten matched to their own BAN id; some streets INSEE could place only as a
 * street; one interpolated number without id per commune. Grouped by station, as INSEE's
 * extract is.
 */
function reuRows(towns: readonly DemoTown[], random: Random): string[] {
  const lines: Array<{ sort: string; cells: string[] }> = [];
  for (const town of towns) {
    const { commune } = town;
    const row = (
      station: number,
      id: string,
      label: string,
      type: string,
      lon: number,
      lat: number,
    ) => {
      const weight =
        type === 'street' ? random.int(2, 9) : Math.min(12, Math.floor(random.pareto(1.6)));
      lines.push({
        sort: `${commune.code}_${String(station).padStart(4, '0')}_${id}`,
        cells: [
          commune.code,
          '1',
          `${commune.code}_${station}`,
          id,
          label,
          type,
          (type === 'street' ? 0.6 + 0.15 * random.next() : 0.82 + 0.17 * random.next()).toFixed(2),
          lon.toFixed(6),
          lat.toFixed(6),
          type === 'interpolation' ? 'BANI' : random.chance(0.85) ? 'BANG' : 'BAND',
          String(commune.stations),
          String(weight),
        ],
      });
    };
    const unmatched = new Map<string, DemoDoor[]>();
    for (const door of town.doors) {
      if (random.chance(0.9)) {
        row(
          door.station,
          door.banId,
          doorLabel(door, commune.name),
          'housenumber',
          door.lon,
          door.lat,
        );
      } else {
        unmatched.set(door.street.key, [...(unmatched.get(door.street.key) ?? []), door]);
      }
    }
    for (const [key, doors] of unmatched) {
      if (!random.chance(0.35)) continue;
      const street = doors[0].street;
      const all = town.doors.filter((d) => d.street.key === key);
      const middle = all[Math.floor(all.length / 2)];
      row(
        mostCommon(all.map((d) => d.station)),
        key,
        `${street.name} ${middle.postalCode} ${commune.name}`,
        'street',
        middle.lon,
        middle.lat,
      );
    }
    const guessed = town.doors[Math.floor(town.doors.length / 3)];
    if (guessed) {
      const label = `${guessed.number + 1} ${guessed.street.name} ${guessed.postalCode} ${commune.name}`;
      row(guessed.station, '', label, 'interpolation', guessed.lon + 0.00005, guessed.lat);
    }
  }
  lines.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  return [reuHeader.join(','), ...lines.map((line) => line.cells.map(csvCell).join(','))];
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

// --- Base Adresse Nationale ------------------------------------------------------------------

const banHeader = [
  'id',
  'id_fantoir',
  'numero',
  'rep',
  'nom_voie',
  'code_postal',
  'code_insee',
  'nom_commune',
  'code_insee_ancienne_commune',
  'nom_ancienne_commune',
  'x',
  'y',
  'lon',
  'lat',
  'type_position',
  'alias',
  'nom_ld',
  'libelle_acheminement',
  'nom_afnor',
  'source_position',
  'source_nom_voie',
  'certification_commune',
  'cad_parcelles',
];

/** Lambert-93 (EPSG:2154), the x/y of metropolitan BAN files, from WGS 84 (IGN's formulas). */
export function lambert93(lon: number, lat: number): [number, number] {
  const e = 0.0818191910428158;
  const n = 0.725607765053267;
  const c = 11_754_255.426096;
  const phi = (lat * Math.PI) / 180;
  const sin = Math.sin(phi);
  const isometric = Math.log(
    Math.tan(Math.PI / 4 + phi / 2) * ((1 - e * sin) / (1 + e * sin)) ** (e / 2),
  );
  const r = c * Math.exp(-n * isometric);
  const gamma = (n * (lon - 3) * Math.PI) / 180;
  return [700_000 + r * Math.sin(gamma), 12_655_612.049876 - r * Math.cos(gamma)];
}

function banLines(towns: readonly DemoTown[], random: Random): string[] {
  const rows = towns.flatMap((town) => {
    const delivery = afnorName(town.commune.name);
    const sections = ['0A', '0B', 'AB', 'AC', 'AD', '0C'];
    return town.doors.map((door) => {
      const [x, y] = lambert93(door.lon, door.lat);
      const certified = random.chance(0.8);
      const cadastre = random.chance(0.3);
      return [
        door.banId,
        door.street.fantoir ? door.street.key : '',
        String(door.number),
        door.suffix ?? '',
        door.street.name,
        door.postalCode,
        town.commune.code,
        town.commune.name,
        '',
        '',
        x.toFixed(2),
        y.toFixed(2),
        door.lon.toFixed(6),
        door.lat.toFixed(6),
        random.chance(0.88) ? 'entrée' : random.chance(0.6) ? 'bâtiment' : 'délivrance postale',
        '',
        '',
        delivery,
        door.street.afnor,
        cadastre ? 'cadastre' : 'commune',
        door.street.fantoir ? (cadastre ? 'cadastre' : 'commune') : 'inconnue',
        certified ? '1' : '0',
        random.chance(0.7)
          ? `${town.commune.code}000${random.pick(sections)}${String(random.int(1, 2400)).padStart(4, '0')}`
          : '',
      ].join(';');
    });
  });
  return [banHeader.join(';'), ...rows];
}
