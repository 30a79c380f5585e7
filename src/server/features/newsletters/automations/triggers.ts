import { committeeJoinedListeners } from '../../committees/membership.ts';
import { giftPaidListeners } from '../../donations/payment-events.ts';
import { rsvpListeners } from '../../events/rsvp.ts';
import { signupConfirmedListeners } from '../../recruitment/service.ts';
import { enrolOn } from './enrolments.ts';

const listeners = {
  signup_confirmed: enrolOn('signup_confirmed'),
  committee_joined: enrolOn('committee_joined'),
  first_rsvp: enrolOn('first_rsvp'),
  first_gift: enrolOn('first_gift'),
};

/**
 * The automations listen to the features whose events enrol people (their listener lists,
 * called after each change is committed). The same functions each time: registering again
 * (every app built in a process) adds nothing.
 */
export function registerAutomationTriggers() {
  signupConfirmedListeners.add(listeners.signup_confirmed);
  committeeJoinedListeners.add(listeners.committee_joined);
  rsvpListeners.add(listeners.first_rsvp);
  giftPaidListeners.add(listeners.first_gift);
}
