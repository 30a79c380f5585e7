import { sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../core/db/index.ts';
import { recentSoftBounces, suppressWaitingMailsTo } from '../../core/mail/feedback.ts';
import {
  registerMailFeedbackHandler,
  type AddressFeedback,
  type GatedMail,
} from '../../core/mail/registry.ts';
import type { SendDecision } from '../../core/dispatch/index.ts';
import { currentConsents, recordDecisions } from '../people/consents.ts';
import { optOutKey } from './phone-opt-outs.ts';

/** `unsubscribed`: an erased or purged person had withdrawn their consent to email. */
export type MailSuppressionReason = 'hard_bounce' | 'soft_bounces' | 'complaint' | 'unsubscribed';

/** Soft bounces (a full mailbox, a server refusing for now) this many times in this many days: suppressed. */
export const SOFT_BOUNCES_TO_SUPPRESS = 3;
export const SOFT_BOUNCE_DAYS = 30;

const lowered = (address: string) => address.trim().toLowerCase();

/** The keyed hash of an address given as SQL (already lowered), in SQL. */
const addressHashSql = (key: Buffer, address: SQL): SQL =>
  sql`sha256(${key}::bytea || convert_to(${address}, 'UTF8'))`;

/**
 * Adds an address to the suppression list. A bounce outranks a complaint: the address then
 * gets no mail at all, not only no campaign mail (and is suppressed from then).
 */
export async function addMailSuppression(
  query: Query,
  campaignId: number,
  address: string,
  reason: MailSuppressionReason,
): Promise<void> {
  const key = await optOutKey(query, campaignId);
  await query(
    sql`INSERT INTO mail_suppressions (campaign_id, address_hash, reason)
        VALUES (${campaignId}, ${addressHashSql(key, sql`${lowered(address)}::text`)}, ${reason})
        ON CONFLICT (campaign_id, address_hash)
          DO UPDATE SET reason = EXCLUDED.reason, created_at = EXCLUDED.created_at
          WHERE mail_suppressions.reason = 'complaint' AND EXCLUDED.reason <> 'complaint'`,
  );
}

/**
 * Keeps the addresses of people erased or purged after they withdrew their consent to email
 * (an unsubscribe link, their own choice, a complaint's withdrawal): their consent records go
 * with them, the keyed hash stays, so a re-import of the address gets no campaign mail. One
 * statement for the whole set; an address already on the list keeps its reason.
 */
export async function keepUnsubscribedAddresses(
  query: Query,
  campaignId: number,
  addresses: readonly string[],
): Promise<number> {
  const distinct = [...new Set(addresses.map(lowered))].filter((a) => a.length > 0);
  if (distinct.length === 0) return 0;
  const key = await optOutKey(query, campaignId);
  const [row] = await query<{ n: number }>(
    sql`WITH kept AS (
          INSERT INTO mail_suppressions (campaign_id, address_hash, reason)
          SELECT ${campaignId}, ${addressHashSql(key, sql`a`)}, 'unsubscribed'
            FROM unnest(${distinct}::text[]) AS a
          ON CONFLICT (campaign_id, address_hash) DO NOTHING RETURNING 1)
        SELECT count(*)::int AS n FROM kept`,
  );
  return row?.n ?? 0;
}

/**
 * A new explicit consent to email given by the address's owner (a confirmed sign-up, their
 * own choice in their space, a consent staff recorded with its proof) lifts a kept unsubscribe
 * (`unsubscribed`): their newer choice outranks the one kept after their erasure or purge. A
 * bounce or a complaint stays (staff lift those from the person's page). Answers whether one
 * was lifted.
 */
export async function liftUnsubscribedAddress(
  query: Query,
  campaignId: number,
  address: string,
): Promise<boolean> {
  const key = await optOutKey(query, campaignId);
  const rows = await query<{ reason: string }>(
    sql`DELETE FROM mail_suppressions
         WHERE campaign_id = ${campaignId} AND reason = 'unsubscribed'
           AND address_hash = ${addressHashSql(key, sql`${lowered(address)}::text`)}
        RETURNING reason`,
  );
  return rows.length > 0;
}

/** Whether an address is on the suppression list: why, and since when. */
export async function mailSuppressionOf(
  query: Query,
  campaignId: number,
  address: string,
): Promise<{ reason: MailSuppressionReason; since: Date } | null> {
  const key = await optOutKey(query, campaignId);
  const [row] = await query<{ reason: MailSuppressionReason; created_at: Date }>(
    sql`SELECT reason, created_at FROM mail_suppressions
         WHERE campaign_id = ${campaignId}
           AND address_hash = ${addressHashSql(key, sql`${lowered(address)}::text`)}`,
  );
  return row ? { reason: row.reason, since: new Date(row.created_at) } : null;
}

/**
 * Takes an address off the suppression list (staff lifting it from the person's page): its
 * row, the keyed hash, is deleted. Answers what it was, or null when it was not on the list.
 * Consent is not touched: after a complaint the person's consent to email stays withdrawn.
 */
export async function removeMailSuppression(
  query: Query,
  campaignId: number,
  address: string,
): Promise<{ reason: MailSuppressionReason; since: Date } | null> {
  const key = await optOutKey(query, campaignId);
  const [row] = await query<{ reason: MailSuppressionReason; created_at: Date }>(
    sql`DELETE FROM mail_suppressions
         WHERE campaign_id = ${campaignId}
           AND address_hash = ${addressHashSql(key, sql`${lowered(address)}::text`)}
        RETURNING reason, created_at`,
  );
  return row ? { reason: row.reason, since: new Date(row.created_at) } : null;
}

/** Which of these addresses are suppressed, and why (addresses as given). */
export async function suppressedAddresses(
  query: Query,
  campaignId: number,
  addresses: readonly string[],
): Promise<Map<string, MailSuppressionReason>> {
  if (addresses.length === 0) return new Map();
  const distinct = [...new Set(addresses.map(lowered))];
  const key = await optOutKey(query, campaignId);
  const rows = await query<{ address: string; reason: MailSuppressionReason }>(
    sql`SELECT a AS address, s.reason FROM unnest(${distinct}::text[]) AS a
          JOIN mail_suppressions s ON s.campaign_id = ${campaignId}
           AND s.address_hash = ${addressHashSql(key, sql`a`)}`,
  );
  const reasons = new Map(rows.map((row) => [row.address, row.reason]));
  return new Map(
    addresses.flatMap((address) => {
      const reason = reasons.get(lowered(address));
      return reason ? [[address, reason] as const] : [];
    }),
  );
}

/**
 * The suppression list's word on a claimed batch: after a bounce nothing goes to the address
 * (a login code would not arrive either); after a complaint, no campaign mail.
 */
export async function suppressionVerdicts(
  query: Query,
  campaignId: number,
  batch: readonly GatedMail[],
): Promise<Map<number, SendDecision>> {
  const reasons = await suppressedAddresses(
    query,
    campaignId,
    batch.map((mail) => mail.to),
  );
  const verdicts = new Map<number, SendDecision>();
  for (const mail of batch) {
    const reason = reasons.get(mail.to);
    if (!reason) continue;
    // A complaint or a kept unsubscribe stops campaign mail; what the person asks for still goes.
    const campaignOnly = reason === 'complaint' || reason === 'unsubscribed';
    if (campaignOnly && mail.purpose === 'transactional') continue;
    verdicts.set(mail.id, {
      suppress:
        reason === 'complaint'
          ? 'complained'
          : reason === 'unsubscribed'
            ? 'opted_out'
            : 'address_bounced',
    });
  }
  return verdicts;
}

/**
 * What a bounce or complaint does to its address: a hard bounce, or the third soft bounce in
 * 30 days, suppresses it for all mail; a complaint withdraws the person's consent to the
 * campaign's email (source `complaint`) and suppresses campaign mail. Mails still waiting
 * for it are suppressed at once.
 */
export async function applyMailFeedback(
  query: Query,
  campaignId: number,
  feedback: AddressFeedback,
): Promise<void> {
  const to = { address: feedback.address, personId: feedback.personId };
  if (feedback.kind === 'complaint') {
    await addMailSuppression(query, campaignId, feedback.address, 'complaint');
    await suppressWaitingMailsTo(query, campaignId, to, 'campaign', 'complained');
    if (feedback.personId !== null) {
      const consents = (await currentConsents(query, campaignId, [feedback.personId])).get(
        feedback.personId,
      );
      if (consents?.email?.status === 'granted') {
        await recordDecisions(query, campaignId, feedback.personId, [
          { channel: 'email', granted: false, source: 'complaint', wordingVersion: '' },
        ]);
      }
    }
    return;
  }
  const bounced =
    feedback.kind === 'hard_bounce' ||
    (feedback.kind === 'soft_bounce' &&
      (await recentSoftBounces(query, campaignId, feedback.address, SOFT_BOUNCE_DAYS)) >=
        SOFT_BOUNCES_TO_SUPPRESS);
  if (!bounced) return;
  await addMailSuppression(
    query,
    campaignId,
    feedback.address,
    feedback.kind === 'hard_bounce' ? 'hard_bounce' : 'soft_bounces',
  );
  await suppressWaitingMailsTo(query, campaignId, to, 'all', 'address_bounced');
}

export const registerMailFeedback = () => registerMailFeedbackHandler(applyMailFeedback);
