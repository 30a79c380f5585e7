/**
 * The 15th of next month (a day to come whatever today is): its name in the date picker
 * ("15 janvier 2027"), how the field shows it, and how a page writes it ("15 janv. 2027").
 */
export function nextMonthsFifteenth(): { label: string; shown: string; written: string } {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth() + 1, 15);
  const label = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(day);
  const shown = `15/${String(day.getMonth() + 1).padStart(2, '0')}/${day.getFullYear()}`;
  const written = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium' }).format(day);
  return { label, shown, written };
}
