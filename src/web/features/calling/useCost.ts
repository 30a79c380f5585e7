import { useT } from '../../core/i18n/index.tsx';
import { useEuros } from '../donations/useEuros.ts';

/** An estimated cost in euros, or the word saying the broadcast has no minute price. */
export function useCost(): (cents: number | null) => string {
  const t = useT();
  const euros = useEuros();
  return (cents) => (cents === null ? t('calling.dashboard.noPrice') : euros(cents));
}
