/**
 * Electoral lists write streets as the commune keyed them, the type often abbreviated (`R DE
 * LA GARE`, `AV JEAN JAURES`, `RTE DE ST TRIVIER`); the Base Adresse Nationale spells them out
 * (`Rue de la Gare`, `Route de Saint-Trivier`). Before a name is folded into a street key, its
 * first word is spelt out when it is a street type's abbreviation, and a few title words
 * anywhere (`ST` → Saint). The import does the same to the BAN's names when it ties electors to
 * addresses (`imports/elector-links.ts`), so either side may abbreviate: both meet.
 */
import { namedStreetKey } from '../addresses/rows.ts';

/**
 * Street types: the abbreviations of FANTOIR and of La Poste's addressing standard (AFNOR
 * NF Z 10-011) that lists use, and a few common other spellings (`R`, `AVE`, `BLD`, `CH`…), as
 * the BAN writes the word. `LD` (lieu-dit) is dropped: the BAN names a lieu-dit by itself.
 * Only a name's first word is looked up: `PL` is a place there, nothing further on.
 */
export const streetTypes: Readonly<Record<string, string>> = {
  ALL: 'Allée',
  AV: 'Avenue',
  AVE: 'Avenue',
  BD: 'Boulevard',
  BLD: 'Boulevard',
  BVD: 'Boulevard',
  CAR: 'Carrefour',
  CH: 'Chemin',
  CHE: 'Chemin',
  CHEM: 'Chemin',
  CHS: 'Chaussée',
  CRS: 'Cours',
  DOM: 'Domaine',
  ESP: 'Esplanade',
  FBG: 'Faubourg',
  FG: 'Faubourg',
  HAM: 'Hameau',
  IMP: 'Impasse',
  LD: '',
  LOT: 'Lotissement',
  MTE: 'Montée',
  PAS: 'Passage',
  PL: 'Place',
  PRO: 'Promenade',
  PROM: 'Promenade',
  PRV: 'Parvis',
  QU: 'Quai',
  QUA: 'Quartier',
  R: 'Rue',
  RES: 'Résidence',
  RLE: 'Ruelle',
  RPT: 'Rond-Point',
  RTE: 'Route',
  SEN: 'Sentier',
  SQ: 'Square',
  TRA: 'Traverse',
  VLA: 'Villa',
};

/** Title words, spelt out wherever they stand: `R ST JEAN`, `AV DU GAL LECLERC`. */
export const titleWords: Readonly<Record<string, string>> = {
  ST: 'Saint',
  STE: 'Sainte',
  GAL: 'Général',
  GEN: 'Général',
  MAL: 'Maréchal',
  PDT: 'Président',
  DR: 'Docteur',
  CDT: 'Commandant',
  ND: 'Notre-Dame',
};

/** A word, and the dot an abbreviation may end with. */
const WORD = /\p{L}+\.?/gu;

/** The name with its abbreviations spelt out: `R ST JEAN` → `Rue Saint JEAN`. */
export function spellOutStreet(name: string): string {
  let first = true;
  const spelt = name.replace(WORD, (word) => {
    const key = (word.endsWith('.') ? word.slice(0, -1) : word).toUpperCase();
    const type = first ? streetTypes[key] : undefined;
    first = false;
    return type ?? titleWords[key] ?? word;
  });
  return spelt.trim();
}

/**
 * `communeCode|folded name` (`01004|rue alexandre berard`), the abbreviations spelt out and the
 * rest folded as the BAN reader folds street names; null when nothing of the name is left.
 */
export function electorStreetKey(communeCode: string, street: string): string | null {
  const key = namedStreetKey(communeCode, spellOutStreet(street));
  return key.length > communeCode.length + 1 ? key : null;
}
