import { formatEuros } from '../../../contracts/donation-law.ts';
import { useLocale } from '../../core/i18n/index.tsx';

/** Formats cents as euros in the app's language ("4 600 €"). */
export function useEuros(): (cents: number) => string {
  const [locale] = useLocale();
  return (cents) => formatEuros(cents, locale);
}
