import { sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { conflict, notFound } from '../../../core/http/errors.ts';
import { QUEUE_CAMPAIGN_TEMPLATE_MAILS } from '../../../core/mail/outbox.ts';
import { profilesOf } from '../../people/directory.ts';
import { STEP_MAIL } from './enrolments.ts';
import { stepRow } from './service.ts';

/** The outbox kind of a step's test (its template is the step's: STEP_MAIL). */
export const STEP_TEST_MAIL = 'newsletter_step_test';

/**
 * A step as saved, to the staff member's own address, through the outbox as transactional mail
 * (they asked for it): rendered when it is sent exactly as the step's mails are (the same
 * template, their own values in the placeholders), the subject marked as a test. Audited.
 */
export async function sendStepTest(
  ctx: AppContext,
  automationId: number,
  stepId: number,
  personId: number,
): Promise<{ to: string }> {
  const step = await stepRow(ctx.database.query, ctx.campaignId, stepId);
  if (Number(step.automation_id) !== automationId) throw notFound('step');
  const me = (await profilesOf(ctx, [personId])).get(personId);
  if (!me?.email || me.erased) throw conflict('no_email', 'Your account has no email address.');
  await ctx.database.query(
    sql`${sql.raw(QUEUE_CAMPAIGN_TEMPLATE_MAILS)}
        VALUES (${ctx.campaignId}, ${STEP_TEST_MAIL}, ${personId}, ${me.email}, ${STEP_MAIL},
                ${JSON.stringify({ stepId, personId, locale: me.locale, test: true })}::jsonb,
                'transactional', NULL)`,
  );
  ctx.mailer.nudge();
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId: personId,
    action: 'newsletter.automation.test',
    target: `newsletter_automation:${automationId}`,
    details: { stepId },
  });
  return { to: me.email };
}
