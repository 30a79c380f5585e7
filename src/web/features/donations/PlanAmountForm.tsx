import { Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MyDonationPlan } from '../../../contracts/donation-plans.ts';
import { parseEuros } from '../../../contracts/donation-law.ts';
import { ApiError } from '../../core/api.ts';
import { errorText, fieldErrorText } from '../../core/errors.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { centsToInput } from './money.ts';
import { useChangePlanAmount } from './planHooks.ts';
import { useEuros } from './useEuros.ts';

/** A new monthly amount, typed; the server checks it against the cap and says why not. */
export function PlanAmountForm({ plan, onDone }: { plan: MyDonationPlan; onDone: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  const change = useChangePlanAmount();
  const [amount, setAmount] = useState(centsToInput(plan.amountCents, locale));
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (parseEuros(amount) === null) return setError(t('myPlans.amountInvalid'));
    setError(null);
    change.mutate(
      { id: plan.id, amount, locale },
      {
        onSuccess: ({ plan: changed }) => {
          notifications.show({
            color: 'green',
            message: t('myPlans.amountChanged', { amount: euros(changed.amountCents) }),
          });
          onDone();
        },
        onError: (e) =>
          setError(
            e instanceof ApiError && e.errors[0] ? fieldErrorText(e.errors[0], t) : errorText(e, t),
          ),
      },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Group align="flex-start" gap="xs">
        <TextInput
          label={t('myPlans.newAmount')}
          inputMode="decimal"
          maxLength={30}
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Button type="submit" mt={24} loading={change.isPending}>
          {t('myPlans.saveAmount')}
        </Button>
        <Button variant="default" mt={24} onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
