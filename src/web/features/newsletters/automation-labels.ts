import type {
  AutomationStatus,
  AutomationTrigger,
} from '../../../contracts/newsletters-automations.ts';
import type { MessageKey } from '../../core/i18n/index.tsx';

export const automationTriggerKeys: Record<AutomationTrigger, MessageKey> = {
  signup_confirmed: 'newsletters.automations.trigger.signup_confirmed',
  committee_joined: 'newsletters.automations.trigger.committee_joined',
  first_rsvp: 'newsletters.automations.trigger.first_rsvp',
  first_gift: 'newsletters.automations.trigger.first_gift',
};

export const automationStatusKeys: Record<AutomationStatus, MessageKey> = {
  active: 'newsletters.automations.status.active',
  paused: 'newsletters.automations.status.paused',
};
