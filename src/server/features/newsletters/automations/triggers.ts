import { committeeJoinedListeners } from '../../committees/membership.ts';
import { giftPaidListeners, type GiftPaidListener } from '../../conversions.ts';
import { rsvpListeners } from '../../events/rsvp.ts';
import { signupConfirmedListeners } from '../../recruitment/service.ts';
import { enrolWithin } from './enrolments.ts';

const firstGift = enrolWithin('first_gift');

/**
 * A gift paid or received (a provider's payment, a plan's monthly charge, a gift recorded by
 * the finance officer) enrols its donor, in the payment's transaction. Membership dues are no
 * gift: they enrol nobody.
 */
const onGiftPaid: GiftPaidListener = async (query, ctx, gift) => {
  if (gift.kind === 'gift') await firstGift(query, ctx, gift.personId);
};

const listeners = {
  signup_confirmed: enrolWithin('signup_confirmed'),
  committee_joined: enrolWithin('committee_joined'),
  first_rsvp: enrolWithin('first_rsvp'),
  first_gift: onGiftPaid,
};

/**
 * The automations listen to the features whose events enrol people (their listener lists),
 * each inside the triggering change's own transaction: nothing is lost to a process that dies
 * after the commit. The same functions each time: registering again (every app built in a
 * process) adds nothing.
 */
export function registerAutomationTriggers() {
  signupConfirmedListeners.add(listeners.signup_confirmed);
  committeeJoinedListeners.add(listeners.committee_joined);
  rsvpListeners.add(listeners.first_rsvp);
  giftPaidListeners.add(listeners.first_gift);
}
