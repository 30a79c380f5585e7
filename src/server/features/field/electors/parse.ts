/**
 * # Electoral lists (Code électoral L37)
 *
 * A pure, streaming reader of the electoral list a candidate obtains from a commune or a
 * prefecture. It takes bytes (`AsyncIterable<Uint8Array>`, or chunks pushed one by one) and
 * gives the electors in batches, then a report. No database, no I/O: the import job stores
 * what it yields.
 *
 * ## Format
 *
 * The CSV of the arrêté of 12 November 2013 (INTA1326795A, art. 2 and 4): `;`-separated, a
 * header line, UTF-8, dates `JJ/MM/AAAA`, `Sexe` M or F, the columns `TypeListe; InfoListe;
 * DateCreationListe; CodeDepartement; CodeCommune; NomCommune; NoElecteurGeneral; Sexe;
 * NomdeNaissance; NomDusage; Prenoms; DateDeNaissance; NomComNaissance; DeptNaissance;
 * PaysNaissance; Nationalite; NomBureauDeVote; NoBureauDeVote; CodeCanton;
 * CodeCirconscription; ComplementDeLocalisation1; ComplementDeLocalisation2; NumeroVoie;
 * TypeVoie; LibelleVoie; LieuDit; CodePostal; VilleLocalite; Pays`. Columns are found by name
 * (case, accents, spaces, underscores ignored), and the spelled-out names of the répertoire
 * électoral unique's extracts are read too (« Code de la commune », « Code du bureau de vote »,
 * « Nom de naissance », « Numéro de voie », « Libellé de voie », « Complément 1 »…: see
 * `columns.ts`). Other columns are ignored — among them the place of birth and nationality,
 * which the campaign has no use for and so does not keep. The delimiter is the most frequent of
 * `;`, `,` and tab in the header line. A file in Windows-1252 (or ISO-8859-1, which it extends)
 * is read with a warning, as a spreadsheet saves it; a UTF-8 file's lines that are not UTF-8
 * get `not_utf8` warnings.
 *
 * Required: a name (`NomdeNaissance` or `NomDusage`), `Prenoms`, `CodeCommune` and
 * `NoBureauDeVote`. A file with two columns only an electoral list has (`NomdeNaissance`,
 * `Prenoms`, `DateDeNaissance`…) but without these is refused as `missing_columns`; one with
 * fewer is not an electoral list (`not_electoral_list`, naming what it is when the other
 * readers know it: BAN addresses, INSEE's REU table, results, people).
 *
 * ## Records
 *
 * `Elector`: the commune's INSEE code (`CodeCommune` as is when it has 5 characters — 4 digits
 * get back the leading zero a spreadsheet dropped —, else after `CodeDepartement` as the
 * results reader builds it: `01` + `001`, `2A` + `004`, `971` or `ZA` + `120` → `97120`), the
 * station (`NoBureauDeVote` padded to 4 characters, and `stationId` as the REU and results
 * readers name stations, so all three meet), the list number, sex, names, birth date (ISO), the
 * address (number and repetition index from `NumeroVoie`, `TypeVoie LibelleVoie` or the
 * lieu-dit, the complements joined, postal code, city) and `streetKey`, with which the import
 * ties the elector to the BAN address at the same number of the same street (see
 * `street-names.ts`: abbreviated street types are spelt out before the name is folded as the
 * BAN reader folds it).
 *
 * ## Problems and refusals
 *
 * A row is skipped, with a stable code, when it has no name, no given names, no commune code
 * that gives an INSEE code, no station, too few cells, a broken quote or a line over a million
 * characters. A birth date that is not one, a sex other than M/F, a postal code that is not five
 * digits and a number that cannot be read keep the elector without them, with a warning.
 * Problems are counted by code with their first 20 line numbers. A file of another kind is
 * refused before any elector: an `ElectorFileError` (422) with a stable code
 * (`ElectorRefusalCode`) and a French sentence. Gzip is not read: a `.gz` is refused as binary.
 */
import {
  BATCH_SIZE,
  collectRows,
  readTable,
  RowReader,
  sourceProblems,
  type RowFile,
} from '../addresses/reader.ts';
import type { ProblemDescription } from '../addresses/tally.ts';
import {
  electorColumnName,
  readElectorHeader,
  type ElectorColumnMap,
  type ElectorField,
} from './columns.ts';
import { electorRefusals } from './refusal.ts';
import { readElectorRow } from './rows.ts';
import type { Elector, ElectorEvent, ElectorProblemCode, ElectorReport } from './types.ts';

export { ElectorFileError } from './refusal.ts';
export { electorStreetKey, spellOutStreet } from './street-names.ts';
export { BATCH_SIZE };
export type * from './types.ts';

