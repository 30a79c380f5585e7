import { formatDayWithYear } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import type { ReturnLine } from '../../../contracts/donations-finance.ts';
import { useEuros } from './useEuros.ts';

/** What one line of the list says: which form, what happened to it, what goes back. */
export function ReturnLineText({ line }: { line: ReturnLine }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  const day = (value: string) => formatDayWithYear(value, locale);
  switch (line.kind) {
    case 'issued':
      return t('finance.toReturn.issued', {
        day: day(line.issuedOn),
        amount: euros(line.amountCents),
        id: String(line.donationId),
      });
    case 'spoiled':
      return t('finance.toReturn.spoiled', { day: day(line.voidedOn), reason: line.reason });
    case 'cancelled':
      return t('finance.toReturn.cancelled', {
        day: day(line.voidedOn),
        reason: line.reason,
        id: String(line.donationId),
      });
    case 'unused':
      return t('finance.toReturn.unused', { count: line.count });
  }
}
