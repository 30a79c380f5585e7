import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CapRoom, MyDonationPlan } from '../../../contracts/donation-plans.ts';
import { formatDayWithYear } from '../../core/format.ts';
import { useLocale, useT } from '../../core/i18n/index.tsx';
import { CardChangeNotice } from './CardChangeNotice.tsx';
import { PlanActions } from './PlanActions.tsx';
import { useMyPlans } from './planHooks.ts';
import { planStatusKeys, stoppedReasonText } from './planText.ts';
import { useEuros } from './useEuros.ts';

function PlanCard({ plan }: { plan: MyDonationPlan }) {
  const t = useT();
  const [locale] = useLocale();
  const euros = useEuros();
  const reason = stoppedReasonText(plan, t);
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>
            {t('myPlans.amount', { amount: euros(plan.amountCents), day: plan.dayOfMonth })}
          </Text>
          <Badge variant="light" color={plan.status === 'active' ? 'green' : 'gray'}>
            {t(planStatusKeys[plan.status])}
          </Badge>
        </Group>
        {plan.nextChargeOn && (
          <Text size="sm">
            {t('myPlans.next', { day: formatDayWithYear(plan.nextChargeOn, locale) })}
          </Text>
        )}
        {reason && (
          <Text size="sm" c="dimmed">
            {reason}
          </Text>
        )}
        <PlanActions plan={plan} />
      </Stack>
    </Paper>
  );
}

function RoomLine({ room }: { room: CapRoom }) {
  const t = useT();
  const euros = useEuros();
  return (
    <Text size="sm" c="dimmed">
      {t(room.period === 'election' ? 'myPlans.room.election' : 'myPlans.room.year', {
        left: euros(room.leftCents),
        cap: euros(room.capCents),
      })}
    </Text>
  );
}

/** The donor's monthly gifts, when they have any. */
export function MyPlans() {
  const t = useT();
  const plans = useMyPlans();
  if (!plans.data || plans.data.plans.length === 0) return <CardChangeNotice />;
  return (
    <Stack gap="xs">
      <CardChangeNotice />
      <Title order={3} size="h5">
        {t('myPlans.title')}
      </Title>
      {plans.data.room && <RoomLine room={plans.data.room} />}
      <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('myPlans.title')}>
        {plans.data.plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} />
        ))}
      </Stack>
    </Stack>
  );
}
