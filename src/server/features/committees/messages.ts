import { sql } from 'drizzle-orm';
import { ranks, type Rank } from '../../../contracts/access.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import { badRequest } from '../../core/http/errors.ts';
import { QUEUE_CAMPAIGN_TEMPLATE_MAILS } from '../../core/mail/outbox.ts';
import { registerMailTemplate } from '../../core/mail/registry.ts';
import { richTextToHtml } from '../../core/rich-text.ts';
import { signIds, verifySignedIds } from '../../core/signed-ids.ts';
import { registerSubscriptionCheck, subscribedKey } from '../compliance/subscriptions.ts';
import { assertMayPost } from '../moderation/sanctions.ts';
import { displayName, emailablePeople, profilesOf } from '../people/directory.ts';
import { committeeMessageMail } from './mails.ts';

const UNSUBSCRIBE = 'committee-unsubscribe';

/**
 * Queues a message to a committee's subscribed members (those at `lowestRank` or above) in one
 * set-based statement: one outbox row per person, rendered when sent, each naming the
 * committee's subscription so that the gate checks it (and an unsubscribe in between stops it).
 */
export async function sendCommitteeMessage(
  ctx: AppContext,
  committeeId: number,
  authorId: number,
  message: { subject: string; body: string; lowestRank: Rank },
): Promise<{ id: number; recipients: number }> {
  await assertMayPost(ctx, authorId);
  const included = ranks.slice(ranks.indexOf(message.lowestRank));
  const result = await ctx.database.transaction(async (query) => {
    const [row] = await runSql<{ id: number }>(
      query,
      sql`INSERT INTO committee_messages (campaign_id, committee_id, author_id, subject, body, body_html, lowest_rank)
          VALUES (${ctx.campaignId}, ${committeeId}, ${authorId}, ${message.subject}, ${message.body},
                  ${richTextToHtml(message.body)}, ${message.lowestRank})
          RETURNING id`,
    );
    const id = Number(row!.id);
    const members = sql`SELECT person_id FROM committee_members
                         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}
                           AND subscribed AND rank = ANY(${included})`;
    const queued = await runSql(
      query,
      sql`${sql.raw(QUEUE_CAMPAIGN_TEMPLATE_MAILS)}
          SELECT ${ctx.campaignId}, 'committee_message', p.id, p.email, 'committee_message',
                 jsonb_build_object('messageId', ${id}::bigint, 'personId', p.id, 'locale', p.locale),
                 'committee_message', ${`committee:${committeeId}`}
            FROM (${emailablePeople(ctx.campaignId, members)}) p
          RETURNING id`,
    );
    await runSql(
      query,
      sql`UPDATE committee_messages SET recipients = ${queued.length}
           WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    return { id, recipients: queued.length };
  });
  ctx.mailer.nudge();
  return result;
}

/** A committee's messages, newest first, for its members. */
export async function committeeMessages(ctx: AppContext, committeeId: number) {
  const rows = await runSql<{
    id: number;
    author_id: number | null;
    subject: string;
    body_html: string;
    lowest_rank: Rank;
    recipients: number;
    created_at: Date | string;
  }>(
    ctx.database,
    sql`SELECT id, author_id, subject, body_html, lowest_rank, recipients, created_at
          FROM committee_messages WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}
         ORDER BY created_at DESC LIMIT 100`,
  );
  const authors = await profilesOf(
    ctx,
    rows.flatMap((r) => (r.author_id === null ? [] : [Number(r.author_id)])),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    subject: row.subject,
    bodyHtml: row.body_html,
    lowestRank: row.lowest_rank,
    recipients: row.recipients,
    author: row.author_id === null ? null : displayName(authors.get(Number(row.author_id))),
    at: new Date(row.created_at).toISOString(),
  }));
}

/** The unsubscribe link's token: the committee and the person, signed. */
export function unsubscribeToken(ctx: AppContext, committeeId: number, personId: number) {
  return signIds(ctx.config.sessionSecret, UNSUBSCRIBE, ctx.campaignId, [committeeId, personId]);
}

/** Stops a person's mail from a committee (its messages, not the membership), by the link. */
export async function unsubscribeByToken(ctx: AppContext, token: string) {
  const ids = verifySignedIds(ctx.config.sessionSecret, UNSUBSCRIBE, ctx.campaignId, token, 2);
  if (!ids) throw badRequest('invalid_token', 'This unsubscribe link is not valid.');
  const [committeeId, personId] = ids;
  await runSql(
    ctx.database,
    sql`UPDATE committee_members SET subscribed = false
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${Number(committeeId)}
           AND person_id = ${Number(personId)}`,
  );
  const [committee] = await runSql<{ name: string }>(
    ctx.database,
    sql`SELECT name FROM committees WHERE campaign_id = ${ctx.campaignId} AND id = ${Number(committeeId)}`,
  );
  return { committeeId: Number(committeeId), name: committee?.name ?? '' };
}

/** Sets one's own subscription to a committee's messages (from the supporter space). */
export async function setSubscribed(
  ctx: AppContext,
  committeeId: number,
  personId: number,
  subscribed: boolean,
) {
  await runSql(
    ctx.database,
    sql`UPDATE committee_members SET subscribed = ${subscribed}
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId} AND person_id = ${personId}`,
  );
}

/**
 * The committee's messages as mail, rendered when sent (with each person's unsubscribe link
 * and the one-click unsubscribe headers), and the gate's check of the subscription.
 */
export function registerCommitteeMail(ctx: AppContext) {
  registerSubscriptionCheck('committee', async (database, campaignId, asked) => {
    const rows = await runSql<{ person_id: number; committee_id: number }>(
      database,
      sql`SELECT m.person_id, m.committee_id FROM committee_members m
            JOIN unnest(${asked.map((a) => a.personId)}::bigint[], ${asked.map((a) => a.id)}::bigint[]) AS q(person_id, committee_id)
              ON m.person_id = q.person_id AND m.committee_id = q.committee_id
           WHERE m.campaign_id = ${campaignId} AND m.subscribed`,
    );
    return new Set(rows.map((r) => subscribedKey(Number(r.person_id), Number(r.committee_id))));
  });
  registerMailTemplate('committee_message', async (payload) => {
    const p = payload as { messageId: number; personId: number; locale: 'fr' | 'en' };
    const [message] = await runSql<{
      committee_id: number;
      name: string;
      subject: string;
      body: string;
      body_html: string;
    }>(
      ctx.database,
      sql`SELECT m.committee_id, c.name, m.subject, m.body, m.body_html FROM committee_messages m
            JOIN committees c ON c.campaign_id = m.campaign_id AND c.id = m.committee_id
           WHERE m.campaign_id = ${ctx.campaignId} AND m.id = ${p.messageId}`,
    );
    if (!message) throw new Error(`committee message ${p.messageId} is gone`);
    const unsubscribeUrl = `${ctx.config.publicUrl}/committees/unsubscribe?token=${unsubscribeToken(ctx, Number(message.committee_id), p.personId)}`;
    return committeeMessageMail(p.locale === 'en' ? 'en' : 'fr', {
      committee: message.name,
      subject: message.subject,
      text: message.body,
      html: message.body_html,
      committeeUrl: `${ctx.config.publicUrl}/committees/${message.committee_id}`,
      unsubscribeUrl,
    });
  });
}
