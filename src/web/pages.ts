import type { NavPage, PageDefinition } from './core/pages.ts';
import { accountPages } from './features/accounts/pages.ts';
import { adminPages, kioskPages } from './features/admin/pages.ts';
import { callingPages } from './features/calling/pages.ts';
import { callerPages } from './features/calling/caller/pages.ts';
import { phoneBankPages } from './features/calling/banks/pages.ts';
import { commentPages } from './features/comments/pages.ts';
import { committeePages } from './features/committees/pages.ts';
import { compliancePages } from './features/compliance/pages.ts';
import { privacyPages } from './features/privacy/pages.ts';
import { retentionPages } from './features/privacy/retention-pages.ts';
import { integrationsPages } from './features/integrations/pages.ts';
import { donationPages } from './features/donations/pages.ts';
import { moderationPages } from './features/moderation/pages.ts';
import { newsletterPages } from './features/newsletters/pages.ts';
import { callToActionPages } from './features/calls-to-action/pages.ts';
import { smsPages } from './features/sms/pages.ts';
import { contentPages } from './features/content/pages.ts';
import { eventPages } from './features/events/pages.ts';
import { mobilisationPages } from './features/mobilisation/pages.ts';
import { planningPages } from './features/field/planning-pages.ts';
import { progressPages } from './features/field/progress-pages.ts';
import { operationsPages } from './features/operations/pages.ts';
import { peoplePages } from './features/people/pages.ts';
import { statsPages } from './features/stats/pages.ts';
import { insightsPages } from './features/insights/pages.ts';

/** Every page behind a login, in menu order: the router and the menus both read this table. */
export const pages: readonly PageDefinition[] = [
  ...accountPages,
  ...callerPages,
  ...peoplePages,
  ...statsPages,
  ...insightsPages,
  ...kioskPages,
  ...operationsPages,
  ...committeePages,
  ...moderationPages,
  ...donationPages,
  ...eventPages,
  ...mobilisationPages,
  ...planningPages,
  ...progressPages,
  ...callingPages,
  ...phoneBankPages,
  ...newsletterPages,
  ...callToActionPages,
  ...smsPages,
  ...contentPages,
  ...commentPages,
  ...adminPages,
  ...compliancePages,
  ...privacyPages,
  ...retentionPages,
  ...integrationsPages,
];

export const navPages = pages.filter((page): page is NavPage => page.nav !== undefined);
