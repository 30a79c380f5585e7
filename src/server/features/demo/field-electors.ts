import { listLines, type ListRow } from '../field/electors/fixtures/generate.ts';
import { firstNames, lastNames } from './names.ts';
import { WeightedPicker, type Random } from './random.ts';
import type { DemoTown } from './field-town.ts';

/**
 * The demo's electoral list (Code électoral L37), in the official CSV of the arrêté du 12
 * novembre 2013 as a commune hands it to a candidate: a household of 0–3 electors behind most
 * doors, their street written in capitals with its type abbreviated ("AV DES TILLEULS"), and
 * their polling station. The people are made up; the format is the real one.
 */

/** How commune lists write the demo's street types. */
const TYPE_ABBREVIATIONS: Record<string, string> = {
  RUE: 'R',
  AVENUE: 'AV',
  BOULEVARD: 'BD',
  IMPASSE: 'IMP',
  ALLEE: 'ALL',
  CHEMIN: 'CHE',
  ROUTE: 'RTE',
  SQUARE: 'SQ',
  PLACE: 'PL',
};

/** First names of the demo's list that are men's; the others are written as women's. */
const MEN = new Set(
  'Jean Philippe Michel Alain Patrick Nicolas Christophe Pierre Stéphane Sébastien Frédéric Laurent Éric David Olivier Julien Thomas Alexandre Maxime Antoine Kévin Romain Guillaume Vincent François Jérôme Cédric Jérémy Mickaël Benoît Thierry Bruno Gérard Bernard Daniel Didier Pascal Gilles Hervé Yves Denis Jacques René Joël Régis Loïc Yannick Gaël Ludovic Fabien Damien Arnaud Mathieu Florian Quentin Hugo Lucas Léo Théo Louis Gabriel Raphaël Arthur Nathan Enzo Clément Adrien Baptiste Valentin Jean-Pierre Jean-Michel Jean-François Jean-Luc Pierre-Yves Mohamed Karim Sofiane Rayan Mehdi Mamadou Moussa Youssef Noël Aurélien Grégoire Gaëtan Anthony'.split(
    ' ',
  ),
);

const capitals = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

const day = (random: Random, fromYear: number, toYear: number) => {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const date = random.int(1, 28);
  return `${String(date).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
};

/** The list of every demo commune, one file, as UTF-8 lines (header first). */
export function electoralListLines(towns: readonly DemoTown[], random: Random, edited: string) {
  const given = new WeightedPicker(firstNames, ([, weight]) => weight);
  const surnames = new WeightedPicker(lastNames, ([, weight]) => weight);
  const rows: ListRow[] = [];
  for (const town of towns) {
    const { commune } = town;
    let listNumber = 0;
    for (const door of town.doors) {
      const household = random.pick([0, 1, 1, 2, 2, 2, 2, 3, 3, 4]);
      const family = capitals(surnames.pick(random)[0]);
      const [type, ...rest] = door.street.afnor.split(' ');
      for (let i = 0; i < household; i++) {
        const [firstName] = given.pick(random);
        const man = MEN.has(firstName);
        const birthName = i > 0 && random.chance(0.3) ? capitals(surnames.pick(random)[0]) : family;
        rows.push({
          TypeListe: 'LG',
          InfoListe: 'LE',
          DateCreationListe: edited,
          CodeDepartement: commune.departementCode,
          CodeCommune: commune.code,
          NomCommune: capitals(commune.name),
          NoElecteurGeneral: String(++listNumber),
          Sexe: man ? 'M' : 'F',
          NomdeNaissance: birthName,
          NomDusage: !man && birthName !== family ? family : '',
          Prenoms: random.chance(0.4) ? `${firstName} ${given.pick(random)[0]}` : firstName,
          DateDeNaissance: day(random, 1938, 2007),
          NomComNaissance: capitals(commune.name),
          DeptNaissance: commune.departementCode,
          PaysNaissance: 'FRANCE',
          Nationalite: '',
          NomBureauDeVote: `BUREAU ${door.station}`,
          NoBureauDeVote: String(door.station),
          CodeCanton: '',
          CodeCirconscription: '',
          ComplementDeLocalisation1: random.chance(0.1) ? `APPT ${random.int(1, 40)}` : '',
          ComplementDeLocalisation2: '',
          NumeroVoie: door.suffix
            ? `${door.number} ${door.suffix.toUpperCase()}`
            : String(door.number),
          TypeVoie: TYPE_ABBREVIATIONS[type] ?? type,
          LibelleVoie: rest.join(' '),
          LieuDit: '',
          CodePostal: door.postalCode,
          VilleLocalite: capitals(commune.name),
          Pays: 'FRANCE',
        });
      }
    }
  }
  return listLines(rows);
}
