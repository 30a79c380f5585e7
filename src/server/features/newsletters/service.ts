import { sql } from 'drizzle-orm';
import type {
  Newsletter,
  NewsletterCounts,
  NewsletterInput,
  NewsletterStatus,
  SubjectTest,
} from '../../../contracts/newsletters.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { rowById } from '../../core/db/row-by-id.ts';
import {
  cancelSend,
  EDITABLE_STATUSES,
  scheduleSend,
  type ScheduledSend,
} from '../audiences/scheduled-send.ts';
import { conflict } from '../../core/http/errors.ts';
import {
  messageComplaints,
  messageMailCounts,
  messageMailsWaiting,
  suppressWaitingMessageMails,
} from '../../core/mail/message-mails.ts';
import { segmentFilter } from '../people/segments.ts';
import { trackedEngagements } from './tracking/stats.ts';
import { deleteSubjectTest, saveSubjectTest, subjectTestsOf } from './ab/settings.ts';

export interface NewsletterRow {
  id: number;
  name: string;
  subject: string;
  preheader: string;
  body: string;
  segment_id: number | null;
  status: NewsletterStatus;
  scheduled_at: Date | null;
  scheduled_by: number | null;
  started_at: Date | null;
  finished_at: Date | null;
  audience_snapshot_id: number | null;
  recipients: number;
  created_at: Date;
  updated_at: Date;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** The outbox's statuses of a newsletter's mails, counted in one read per newsletter. */
async function countsOf(
  query: Query,
  campaignId: number,
  rows: readonly NewsletterRow[],
): Promise<Map<number, NewsletterCounts>> {
  const ids = rows.map((row) => Number(row.id));
  const [byStatus, complaints, unsubscribed, tracked] = await Promise.all([
    messageMailCounts(query, campaignId, 'newsletter', ids),
    messageComplaints(query, campaignId, 'newsletter', ids),
    query<{ newsletter_id: number; n: number }>(
      sql`SELECT newsletter_id, count(*)::int AS n FROM newsletter_unsubscribes
           WHERE campaign_id = ${campaignId} AND newsletter_id = ANY(${ids}::bigint[])
           GROUP BY newsletter_id`,
    ),
    trackedEngagements(query, campaignId, ids),
  ]);
  const counts = new Map<number, NewsletterCounts>();
  for (const row of rows) {
    counts.set(Number(row.id), {
      recipients: row.recipients,
      pending: 0,
      sent: 0,
      bounced: 0,
      complaints: 0,
      suppressed: 0,
      failed: 0,
      unsubscribed: 0,
      // Opens and clicks, among the recipients who agreed to that tracking only.
      ...tracked.get(Number(row.id))!,
    });
  }
  for (const row of byStatus) {
    const c = counts.get(row.messageId)!;
    if (row.status === 'sent') c.sent += row.count;
    else if (row.status === 'bounced') c.bounced += row.count;
    else if (row.status === 'suppressed') c.suppressed += row.count;
    else if (row.status === 'failed') c.failed += row.count;
    else c.pending += row.count;
  }
  for (const row of complaints) counts.get(row.messageId)!.complaints = row.count;
  for (const row of unsubscribed) counts.get(Number(row.newsletter_id))!.unsubscribed = row.n;
  return counts;
}

const toNewsletter = (
  row: NewsletterRow,
  counts: NewsletterCounts,
  subjectTest: SubjectTest | null,
): Newsletter => ({
  id: Number(row.id),
  name: row.name,
  subject: row.subject,
  preheader: row.preheader,
  body: row.body,
  segmentId: row.segment_id === null ? null : Number(row.segment_id),
  status: row.status,
  scheduledAt: iso(row.scheduled_at),
  startedAt: iso(row.started_at),
  finishedAt: iso(row.finished_at),
  counts,
  subjectTest,
  createdAt: iso(row.created_at)!,
  updatedAt: iso(row.updated_at)!,
});

export const newsletterRow = (query: Query, campaignId: number, id: number, lock = false) =>
  rowById<NewsletterRow>(query, 'newsletters', 'newsletter', campaignId, id, lock);

/** Sending newsletters none of whose mails waits any more are sent. */
export async function finishSent(ctx: AppContext): Promise<void> {
  await ctx.database.query(
    sql`UPDATE newsletters n SET status = 'sent', finished_at = now(), updated_at = now()
         WHERE n.campaign_id = ${ctx.campaignId} AND n.status = 'sending'
           AND NOT ${messageMailsWaiting(sql`n.campaign_id`, 'newsletter', sql`n.id`)}`,
  );
}

async function withCounts(query: Query, campaignId: number, rows: readonly NewsletterRow[]) {
  const [counts, tests] = await Promise.all([
    countsOf(query, campaignId, rows),
    subjectTestsOf(
      query,
      campaignId,
      rows.map((row) => Number(row.id)),
    ),
  ]);
  return rows.map((row) =>
    toNewsletter(row, counts.get(Number(row.id))!, tests.get(Number(row.id)) ?? null),
  );
}

/**
 * Newsletters as staff see them: one whose last mail went is shown sent at once (the minute's
 * round would close it too), rather than sending for up to a minute more.
 */
async function shown(ctx: AppContext, rows: readonly NewsletterRow[]): Promise<Newsletter[]> {
  const newsletters = await withCounts(ctx.database.query, ctx.campaignId, rows);
  if (!newsletters.some((n) => n.status === 'sending' && n.counts.pending === 0)) {
    return newsletters;
  }
  await finishSent(ctx);
  const ids = rows.map((row) => Number(row.id));
  const again = await ctx.database.query<NewsletterRow>(
    sql`SELECT * FROM newsletters WHERE campaign_id = ${ctx.campaignId} AND id = ANY(${ids}::bigint[])`,
  );
  const byId = new Map(again.map((row) => [Number(row.id), row]));
  return withCounts(
    ctx.database.query,
    ctx.campaignId,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}

export async function listNewsletters(ctx: AppContext): Promise<Newsletter[]> {
  const rows = await ctx.database.query<NewsletterRow>(
    sql`SELECT * FROM newsletters WHERE campaign_id = ${ctx.campaignId}
         ORDER BY created_at DESC, id DESC LIMIT 200`,
  );
  return shown(ctx, rows);
}

export async function getNewsletter(ctx: AppContext, id: number): Promise<Newsletter> {
  const row = await newsletterRow(ctx.database.query, ctx.campaignId, id);
  return (await shown(ctx, [row]))[0]!;
}

export async function createNewsletter(
  ctx: AppContext,
  input: NewsletterInput & { preheader: string },
  actorId: number,
): Promise<Newsletter> {
  // Read before writing: an unknown segment is a 404 with nothing kept.
  if (input.segmentId !== null) await segmentFilter(ctx, input.segmentId);
  const row = await ctx.database.transaction(async (query) => {
    const [inserted] = await query<NewsletterRow>(
      sql`INSERT INTO newsletters (campaign_id, name, subject, preheader, body, segment_id, created_by)
          VALUES (${ctx.campaignId}, ${input.name}, ${input.subject}, ${input.preheader}, ${input.body},
                  ${input.segmentId}, ${actorId})
          RETURNING *`,
    );
    await saveSubjectTest(query, ctx.campaignId, Number(inserted!.id), input.subjectTest);
    return inserted;
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'newsletter.create',
    target: `newsletter:${row!.id}`,
    details: { name: input.name },
  });
  return (await withCounts(ctx.database.query, ctx.campaignId, [row!]))[0]!;
}

export async function updateNewsletter(
  ctx: AppContext,
  id: number,
  input: NewsletterInput & { preheader: string },
  actorId: number,
): Promise<Newsletter> {
  if (input.segmentId !== null) await segmentFilter(ctx, input.segmentId);
  const row = await ctx.database.transaction(async (query) => {
    const current = await newsletterRow(query, ctx.campaignId, id, true);
    if (!EDITABLE_STATUSES.includes(current.status)) {
      throw conflict(
        'newsletter_not_editable',
        'Only a draft or a newsletter still scheduled can be changed.',
      );
    }
    const [updated] = await query<NewsletterRow>(
      sql`UPDATE newsletters SET name = ${input.name}, subject = ${input.subject},
                 preheader = ${input.preheader}, body = ${input.body}, segment_id = ${input.segmentId},
                 updated_at = now()
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id} RETURNING *`,
    );
    await saveSubjectTest(query, ctx.campaignId, id, input.subjectTest);
    return updated!;
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'newsletter.update',
    target: `newsletter:${id}`,
  });
  return (await withCounts(ctx.database.query, ctx.campaignId, [row]))[0]!;
}

export async function deleteNewsletter(ctx: AppContext, id: number, actorId: number) {
  await ctx.database.transaction(async (query) => {
    const current = await newsletterRow(query, ctx.campaignId, id, true);
    if (current.status !== 'draft') {
      throw conflict('newsletter_not_draft', 'Only a draft can be deleted.');
    }
    await query(sql`DELETE FROM newsletters WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`);
    await deleteSubjectTest(query, ctx.campaignId, id);
  });
  await audit(ctx.database, {
    campaignId: ctx.campaignId,
    actorId,
    action: 'newsletter.delete',
    target: `newsletter:${id}`,
  });
}

/** What staff schedule and stop, and how a canceled one's mails stop. */
export const newsletterSend: ScheduledSend = {
  table: 'newsletters',
  entity: 'newsletter',
  auditName: 'newsletter',
  notEditable: {
    code: 'newsletter_not_editable',
    message: 'This newsletter is already sending, sent or canceled.',
  },
  notCancelable: {
    code: 'newsletter_not_cancelable',
    message: 'This newsletter is already sent or canceled.',
  },
  // A subject test's sample going out: canceling stops it and the rest never goes.
  underWay: ['testing', 'sending'],
  suppressWaiting: (query, campaignId, id) =>
    suppressWaitingMessageMails(query, campaignId, 'newsletter', id, 'newsletter canceled'),
};

/**
 * Schedules a draft (or moves a scheduled one): at a moment to come, or now. The audience is
 * frozen when the send starts (`releaseDueNewsletters`), not here.
 */
export const scheduleNewsletter = (
  ctx: AppContext,
  id: number,
  at: string | null,
  actorId: number,
) => scheduleSend(ctx, newsletterSend, id, at, actorId);

/**
 * Stops a newsletter: a scheduled one goes back to draft; a sending one is canceled and its
 * mails not sent yet are suppressed in one statement (those being sent at that moment go).
 */
export const cancelNewsletter = (ctx: AppContext, id: number, actorId: number) =>
  cancelSend(ctx, newsletterSend, id, actorId);