const problems: Record<ElectorProblemCode, ProblemDescription> = {
  missing_name: {
    severity: 'error',
    message: 'Ni nom de naissance ni nom d’usage : électeur ignoré.',
  },
  missing_given_names: { severity: 'error', message: 'Prénoms vides : électeur ignoré.' },
  bad_commune_code: {
    severity: 'error',
    message:
      'Code de commune absent ou qui ne donne pas de code INSEE (un code à trois chiffres demande le code du département) : électeur ignoré.',
  },
  missing_station: { severity: 'error', message: 'Bureau de vote vide : électeur ignoré.' },
  ...sourceProblems,
  bad_birth_date: {
    severity: 'warning',
    message:
      'Date de naissance illisible ou impossible (attendu : JJ/MM/AAAA) : électeur gardé sans date de naissance.',
  },
  bad_sex: {
    severity: 'warning',
    message: 'Sexe autre que M ou F : électeur gardé sans sexe.',
  },
  bad_postal_code: {
    severity: 'warning',
    message: 'Code postal qui n’a pas cinq chiffres : électeur gardé sans code postal.',
  },
  bad_number: {
    severity: 'warning',
    message:
      'Numéro de voie illisible (attendu : 12, 12 BIS, 12B) : électeur gardé sans numéro, il ne sera pas rattaché à une adresse.',
  },
  not_utf8: {
    severity: 'warning',
    message:
      'Ligne qui n’est pas en UTF-8, lue en Windows-1252 : vérifiez ses accents (électeur gardé).',
  },
};

const electoralList: RowFile<'electors', Elector, ElectorProblemCode, ElectorColumnMap> = {
  kind: 'electors',
  refusals: electorRefusals,
  problems,
  readHeader: readElectorHeader,
  readRow: readElectorRow,
};

/**
 * The push parser: feed it chunks, take the events. `push` and `end` throw an ElectorFileError
 * when the file is refused (always before any elector); after that, every call throws it again.
 */
export class ElectorParser extends RowReader<
  'electors',
  Elector,
  ElectorProblemCode,
  ElectorColumnMap,
  ElectorReport
> {
  private readonly communes = new Set<string>();
  private readonly stations = new Set<string>();

  constructor(batchSize = BATCH_SIZE) {
    super(electoralList, batchSize);
  }

  protected counted(elector: Elector): void {
    this.communes.add(elector.communeCode);
    this.stations.add(elector.stationId);
  }

  protected report(): ElectorReport {
    const reported = this.reported();
    return {
      ...reported,
      electors: this.kept,
      communes: this.communes.size,
      stations: this.stations.size,
      warnings: electorWarnings(reported.encoding, this.map!),
    };
  }
}

/** What electors lack when the file lacks an optional column (other optional ones: nothing said). */
const withoutColumn: Partial<Record<ElectorField, string>> = {
  birthName: 'de nom de naissance (le nom d’usage en tient lieu)',
  usageName: 'de nom d’usage',
  listNumber: 'de numéro d’électeur',
  sex: 'de sexe',
  birthDate: 'de date de naissance',
  number: 'de numéro de voie (ils ne seront pas rattachés aux adresses)',
  postalCode: 'de code postal',
};

/** Sentences for the staff about the file as a whole (line problems are in `problems`). */
function electorWarnings(encoding: ElectorReport['encoding'], map: ElectorColumnMap): string[] {
  const warnings: string[] = [];
  if (encoding !== 'utf-8') {
    warnings.push(
      `Le fichier n’est pas en UTF-8 comme le prévoit l’arrêté du 12 novembre 2013 : il a été lu en ${encoding === 'windows-1252' ? 'Windows-1252 (ISO-8859-1)' : encoding.toUpperCase()}. Vérifiez les accents de quelques noms.`,
    );
  }
  for (const [field, lack] of Object.entries(withoutColumn) as [ElectorField, string][]) {
    if (map[field] === -1) {
      warnings.push(
        `La colonne « ${electorColumnName(field)} » manque : les électeurs n’ont pas ${lack}.`,
      );
    }
  }
  if (map.streetName === -1 && map.locality === -1) {
    warnings.push(
      'Les colonnes « LibelleVoie » et « LieuDit » manquent : les électeurs n’ont pas d’adresse (ils ne seront pas rattachés aux adresses).',
    );
  }
  return warnings;
}

/**
 * Reads an electoral list as it streams in: `electors` events (batches of `batchSize`, in line
 * order), then a `report` event. Throws an ElectorFileError, before any elector, when the file
 * is refused.
 */
export function readElectors(
  source: AsyncIterable<Uint8Array>,
  batchSize = BATCH_SIZE,
): AsyncGenerator<ElectorEvent, void, undefined> {
  return readTable(new ElectorParser(batchSize), source);
}

/** The whole file at once (small files, tests): electors and the report. */
export async function collectElectors(
  source: AsyncIterable<Uint8Array>,
): Promise<{ electors: Elector[]; report: ElectorReport }> {
  const { rows, report } = await collectRows<'electors', Elector, ElectorReport>(
    readElectors(source),
  );
  return { electors: rows, report };
}
