/** A campaign's name as a file name part: "Lyon en commun !" → "lyon-en-commun". */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'campagne';
}

/**
 * The name of a person's data file: it names the campaign that holds the data (the person
 * deals with the campaign, not with the software it runs on), and the day.
 */
export function dataFileName(campaign: string | null, personId?: number): string {
  const day = new Date().toISOString().slice(0, 10);
  const who = personId === undefined ? 'mes-donnees' : `donnees-personne-${personId}`;
  return `${fileSlug(campaign ?? '')}-${who}-${day}.json`;
}

/** An attachment header for an ASCII file name (slugs are). */
export const attachment = (fileName: string) => `attachment; filename="${fileName}"`;
