import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MyDonationPlan } from '../../../contracts/donation-plans.ts';
import { errorText } from '../../core/errors.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { PlanAmountForm } from './PlanAmountForm.tsx';
import { useChangePlanCard, useStopPlan } from './planHooks.ts';
import { useEuros } from './useEuros.ts';

/** What a donor can do with a monthly gift: another amount, another card, stop it. */
export function PlanActions({ plan }: { plan: MyDonationPlan }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  const stop = useStopPlan();
  const card = useChangePlanCard();
  const [editing, setEditing] = useState(false);
  const [stopping, setStopping] = useState(false);
  if (plan.status === 'stopped' || plan.status === 'cap_reached') return null;
  if (editing) return <PlanAmountForm plan={plan} onDone={() => setEditing(false)} />;
  const vars = { amount: euros(plan.amountCents) };
  return (
    <Group gap="xs">
      <Button size="xs" variant="light" onClick={() => setEditing(true)}>
        {t('myPlans.changeAmount')}
      </Button>
      {plan.status !== 'pending' && (
        <Button
          size="xs"
          variant="light"
          loading={card.isPending}
          onClick={() =>
            card.mutate(
              { id: plan.id, locale },
              {
                onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl),
                onError: (e) => notifications.show({ color: 'red', message: errorText(e, t) }),
              },
            )
          }
        >
          {t('myPlans.changeCard')}
        </Button>
      )}
      <Button size="xs" variant="subtle" color="red" onClick={() => setStopping(true)}>
        {t('myPlans.stop')}
      </Button>
      <ConfirmDialog
        opened={stopping}
        title={t('myPlans.stopTitle', vars)}
        confirmLabel={t('myPlans.stopConfirm')}
        loading={stop.isPending}
        onClose={() => setStopping(false)}
        onConfirm={() =>
          stop
            .mutateAsync(plan.id)
            .then(() => notifications.show({ color: 'green', message: t('myPlans.stopped') }))
        }
      >
        {t('myPlans.stopExplain', vars)}
      </ConfirmDialog>
    </Group>
  );
}
