import { sql } from 'drizzle-orm';
import type {
  SubjectTestMetric,
  SubjectTestReason,
  SubjectVariant,
  SubjectVariantFigures,
} from '../../../../contracts/newsletters.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Query } from '../../../core/db/index.ts';
import { conflict } from '../../../core/http/errors.ts';
import { mailCountsByKey } from '../../../core/mail/message-mails.ts';
import { newsletterRow } from '../service.ts';
import { queueRest } from './queue.ts';
import { measuredSample, type SubjectTestRow } from './settings.ts';

export type VariantFigures = Record<SubjectVariant, SubjectVariantFigures>;

/**
 * The winner of a subject test on its figures: the variant with the higher share of its
 * tracked recipients who opened (or clicked, as the test measures). A, the newsletter's own
 * subject, when a variant has no tracked recipient (nothing to compare) or on a tie. Rates are
 * compared as cross products of whole numbers: no rounding decides.
 */
export function chooseWinner(
  figures: VariantFigures,
  metric: SubjectTestMetric,
): { winner: SubjectVariant; reason: SubjectTestReason } {
  const { a, b } = figures;
  if (a.tracked === 0 || b.tracked === 0) return { winner: 'a', reason: 'no_tracking' };
  const hits = (f: SubjectVariantFigures) => (metric === 'opens' ? f.opened : f.clicked);
  const left = hits(a) * b.tracked;
  const right = hits(b) * a.tracked;
  if (left === right) return { winner: 'a', reason: 'tie' };
  return { winner: left > right ? 'a' : 'b', reason: 'higher_rate' };
}

/** Each variant's figures in a sample now, read in the decision's transaction. */
async function figuresNow(query: Query, campaignId: number, id: number): Promise<VariantFigures> {
  const empty = (): SubjectVariantFigures => ({
    recipients: 0,
    sent: 0,
    tracked: 0,
    opened: 0,
    clicked: 0,
  });
  const figures: VariantFigures = { a: empty(), b: empty() };
  const measured = await query<{
    variant: SubjectVariant;
    recipients: number;
    tracked: number;
    opened: number;
    clicked: number;
  }>(measuredSample(campaignId, sql`= ${id}`));
  for (const row of measured) {
    const { recipients, tracked, opened, clicked } = row;
    Object.assign(figures[row.variant], { recipients, tracked, opened, clicked });
  }
  const statuses = await mailCountsByKey(
    query,
    campaignId,
    sql`SELECT variant AS key, mail_id FROM newsletter_variants
         WHERE campaign_id = ${campaignId} AND newsletter_id = ${id}`,
  );
  for (const row of statuses) {
    if (row.status === 'sent') figures[row.key as SubjectVariant].sent += row.count;
  }
  return figures;
}

/**
 * Decides a newsletter's subject test and queues the rest of its audience with the winning
 * subject, in one transaction: the newsletter's row locked first (as its start and its cancel
 * lock it), so the decision is made once whatever the processes, and the decision, the rest's
 * mails, the newsletter marked sending and the audit entry commit together or not at all (a
 * process lost in between leaves the test waiting, decided again by the next round). `pick`:
 * staff's choice, at any time while testing; without it, only once the wait is over. False
 * when there was nothing to decide (no test running, already decided, not due).
 */
export async function decideSubjectTest(
  ctx: AppContext,
  id: number,
  pick: { winner: SubjectVariant; actorId: number } | null,
): Promise<boolean> {
  const queued = await ctx.database.transaction(async (query) => {
    const [current] = await query<{ status: string; audience_snapshot_id: number | null }>(
      sql`SELECT status, audience_snapshot_id FROM newsletters
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} FOR UPDATE`,
    );
    if (current?.status !== 'testing' || current.audience_snapshot_id === null) return null;
    const [test] = await query<SubjectTestRow & { due: boolean }>(
      sql`SELECT *, decide_at <= now() AS due FROM newsletter_subject_tests
           WHERE campaign_id = ${ctx.campaignId} AND newsletter_id = ${id}`,
    );
    if (!test || test.decided_at !== null || (!pick && !test.due)) return null;
    const figures = await figuresNow(query, ctx.campaignId, id);
    const { winner, reason } = pick
      ? { winner: pick.winner, reason: 'manual' as const }
      : chooseWinner(figures, test.metric);
    const rest = await queueRest(
      query,
      ctx.campaignId,
      id,
      Number(current.audience_snapshot_id),
      winner,
    );
    await query(
      sql`UPDATE newsletter_subject_tests
             SET winner = ${winner}, reason = ${reason}, decided_at = now(),
                 decided_by = ${pick?.actorId ?? null}, figures = ${JSON.stringify(figures)}::jsonb
           WHERE campaign_id = ${ctx.campaignId} AND newsletter_id = ${id}`,
    );
    await query(
      sql`UPDATE newsletters SET status = 'sending', recipients = recipients + ${rest}, updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId: pick?.actorId ?? null,
        action: pick ? 'newsletter.subject_test.pick' : 'newsletter.subject_test.decide',
        target: `newsletter:${id}`,
        details: { winner, reason, metric: test.metric, figures, queued: rest },
      },
    );
    return rest;
  });
  if (queued === null) return false;
  ctx.mailer.nudge();
  return true;
}

/** The tests decided per campaign and round (the next round takes the rest). */
const DECIDED_PER_ROUND = 10;

/**
 * The minute's round: every subject test whose wait is over is decided (each in its own
 * transaction). A failure is logged and the others still go; the round then fails, so the
 * job says so, and the next round tries again.
 */
export async function decideDueSubjectTests(ctx: AppContext): Promise<number> {
  const due = await ctx.database.query<{ newsletter_id: number }>(
    sql`SELECT t.newsletter_id FROM newsletter_subject_tests t
          JOIN newsletters n ON n.campaign_id = t.campaign_id AND n.id = t.newsletter_id
         WHERE t.campaign_id = ${ctx.campaignId} AND t.decided_at IS NULL AND t.decide_at <= now()
           AND n.status = 'testing'
         ORDER BY t.decide_at, t.newsletter_id LIMIT ${DECIDED_PER_ROUND}`,
  );
  let decided = 0;
  let failed = 0;
  for (const { newsletter_id } of due) {
    const id = Number(newsletter_id);
    try {
      if (await decideSubjectTest(ctx, id, null)) decided++;
    } catch (error) {
      failed++;
      ctx.log.error(
        { err: error, campaignId: ctx.campaignId, newsletterId: id },
        'subject test decision failed',
      );
    }
  }
  if (failed > 0) throw new Error(`${failed} subject test decision(s) failed; see the log`);
  return decided;
}

/** Staff pick the winner before the wait is over (audited as theirs). */
export async function pickSubjectTestWinner(
  ctx: AppContext,
  id: number,
  winner: SubjectVariant,
  actorId: number,
): Promise<void> {
  // An unknown newsletter is a 404.
  await newsletterRow(ctx.database.query, ctx.campaignId, id);
  if (!(await decideSubjectTest(ctx, id, { winner, actorId }))) {
    throw conflict(
      'subject_test_not_running',
      'This newsletter has no subject test waiting for its winner.',
    );
  }
}
