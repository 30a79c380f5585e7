/**
 * The header of an electoral list: which column holds what, by name (case, accents, spaces and
 * underscores ignored, as the BAN reader does), so that columns may move, be added (ignored) or,
 * the optional ones, go away. Each field is named first as the arrêté of 12 November 2013
 * (INTA1326795A, art. 4) names it, then as the extracts of the répertoire électoral unique that
 * communes and prefectures hand to candidates spell it out.
 */
import { headerColumnsReader, type ColumnMap } from '../addresses/header-columns.ts';
import { normaliseName } from '../addresses/kinds.ts';
import { electorRefusals } from './refusal.ts';

export type ElectorField =
  | 'department'
  | 'communeCode'
  | 'communeName'
  | 'listNumber'
  | 'sex'
  | 'birthName'
  | 'usageName'
  | 'givenNames'
  | 'birthDate'
  | 'station'
  | 'number'
  | 'streetType'
  | 'streetName'
  | 'complement1'
  | 'complement2'
  | 'locality'
  | 'postalCode'
  | 'city';

/**
 * The arrêté's name of each column read, then the other names accepted for it. Names that fold
 * to one already listed are not repeated: « Nom de naissance » is `NomdeNaissance`, « Nom
 * d'usage » `NomDusage`, « Prénoms » `Prenoms`, « Date de naissance » `DateDeNaissance`,
 * « Lieu-dit » `LieuDit`, « Code postal » `CodePostal`.
 */
const aliases: Record<ElectorField, string[]> = {
  department: ['CodeDepartement', 'Code du département', 'Code département'],
  communeCode: ['CodeCommune', 'Code de la commune', 'Code commune', 'Code INSEE'],
  communeName: ['NomCommune', 'Libellé de la commune', 'Libellé commune', 'Nom de la commune'],
  listNumber: [
    'NoElecteurGeneral',
    "Numéro d'ordre dans le bureau de vote",
    "Numéro d'ordre",
    "Numéro d'électeur",
  ],
  sex: ['Sexe'],
  birthName: ['NomdeNaissance', 'Nom patronymique'],
  usageName: ['NomDusage', 'Nom marital'],
  givenNames: ['Prenoms', 'Prénom'],
  birthDate: ['DateDeNaissance'],
  station: [
    'NoBureauDeVote',
    'Code du bureau de vote',
    'Code bureau de vote',
    'Numéro du bureau de vote',
    'Bureau de vote',
  ],
  number: ['NumeroVoie', 'Numéro de voie', 'Numéro dans la voie'],
  streetType: ['TypeVoie', 'Type de voie'],
  streetName: ['LibelleVoie', 'Libellé de voie', 'Libellé de la voie', 'Nom de voie'],
  complement1: [
    'ComplementDeLocalisation1',
    'Complément 1',
    "Complément d'adresse 1",
    "Complément d'adresse",
  ],
  complement2: ['ComplementDeLocalisation2', 'Complément 2', "Complément d'adresse 2"],
  locality: ['LieuDit'],
  postalCode: ['CodePostal'],
  city: ['VilleLocalite', 'Commune', 'Ville', 'Localité'],
};

/** A field's column as the arrêté names it. */
export const electorColumnName = (field: ElectorField) => aliases[field][0];

/** A name (birth or usage: one of them at least), given names, the commune, the station. */
const required = [['birthName', 'usageName'], 'givenNames', 'communeCode', 'station'] as const;

/**
 * Columns no other file the field feature meets has (results name candidates `Nom`, `Prénom`;
 * people files `prenom`): two of them make an electoral list, whatever else it lacks.
 */
const listColumns = new Set(
  [
    'NomdeNaissance',
    'NomDusage',
    'Prenoms',
    'DateDeNaissance',
    'NoElecteurGeneral',
    "Numéro d'ordre dans le bureau de vote",
    'TypeListe',
    'NomComNaissance',
    'Nom patronymique',
  ].map(normaliseName),
);

const isElectoralList = (names: ReadonlySet<string>) =>
  [...names].filter((name) => listColumns.has(name)).length >= 2;

/** Column index of each field; -1 for an optional field the file lacks. */
export type ElectorColumnMap = ColumnMap<ElectorField>;

/** Reads the header; throws when it is not an electoral list, or lacks a required column. */
export const readElectorHeader = headerColumnsReader<ElectorField>({
  recognise: isElectoralList,
  aliases,
  required,
  notKind: (kind) => electorRefusals.notElectoralList(kind),
  missingColumns: (names) => electorRefusals.missingColumns(names),
});
