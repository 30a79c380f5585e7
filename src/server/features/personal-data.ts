import { auditPersonalData } from '../core/audit-personal-data.ts';
import { mailPersonalData } from '../core/mail/personal-data.ts';
import { operationsPersonalData } from '../core/operations/personal-data.ts';
import type { PersonalData } from '../core/personal-data/registry.ts';
import { newslettersPersonalData } from './newsletters/personal-data.ts';
import { smsPersonalData } from './sms/personal-data.ts';
import { contentPersonalData } from './content/personal-data.ts';
import { commentsPersonalData } from './comments/personal-data.ts';
import { mobilisationPersonalData } from './mobilisation/personal-data.ts';
import { callsToActionPersonalData } from './mobilisation/calls-to-action/personal-data.ts';
import { accountsPersonalData } from './accounts/personal-data.ts';
import { audiencesPersonalData } from './audiences/personal-data.ts';
import { callingPersonalData } from './calling/personal-data.ts';
import { committeesPersonalData } from './committees/personal-data.ts';
import { compliancePersonalData } from './compliance/personal-data.ts';
import { donationsPersonalData } from './donations/personal-data.ts';
import { eventsPersonalData } from './events/personal-data.ts';
import { fieldPersonalData } from './field/personal-data.ts';
import { insightsPersonalData } from './insights/personal-data.ts';
import { moderationPersonalData } from './moderation/personal-data.ts';
import { peoplePersonalData } from './people/personal-data.ts';
import { privacyPersonalData } from './privacy/personal-data.ts';
import { recruitmentPersonalData } from './recruitment/personal-data.ts';
import { settingsPersonalData } from './settings/personal-data.ts';
import { retentionPersonalData } from './privacy/retention-personal-data.ts';
import { integrationsPersonalData } from './integrations/personal-data.ts';

/**
 * What every feature holds about people: "download my data", erasure, merges and the
 * retention purges are built from this list, and a test fails when a table holding a
 * person's id, address or phone is missing from it. A function, read when used: features
 * that act on people (erasure, merge) import it while it imports them.
 */
export const personalData = (): readonly PersonalData[] => [
  peoplePersonalData,
  recruitmentPersonalData,
  accountsPersonalData,
  settingsPersonalData,
  audiencesPersonalData,
  committeesPersonalData,
  eventsPersonalData,
  donationsPersonalData,
  fieldPersonalData,
  insightsPersonalData,
  callingPersonalData,
  newslettersPersonalData,
  smsPersonalData,
  contentPersonalData,
  commentsPersonalData,
  mobilisationPersonalData,
  callsToActionPersonalData,
  moderationPersonalData,
  compliancePersonalData,
  mailPersonalData,
  operationsPersonalData,
  auditPersonalData,
  privacyPersonalData,
  retentionPersonalData,
  integrationsPersonalData,
];
