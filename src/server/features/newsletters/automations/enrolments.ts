import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AutomationTrigger } from '../../../../contracts/newsletters-automations.ts';
import { listCampaigns } from '../../../core/campaigns/service.ts';
import { forCampaign, type AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { defineJob } from '../../../core/jobs/index.ts';
import { QUEUE_MESSAGE_MAILS } from '../../../core/mail/message-mails.ts';
import { emailablePeople } from '../../people/directory.ts';

/** The outbox kind (and template) of an automation step's mails; `message_id` is the step. */
export const STEP_MAIL = 'newsletter_step';

/** Step mails queued per statement; a round goes on until fewer are due. */
const QUEUED_PER_STATEMENT = 5000;

/** Enrols a person in every active automation of the trigger, once each; returns how many. */
async function insertEnrolments(
  query: Query,
  campaignId: number,
  trigger: AutomationTrigger,
  personId: number,
): Promise<number> {
  const enrolled = await query<{ id: number }>(
    sql`INSERT INTO newsletter_enrolments (campaign_id, automation_id, person_id)
        SELECT a.campaign_id, a.id, ${personId}::bigint FROM newsletter_automations a
         WHERE a.campaign_id = ${campaignId} AND a.trigger = ${trigger} AND a.status = 'active'
        ON CONFLICT (campaign_id, automation_id, person_id) DO NOTHING
        RETURNING id`,
  );
  return enrolled.length;
}

/**
 * Enrols a person in every active automation of this trigger, once each (the unique key: a
 * second trigger, a retry, two processes at once change nothing), then queues at once what is
 * due for them (a day-0 step goes now, not at the next minute's round).
 */
export async function enrol(
  ctx: AppContext,
  trigger: AutomationTrigger,
  personId: number,
): Promise<number> {
  const enrolled = await insertEnrolments(ctx.database.query, ctx.campaignId, trigger, personId);
  if (enrolled > 0) await queueDueSteps(ctx, { personId });
  return enrolled;
}

/**
 * A trigger's listener inside the triggering change's own transaction: the enrolment, and the
 * mails of the steps due at once (day 0), commit with what the person did or not at all, so no
 * process lost after that commit loses them (the dispatcher's poll sends those mails, within a
 * second). Under a savepoint: a failure here is undone alone and logged, never failing (nor
 * undoing) what the person did. Only the person's own new rows are written: nothing that the
 * minute's round could be waiting on.
 */
export const enrolWithin =
  (trigger: AutomationTrigger) =>
  async (query: Query, ctx: AppContext, personId: number): Promise<void> => {
    await query(sql`SAVEPOINT newsletter_enrolment`);
    try {
      if ((await insertEnrolments(query, ctx.campaignId, trigger, personId)) > 0)
        await queueRound(query, ctx.campaignId, sql`now()`, personId);
      await query(sql`RELEASE SAVEPOINT newsletter_enrolment`);
    } catch (error) {
      await query(sql`ROLLBACK TO SAVEPOINT newsletter_enrolment`);
      ctx.log.error(
        { err: error, campaignId: ctx.campaignId, trigger, personId },
        'automation enrolment failed',
      );
    }
  };

/**
 * Ends every series of the person still running (they unsubscribed: `stepId` is the step
 * whose link they used, if one). Their steps not queued yet never are.
 */
export async function endEnrolments(
  query: Query,
  campaignId: number,
  personId: number,
  stepId: number | null,
): Promise<void> {
  await query(
    sql`UPDATE newsletter_enrolments SET ended_at = now(), ended_reason = 'unsubscribed',
               ended_step_id = ${stepId}
         WHERE campaign_id = ${campaignId} AND person_id = ${personId} AND ended_at IS NULL`,
  );
}

/**
 * One statement: up to QUEUED_PER_STATEMENT due (enrolment, step) pairs of running enrolments
 * of active automations (one person's, when given) marked queued, and their mails inserted
 * from the marks it did insert. Returns the pairs marked and the mails queued.
 */
async function queueRound(
  query: Query,
  campaignId: number,
  now: SQL,
  personId?: number,
): Promise<{ marked: number; queued: number }> {
  const onePerson = personId === undefined ? sql`` : sql` AND e.person_id = ${personId}`;
  const [round] = await query<{ marked: number; queued: number }>(
    sql`WITH due AS (
          SELECT e.id AS enrolment_id, s.id AS step_id, e.person_id
            FROM newsletter_enrolments e
            JOIN newsletter_automations a
              ON a.campaign_id = e.campaign_id AND a.id = e.automation_id AND a.status = 'active'
            JOIN newsletter_automation_steps s
              ON s.campaign_id = e.campaign_id AND s.automation_id = e.automation_id
           WHERE e.campaign_id = ${campaignId} AND e.ended_at IS NULL${onePerson}
             AND e.enrolled_at + make_interval(days => s.delay_days) <= ${now}
             AND e.enrolled_at + make_interval(days => s.delay_days) >= s.created_at
             AND NOT EXISTS (SELECT 1 FROM newsletter_enrolment_steps q
                              WHERE q.campaign_id = e.campaign_id AND q.enrolment_id = e.id
                                AND q.step_id = s.id)
           ORDER BY e.id, s.position
           LIMIT ${QUEUED_PER_STATEMENT}),
        marked AS (
          INSERT INTO newsletter_enrolment_steps (campaign_id, enrolment_id, step_id, queued_at)
          SELECT ${campaignId}, enrolment_id, step_id, ${now} FROM due
          ON CONFLICT DO NOTHING
          RETURNING enrolment_id, step_id),
        mails AS (
          ${sql.raw(QUEUE_MESSAGE_MAILS)}
          SELECT ${campaignId}, ${STEP_MAIL}, p.id, p.email, ${STEP_MAIL},
                 jsonb_build_object('stepId', m.step_id, 'personId', p.id, 'locale', p.locale),
                 'newsletter', m.step_id
            FROM marked m
            JOIN due d ON d.enrolment_id = m.enrolment_id AND d.step_id = m.step_id
            JOIN (${emailablePeople(campaignId, sql`SELECT person_id FROM due`)}) p
              ON p.id = d.person_id
          RETURNING 1)
        SELECT (SELECT count(*) FROM marked)::int AS marked, (SELECT count(*) FROM mails)::int AS queued`,
  );
  return round!;
}

/**
 * Queues the steps that are due (`enrolled_at` + the step's days ≤ `now`) for the running
 * enrolments of active automations, in set-based statements: each marks its enrolments' steps
 * queued (the key enrolment + step) and inserts their mails in one statement, so a crash
 * between two loses nothing and a step is never queued twice for an enrolment. Mails go to
 * whoever has an address; the compliance gate decides at send time (consent, opt-out,
 * pre-election silence), as for a newsletter. A step added to an automation later goes only to
 * the enrolments whose day for it comes after it was added. The series of people who no longer
 * agree to email end first (nothing more is queued for them); then those whose steps were all
 * queued are complete.
 */
export async function queueDueSteps(
  ctx: AppContext,
  options: { now?: Date; personId?: number } = {},
): Promise<number> {
  // The database's clock unless a moment is given (tests move it).
  const now = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  const onePerson =
    options.personId === undefined ? sql`` : sql` AND e.person_id = ${options.personId}`;
  // Whoever does not agree to email now (never did, or withdrew it) has their series end first:
  // what was queued stays for the gate to judge, nothing more is queued.
  await ctx.database.query(
    sql`UPDATE newsletter_enrolments e SET ended_at = now(), ended_reason = 'no_consent'
         WHERE e.campaign_id = ${ctx.campaignId} AND e.ended_at IS NULL${onePerson}
           AND e.person_id NOT IN (SELECT id FROM (${emailablePeople(
             ctx.campaignId,
             sql`SELECT person_id FROM newsletter_enrolments
                  WHERE campaign_id = ${ctx.campaignId} AND ended_at IS NULL`,
             { agreedToEmail: true },
           )}) agreeing)`,
  );
  let queued = 0;
  for (;;) {
    const round = await queueRound(ctx.database.query, ctx.campaignId, now, options.personId);
    queued += round.queued;
    if (round.marked < QUEUED_PER_STATEMENT) break;
  }
  // A series all of whose steps were queued is complete (a step added later with a day to come
  // for it would have kept it running).
  await ctx.database.query(
    sql`UPDATE newsletter_enrolments e SET ended_at = now(), ended_reason = 'completed'
         WHERE e.campaign_id = ${ctx.campaignId} AND e.ended_at IS NULL${onePerson}
           AND NOT EXISTS (
             SELECT 1 FROM newsletter_automation_steps s
              WHERE s.campaign_id = e.campaign_id AND s.automation_id = e.automation_id
                AND e.enrolled_at + make_interval(days => s.delay_days) >= s.created_at
                AND NOT EXISTS (SELECT 1 FROM newsletter_enrolment_steps q
                                 WHERE q.campaign_id = e.campaign_id AND q.enrolment_id = e.id
                                   AND q.step_id = s.id))`,
  );
  if (queued > 0) ctx.mailer.nudge();
  return queued;
}

/** Every minute: the automations' steps that are due are queued. */
export const newsletterAutomationsJob = defineJob({
  name: 'newsletters.automations',
  payload: z.object({}),
  schedule: { cron: '* * * * *' },
  retry: { limit: 0, delaySeconds: 0 },
  async run(ctx) {
    for (const campaign of await listCampaigns(ctx.database)) {
      const queued = await queueDueSteps(forCampaign(ctx, campaign.id));
      if (queued > 0) ctx.log.info({ campaignId: campaign.id, queued }, 'automation steps queued');
    }
  },
});
