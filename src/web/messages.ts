import type { Locale } from '../contracts/common.ts';
import * as accounts from './features/accounts/messages.ts';
import * as admin from './features/admin/messages.ts';
import * as calling from './features/calling/messages.ts';
import * as phoneBanks from './features/calling/banks/messages.ts';
import * as phoneBankCaller from './features/calling/caller/messages.ts';
import * as comments from './features/comments/messages.ts';
import * as committees from './features/committees/messages.ts';
import * as compliance from './features/compliance/messages.ts';
import * as donations from './features/donations/messages.ts';
import * as field from './features/field/messages.ts';
import * as fieldPlanning from './features/field/planning-messages.ts';
import * as fieldProgress from './features/field/progress-messages.ts';
import * as fieldOrganisers from './features/field/organiser-messages.ts';
import * as events from './features/events/messages.ts';
import * as mobilisation from './features/mobilisation/messages.ts';
import * as moderation from './features/moderation/messages.ts';
import * as newsletters from './features/newsletters/messages.ts';
import * as sms from './features/sms/messages.ts';
import * as content from './features/content/messages.ts';
import * as newsletterAutomations from './features/newsletters/automation-messages.ts';
import * as newsletterTracking from './features/newsletters/tracking-messages.ts';
import * as newsletterSubjectTests from './features/newsletters/subject-test-messages.ts';
import * as operations from './features/operations/messages.ts';
import * as people from './features/people/messages.ts';
import * as mailSuppression from './features/people/mail-suppression-messages.ts';
import * as recruitment from './features/recruitment/messages.ts';
import * as stats from './features/stats/messages.ts';
import * as insights from './features/insights/messages.ts';
import * as callsToAction from './features/calls-to-action/messages.ts';
import * as privacy from './features/privacy/messages.ts';
import * as privacyRetention from './features/privacy/retention-messages.ts';
import * as integrations from './features/integrations/messages.ts';
import * as core from './core/i18n/messages.ts';

/**
 * Every module of messages: core's, then one per feature, each exporting `fr` and `en` with
 * the same keys. A new feature writes its own `messages.ts` and adds it here, and only here
 * (core's i18n knows the keys through `MessageRegistry`, below, not by importing features).
 */
export const messageModules = {
  core,
  integrations,
  accounts,
  admin,
  calling,
  phoneBanks,
  phoneBankCaller,
  committees,
  compliance,
  donations,
  field,
  fieldPlanning,
  fieldProgress,
  fieldOrganisers,
  events,
  mobilisation,
  moderation,
  newsletters,
  sms,
  content,
  comments,
  newsletterAutomations,
  newsletterTracking,
  newsletterSubjectTests,
  operations,
  people,
  mailSuppression,
  recruitment,
  stats,
  insights,
  callsToAction,
  privacy,
  privacyRetention,
};

type Modules = typeof messageModules;
export type AppMessageKey = { [M in keyof Modules]: keyof Modules[M]['fr'] }[keyof Modules];

declare module './core/i18n/index.tsx' {
  interface MessageRegistry {
    key: AppMessageKey;
  }
}

const merged = (locale: Locale) =>
  Object.assign({}, ...Object.values(messageModules).map((module) => module[locale])) as Record<
    AppMessageKey,
    string
  >;

export const fr = merged('fr');
export const en = merged('en');
export const dictionaries: Record<Locale, Record<AppMessageKey, string>> = { fr, en };
