/**
 * Punctuation that search ignores, like accents: "O'Brien" is found by "obrien", "Côte-d'Or"
 * by "cote dor". An explicit list rather than a Unicode class, so that the SQL migration that
 * recomputed stored search texts (`translate()` with this same list) folds exactly as this
 * code does: PostgreSQL's regex classes depend on the database's locale.
 */
export const SEARCH_PUNCTUATION = `'’‘ʼ\`´.-‐‑‒–—_@+,;:!?()[]{}"/\\&#*~|«»`;

const ignored = new Set(SEARCH_PUNCTUATION);

/** Removes the punctuation above from already folded text; spaces folded again. */
export function stripPunctuation(folded: string): string {
  let out = '';
  for (const char of folded) if (!ignored.has(char)) out += char;
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Lower case, no accents, no punctuation: how a typed search and a label are compared. */
export function foldForSearch(value: string): string {
  return stripPunctuation(
    value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' '),
  );
}

/** A name as a file name part: "Lyon en commun !" → "lyon-en-commun" (ASCII, at most 60). */
export function fileSlug(name: string, fallback = 'campagne'): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/**
 * The name of a person's data file: it names the campaign that holds the data (the person
 * deals with the campaign, not with the software it runs on), and the day (UTC).
 */
export function dataFileName(campaign: string | null, personId?: number): string {
  const day = new Date().toISOString().slice(0, 10);
  const who = personId === undefined ? 'mes-donnees' : `donnees-personne-${personId}`;
  return `${fileSlug(campaign ?? '')}-${who}-${day}.json`;
}
