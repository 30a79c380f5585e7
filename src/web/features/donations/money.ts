import { parseEuros } from '../../../contracts/donation-law.ts';

/** Cents as a person would type them back in an input: "50", "12,50" (fr) or "12.50" (en). */
export function centsToInput(cents: number, locale: 'fr' | 'en' = 'fr'): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return String(whole);
  return `${whole}${locale === 'fr' ? ',' : '.'}${String(rest).padStart(2, '0')}`;
}

/** Amounts typed in one input, separated by semicolons ("20 ; 50 ; 100"); null if one is not. */
export function parseEurosList(typed: string): number[] | null {
  const parts = typed
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const cents = parts.map(parseEuros);
  return cents.some((value) => value === null) ? null : (cents as number[]);
}

export const centsListToInput = (cents: readonly number[], locale: 'fr' | 'en' = 'fr') =>
  cents.map((value) => centsToInput(value, locale)).join(' ; ');
