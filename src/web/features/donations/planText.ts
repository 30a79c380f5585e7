import type { MyDonationPlan, PlanStatus } from '../../../contracts/donation-plans.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';

export const planStatusKeys: Record<PlanStatus, MessageKey> = {
  pending: 'myPlans.status.pending',
  active: 'myPlans.status.active',
  stopped: 'myPlans.status.stopped',
  cap_reached: 'myPlans.status.cap_reached',
  card_failed: 'myPlans.status.card_failed',
};

const reasonKeys: Record<string, MessageKey> = {
  donor: 'myPlans.reason.donor',
  collection_closed: 'myPlans.reason.collection_closed',
  card_declined: 'myPlans.reason.card_declined',
};

/**
 * Why a plan stopped, as the donor reads it: the known codes in their words, otherwise the
 * server's own sentence (the law's, when the cap was reached). Null when it did not stop.
 */
export function stoppedReasonText(
  plan: Pick<MyDonationPlan, 'stoppedReason'>,
  t: (key: MessageKey) => string,
): string | null {
  const reason = plan.stoppedReason;
  if (!reason) return null;
  const key = reasonKeys[reason];
  if (key) return t(key);
  // Other card refusals are codes too (`expired_card`…): said generally.
  return /^[a-z_]+$/.test(reason) ? t('myPlans.reason.card_other') : reason;
}
