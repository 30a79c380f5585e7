import type { AppContext } from '../core/context.ts';
import { registerJobs, type JobDefinition } from '../core/jobs/index.ts';
import { importStalledJob } from './people/import/job.ts';
import { importJob } from './people/import/service.ts';
import { findDuplicatesJob } from './people/duplicates/find.ts';
import { registerRecruitmentMail } from './recruitment/service.ts';
import { registerCommitteeMail } from './committees/messages.ts';
import { eventRemindersJob, registerEventMail } from './events/reminders.ts';
import { registerEventMessageMail } from './events/organiser-messages.ts';
import { registerComplianceMailGate } from './compliance/mail-gate.ts';
import { registerDonationMail } from './donations/mails.ts';
import { chargePlansJob } from './donations/plan-charges.ts';
import { registerPlanMail } from './donations/plan-mails.ts';
import { expirePendingGiftsJob, reconcilePaymentsJob } from './donations/reconcile.ts';
import { fieldImportJob } from './field/imports/service.ts';
import { callListImportJob } from './calling/lists/job.ts';
import { registerNewsletterMail } from './newsletters/delivery.ts';
import { newslettersReleaseJob } from './newsletters/send.ts';
import { smsReleaseJob } from './sms/send.ts';
import { startSmsWorker } from './sms/channel.ts';
import { newsletterAutomationsJob } from './newsletters/automations/enrolments.ts';
import { registerAutomationMail } from './newsletters/automations/mail.ts';
import { startCallingWorker } from './calling/broadcasts/worker.ts';
import { dialCarrier } from './calling/carrier/configured.ts';
import { startWebhookWorker } from './integrations/channel.ts';
import { registerWebhookListeners } from './integrations/listeners.ts';
import { registerMobilisationListeners } from './mobilisation/listeners.ts';
import { refreshActionsJob } from './mobilisation/jobs.ts';
import { registerCallToActionMail } from './mobilisation/calls-to-action/mail.ts';
import {
  backupDrillJob,
  purgePersonalDataJob,
  purgeRateLimitCountersJob,
  scheduledBackupJob,
} from './maintenance-jobs.ts';
import { startImpactRefresher } from './insights/refresh.ts';

/** Every feature's job types: queues and schedules everywhere, handlers where work is done. */
export const jobs: readonly JobDefinition[] = [
  importJob,
  importStalledJob,
  findDuplicatesJob,
  purgePersonalDataJob,
  purgeRateLimitCountersJob,
  scheduledBackupJob,
  backupDrillJob,
  eventRemindersJob,
  expirePendingGiftsJob,
  reconcilePaymentsJob,
  chargePlansJob,
  fieldImportJob,
  callListImportJob,
  newslettersReleaseJob,
  smsReleaseJob,
  newsletterAutomationsJob,
  refreshActionsJob,
];

/** Mail templates rendered at send time, and the job types; handlers run only in processes that work. */
export async function registerFeatureJobs(ctx: AppContext, work: boolean) {
  registerRecruitmentMail(ctx);
  registerCommitteeMail(ctx);
  registerEventMail(ctx);
  registerEventMessageMail(ctx);
  registerDonationMail(ctx);
  registerPlanMail(ctx);
  registerNewsletterMail(ctx);
  registerAutomationMail(ctx);
  registerCallToActionMail(ctx);
  registerComplianceMailGate();
  await registerJobs(ctx, jobs, work);
  if (work && !ctx.background.has('sms')) ctx.background.add('sms', startSmsWorker(ctx));
  if (work && !ctx.background.has('insights')) {
    ctx.background.add('insights', startImpactRefresher(ctx));
  }
  registerWebhookListeners();
  registerMobilisationListeners();
  if (work && !ctx.background.has('webhooks')) {
    ctx.background.add('webhooks', startWebhookWorker(ctx));
  }
  if (work && ctx.config.CALLING_DIALLER && !ctx.background.has('calling')) {
    ctx.background.add('calling', startCallingWorker(ctx, dialCarrier));
  }
}
