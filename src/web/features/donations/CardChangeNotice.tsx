import { Alert } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useT } from '../../core/i18n/index.tsx';

/**
 * What became of a change of card: the payment page sends the donor back to their space with
 * `card=saved` or `card=cancelled`. Closing the notice takes the word out of the address.
 */
export function CardChangeNotice() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const outcome = search.get('card');
  if (outcome !== 'saved' && outcome !== 'cancelled') return null;
  const close = () =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('card');
        return next;
      },
      { replace: true },
    );
  return (
    <Alert
      color={outcome === 'saved' ? 'green' : 'gray'}
      role="status"
      withCloseButton
      closeButtonLabel={t('myPlans.cardNotice.close')}
      onClose={close}
    >
      {t(outcome === 'saved' ? 'myPlans.cardNotice.saved' : 'myPlans.cardNotice.cancelled')}
    </Alert>
  );
}
