import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Automation,
  AutomationStatus,
  AutomationStepCounts,
  AutomationTrigger,
  automationInputSchema,
} from '../../../../contracts/newsletters-automations.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { rowById } from '../../../core/db/row-by-id.ts';
import { AppError } from '../../../core/http/errors.ts';
import { messageMailCounts } from '../../../core/mail/message-mails.ts';
import { STEP_MAIL } from './enrolments.ts';

type AutomationInput = z.output<typeof automationInputSchema>;

interface AutomationRow {
  id: number;
  name: string;
  trigger: AutomationTrigger;
  status: AutomationStatus;
  created_at: Date;
  updated_at: Date;
}

export interface StepRow {
  id: number;
  automation_id: number;
  position: number;
  delay_days: number;
  subject: string;
  preheader: string;
  body: string;
}

export const stepRow = (query: Query, campaignId: number, id: number) =>
  rowById<StepRow>(query, 'newsletter_automation_steps', 'step', campaignId, id);

const emptyCounts = (): AutomationStepCounts => ({
  queued: 0,
  pending: 0,
  sent: 0,
  suppressed: 0,
  failed: 0,
  unsubscribed: 0,
});

/** Automations as staff see them: their steps, and per step what the mail did, in five reads. */
async function shown(ctx: AppContext, rows: readonly AutomationRow[]): Promise<Automation[]> {
  const ids = rows.map((row) => Number(row.id));
  const c = ctx.campaignId;
  const q = ctx.database.query;
  const steps = await q<StepRow>(
    sql`SELECT * FROM newsletter_automation_steps
         WHERE campaign_id = ${c} AND automation_id = ANY(${ids}::bigint[])
         ORDER BY automation_id, position`,
  );
  const stepIds = steps.map((step) => Number(step.id));
  const [byStatus, queued, unsubscribed, enrolled] = await Promise.all([
    messageMailCounts(q, c, STEP_MAIL, stepIds),
    q<{ step_id: number; n: number }>(
      sql`SELECT step_id, count(*)::int AS n FROM newsletter_enrolment_steps
           WHERE campaign_id = ${c} AND step_id = ANY(${stepIds}::bigint[]) GROUP BY step_id`,
    ),
    q<{ step_id: number; n: number }>(
      sql`SELECT ended_step_id AS step_id, count(*)::int AS n FROM newsletter_enrolments
           WHERE campaign_id = ${c} AND automation_id = ANY(${ids}::bigint[])
             AND ended_step_id IS NOT NULL GROUP BY ended_step_id`,
    ),
    q<{ automation_id: number; n: number; running: number }>(
      sql`SELECT automation_id, count(*)::int AS n, count(*) FILTER (WHERE ended_at IS NULL)::int AS running
            FROM newsletter_enrolments
           WHERE campaign_id = ${c} AND automation_id = ANY(${ids}::bigint[]) GROUP BY automation_id`,
    ),
  ]);
  const counts = new Map(stepIds.map((id) => [id, emptyCounts()]));
  for (const row of byStatus) {
    const count = counts.get(row.messageId);
    if (!count) continue;
    if (row.status === 'sent') count.sent += row.count;
    else if (row.status === 'suppressed') count.suppressed += row.count;
    else if (row.status === 'failed') count.failed += row.count;
    else count.pending += row.count;
  }
  for (const row of queued) {
    const count = counts.get(Number(row.step_id));
    if (count) count.queued = row.n;
  }
  for (const row of unsubscribed) {
    const count = counts.get(Number(row.step_id));
    if (count) count.unsubscribed = row.n;
  }
  const people = new Map(enrolled.map((row) => [Number(row.automation_id), row]));
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    trigger: row.trigger,
    status: row.status,
    enrolled: people.get(Number(row.id))?.n ?? 0,
    running: people.get(Number(row.id))?.running ?? 0,
    steps: steps
      .filter((step) => Number(step.automation_id) === Number(row.id))
      .map((step) => ({
        id: Number(step.id),
        position: step.position,
        delayDays: step.delay_days,
        subject: step.subject,
        preheader: step.preheader,
        body: step.body,
        counts: counts.get(Number(step.id))!,
      })),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

const automationRow = (query: Query, campaignId: number, id: number, lock = false) =>
  rowById<AutomationRow>(query, 'newsletter_automations', 'automation', campaignId, id, lock);

export async function listAutomations(ctx: AppContext): Promise<Automation[]> {
  const rows = await ctx.database.query<AutomationRow>(
    sql`SELECT * FROM newsletter_automations WHERE campaign_id = ${ctx.campaignId}
         ORDER BY created_at DESC, id DESC LIMIT 200`,
  );
  return shown(ctx, rows);
}

export async function getAutomation(ctx: AppContext, id: number): Promise<Automation> {
  return (await shown(ctx, [await automationRow(ctx.database.query, ctx.campaignId, id)]))[0]!;
}

/**
 * Writes an automation's steps: those kept by id are changed in place (their counts and what
 * was queued of them stay), new ones added, those left out removed (their mails already
 * queued still go; nothing more is queued of them).
 */
async function writeSteps(
  query: Query,
  campaignId: number,
  automationId: number,
  steps: AutomationInput['steps'],
) {
  const kept = steps.flatMap((step) => (step.id === undefined ? [] : [step.id]));
  if (kept.length > 0) {
    const known = await query<{ id: number }>(
      sql`SELECT id FROM newsletter_automation_steps
           WHERE campaign_id = ${campaignId} AND automation_id = ${automationId}
             AND id = ANY(${kept}::bigint[])`,
    );
    if (known.length !== new Set(kept).size) {
      throw new AppError(422, 'unknown_step', 'A step is not one of this automation’s.');
    }
  }
  await query(
    sql`DELETE FROM newsletter_automation_steps
         WHERE campaign_id = ${campaignId} AND automation_id = ${automationId}
           AND NOT (id = ANY(${kept}::bigint[]))`,
  );
  // One statement for all of them: the steps as rows of arrays, in their order.
  const column = <K extends keyof AutomationInput['steps'][number]>(key: K) =>
    steps.map((step) => step[key]);
  await query(
    sql`WITH input AS (
          SELECT * FROM unnest(${column('id').map((id) => id ?? null)}::bigint[],
                               ${column('delayDays')}::int[], ${column('subject')}::text[],
                               ${column('preheader')}::text[], ${column('body')}::text[])
                 WITH ORDINALITY AS i(id, delay_days, subject, preheader, body, position)),
        changed AS (
          UPDATE newsletter_automation_steps s
             SET position = i.position, delay_days = i.delay_days, subject = i.subject,
                 preheader = i.preheader, body = i.body, updated_at = now()
            FROM input i
           WHERE s.campaign_id = ${campaignId} AND s.automation_id = ${automationId} AND s.id = i.id
          RETURNING s.id)
        INSERT INTO newsletter_automation_steps
               (campaign_id, automation_id, position, delay_days, subject, preheader, body)
        SELECT ${campaignId}, ${automationId}, position, delay_days, subject, preheader, body
          FROM input WHERE id IS NULL`,
  );
}

export async function createAutomation(
  ctx: AppContext,
  input: AutomationInput,
  actorId: number,
): Promise<Automation> {
  const id = await ctx.database.transaction(async (query) => {
    const [row] = await query<{ id: number }>(
      sql`INSERT INTO newsletter_automations (campaign_id, name, trigger, status, created_by)
          VALUES (${ctx.campaignId}, ${input.name}, ${input.trigger}, ${input.status}, ${actorId})
          RETURNING id`,
    );
    await writeSteps(query, ctx.campaignId, Number(row!.id), input.steps);
    return Number(row!.id);
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'newsletter.automation.create',
    target: `newsletter_automation:${id}`,
    details: { name: input.name, trigger: input.trigger },
  });
  return getAutomation(ctx, id);
}

export async function updateAutomation(
  ctx: AppContext,
  id: number,
  input: AutomationInput,
  actorId: number,
): Promise<Automation> {
  await ctx.database.transaction(async (query) => {
    await automationRow(query, ctx.campaignId, id, true);
    await query(
      sql`UPDATE newsletter_automations SET name = ${input.name}, trigger = ${input.trigger},
                 status = ${input.status}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    await writeSteps(query, ctx.campaignId, id, input.steps);
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'newsletter.automation.update',
    target: `newsletter_automation:${id}`,
  });
  return getAutomation(ctx, id);
}

/** Pauses an automation (nobody enrolled, nothing queued meanwhile) or makes it active again. */
export async function setAutomationStatus(
  ctx: AppContext,
  id: number,
  status: AutomationStatus,
  actorId: number,
): Promise<Automation> {
  const [row] = await ctx.database.query<{ id: number }>(
    sql`UPDATE newsletter_automations SET status = ${status}, updated_at = now()
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING id`,
  );
  if (!row) return getAutomation(ctx, id); // 404
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: `newsletter.automation.${status === 'paused' ? 'pause' : 'resume'}`,
    target: `newsletter_automation:${id}`,
  });
  return getAutomation(ctx, id);
}
