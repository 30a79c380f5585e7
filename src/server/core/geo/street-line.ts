/**
 * A street line as people type it ("12 bis, av. de la République"): its house number, the
 * number's suffix and the street; and street names folded so that what was typed and what the
 * Base Adresse Nationale holds compare equal ("r. de la Republique" is "Rue de la République";
 * "rue de la Rép." is not).
 */
export interface StreetLine {
  /** The house number, or null when the line has none. */
  number: number | null;
  /** `bis`, `ter`, `quater`, `quinquies` or one letter, lower case; null when none. */
  suffix: string | null;
  /**
   * The street as typed, without the number, a complement before or after it ("Bât. A, …",
   * "…, Bât. B") or a postal code and commune after it.
   */
  street: string;
}

/**
 * A number at the start of the line or of a comma-separated part ("Bât. A, 12 rue…"): "n°"
 * allowed before it, a range's end ("12-14") dropped, then a suffix written apart or attached
 * ("12 bis", "12bis", "12 B", "12b"), then separators.
 */
const NUMBER_HEAD =
  /^(?:n\s*[°o]\s*)?(\d{1,5})(?:\s*[-/]\s*\d{1,5})?(?:(\s*)(bis|ter|quater|quinquies|[a-z])(?![\p{L}\d]))?[\s,.-]*/iu;

/** A postal code and what follows (the commune), pasted after the street. */
const POSTAL_TAIL = /[\s,]+\d{5}(?:\s.*)?$/;

/** Reads a free street line; never fails (an unreadable line is all street). */
export function parseStreetLine(line: string): StreetLine {
  const text = line.replace(/\([^)]*\)/g, ' ').trim();
  const parts = text.split(',');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i].trimStart();
    const head = NUMBER_HEAD.exec(part);
    if (!head) continue;
    const rest = [part.slice(head[0].length), ...parts.slice(i + 1)].join(',');
    let suffix: string | null = head[3]?.toLowerCase() ?? null;
    let street = rest;
    // "12 r de la Paix": a lone letter apart from the number that abbreviates a street type,
    // before words that are not one, is the street's type, not the number's suffix.
    if (suffix?.length === 1 && head[2]) {
      const next = foldedWords(rest)[0];
      if (FIRST_WORD_TYPES[suffix] && !(next && STREET_TYPES.has(expand(next, 0)))) {
        street = `${suffix} ${rest}`;
        suffix = null;
      }
    }
    // The street is the first part after the number ("12, rue X, Bât. B"); or the one before
    // it ("Rue de la Paix, 12").
    street = street.split(',').find((p) => p.replace(/[\s.-]/g, '')) ?? parts[i - 1] ?? '';
    const number = Number(head[1]);
    return { number: number > 0 ? number : null, suffix, street: cleanStreet(street) };
  }
  return { number: null, suffix: null, street: cleanStreet(text) };
}

function cleanStreet(street: string): string {
  const withoutTail = street.replace(POSTAL_TAIL, '');
  return (withoutTail.trim() ? withoutTail : street).replace(/^[\s,.-]+|[\s,]+$/g, '');
}

/**
 * Street types, in full. An abbreviation is read as its type anywhere in the name ("Ancienne
 * rte de Lyon"), except those that are also initials or common words ("r", "ch", "pas", "lot":
 * "Place Ch. de Gaulle", "Rue du Pas de la Mule", "Rue du Lot"), read so only first.
 */
const ANYWHERE_TYPES: Record<string, string> = {
  av: 'avenue',
  ave: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  blvd: 'boulevard',
  bvd: 'boulevard',
  boul: 'boulevard',
  chem: 'chemin',
  pl: 'place',
  imp: 'impasse',
  rte: 'route',
  sq: 'square',
  crs: 'cours',
  fg: 'faubourg',
  fbg: 'faubourg',
  prom: 'promenade',
  rpt: 'rond point',
  rdpt: 'rond point',
  lotiss: 'lotissement',
  resid: 'residence',
  chs: 'chaussee',
  prv: 'parvis',
  rle: 'ruelle',
};
const FIRST_WORD_TYPES: Record<string, string> = {
  r: 'rue',
  ch: 'chemin',
  che: 'chemin',
  all: 'allee',
  al: 'allee',
  pas: 'passage',
  pass: 'passage',
  psg: 'passage',
  res: 'residence',
  lot: 'lotissement',
  ham: 'hameau',
  mte: 'montee',
  esp: 'esplanade',
  tra: 'traverse',
  vla: 'villa',
  sen: 'sentier',
  qu: 'quai',
  qua: 'quartier',
  car: 'carrefour',
  dom: 'domaine',
  pro: 'promenade',
};
/** Words of names: "St-Jean", "Gal de Gaulle", "Mal Foch", "Dr Schweitzer". */
const NAME_WORDS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  gal: 'general',
  gen: 'general',
  mal: 'marechal',
  pdt: 'president',
  dr: 'docteur',
  pr: 'professeur',
  cdt: 'commandant',
  lt: 'lieutenant',
  sgt: 'sergent',
  mgr: 'monseigneur',
  nd: 'notre dame',
};

const STREET_TYPES = new Set([
  ...Object.values(ANYWHERE_TYPES),
  ...Object.values(FIRST_WORD_TYPES),
  'rue',
  'quai',
  'cours',
  'cite',
  'voie',
  'sente',
  'ruelle',
  'venelle',
  'parvis',
  'mail',
]);

/** Articles left out: "rue de la République" and "rue République" are one street. */
const ARTICLES = new Set(['le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'au', 'aux']);

function expand(word: string, position: number): string {
  return (
    ANYWHERE_TYPES[word] ??
    NAME_WORDS[word] ??
    (position === 0 ? FIRST_WORD_TYPES[word] : undefined) ??
    word
  );
}

/** Lower case, no accents, ligatures spelt out; the words only. */
function foldedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A street name as compared: case, accents and punctuation folded, abbreviations expanded,
 * articles left out ("R. de l'Église" and "Rue de l’Eglise" are both "rue eglise").
 */
export function foldStreet(name: string): string {
  return streetWords(name).join(' ');
}

/** The words of `foldStreet`. */
export function streetWords(name: string): string[] {
  return foldedWords(name)
    .flatMap((word, position) => expand(word, position).split(' '))
    .filter((word) => !ARTICLES.has(word));
}

/**
 * Whether a typed street names a held one less exactly: its words in the same order among the
 * held name's, a lone letter standing for a word's initial ("Rue V. Hugo", "Hugo" for "Rue
 * Victor Hugo"). Both as `streetWords`. Several held streets may fit: the caller decides.
 */
export function looselyNames(typed: readonly string[], held: readonly string[]): boolean {
  if (!typed.some((word) => word.length > 1)) return false;
  let at = 0;
  for (const word of typed) {
    while (at < held.length && !wordFits(word, held[at])) at++;
    if (at === held.length) return false;
    at++;
  }
  return true;
}

const wordFits = (typed: string, held: string) =>
  typed === held || (typed.length === 1 && /[a-z]/.test(typed) && held.startsWith(typed));
