const pad = (n: number) => String(n).padStart(2, '0');

/** A typed day, as people write it (25/11/2026, 25-11-2026 or 2026-11-25), to 'YYYY-MM-DD'. */
export function parseDay(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31/02 rolls over into March: not a day.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}
