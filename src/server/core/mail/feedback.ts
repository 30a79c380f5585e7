import { sql } from 'drizzle-orm';
import type { Database, Query } from '../db/index.ts';
import { mailFeedbackHandler, type AddressFeedback } from './registry.ts';
import type { MailRef } from './verp.ts';

export type FeedbackKind = AddressFeedback['kind'];

/** A bounce or a complaint, as a listener or a webhook understood it. */
export interface MailFeedbackReport {
  /** The mail it answers, from its return path or header; null when it names none of ours. */
  ref: MailRef | null;
  /** The recipient the report names, used only when it names no mail of ours. */
  address: string | null;
  kind: FeedbackKind;
  source: 'smtp' | 'mailgun' | 'sendgrid';
  status?: string | null;
  detail?: string | null;
}

export type FeedbackOutcome = 'recorded' | 'duplicate' | 'unknown';

/**
 * Records what came back about a mail and honours it at once, in one transaction: a bounce
 * marks the mail `bounced`; the address's fate (suppressed after a hard bounce, repeated soft
 * bounces or a complaint; the person's consent withdrawn on a complaint; their mails still
 * waiting suppressed) is the registered handler's (compliance). A report received twice
 * (providers repeat a webhook they are unsure of) counts once.
 */
export async function recordMailFeedback(
  database: Database,
  campaignId: number,
  report: MailFeedbackReport,
): Promise<FeedbackOutcome> {
  if (report.ref && report.ref.campaignId !== campaignId) return 'unknown';
  return database.transaction(async (query) => {
    const mail = report.ref
      ? (
          await query<{ to_address: string; person_id: number | null }>(
            sql`SELECT to_address, person_id FROM mail_outbox
                 WHERE campaign_id = ${campaignId} AND id = ${report.ref.mailId}`,
          )
        )[0]
      : undefined;
    const address = mail?.to_address ?? report.address;
    if (!address || address === 'erased') return 'unknown';
    const mailId = mail ? report.ref!.mailId : null;
    const inserted = await query(
      sql`INSERT INTO mail_feedback (campaign_id, mail_id, kind, source, status, detail)
          VALUES (${campaignId}, ${mailId}, ${report.kind}, ${report.source},
                  ${report.status?.slice(0, 20) ?? null}, ${report.detail?.slice(0, 500) ?? null})
          ON CONFLICT (campaign_id, mail_id, kind) WHERE mail_id IS NOT NULL DO NOTHING
          RETURNING id`,
    );
    if (inserted.length === 0) return 'duplicate';
    if (mailId !== null && (report.kind === 'hard_bounce' || report.kind === 'soft_bounce')) {
      await query(
        sql`UPDATE mail_outbox SET status = 'bounced',
               last_error = ${`bounced: ${report.status ?? ''} ${report.detail ?? ''}`.trim().slice(0, 500)}
             WHERE campaign_id = ${campaignId} AND id = ${mailId} AND status IN ('sent', 'sending')`,
      );
    }
    await mailFeedbackHandler()(query, campaignId, {
      address,
      personId: mail?.person_id == null ? null : Number(mail.person_id),
      kind: report.kind,
    });
    return 'recorded';
  });
}

/** Soft bounces of mails to this address in the last `days` days. */
export async function recentSoftBounces(
  query: Query,
  campaignId: number,
  address: string,
  days: number,
): Promise<number> {
  const rows = await query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM mail_feedback f
          JOIN mail_outbox m ON m.campaign_id = f.campaign_id AND m.id = f.mail_id
         WHERE f.campaign_id = ${campaignId} AND f.kind = 'soft_bounce'
           AND lower(m.to_address) = ${address.toLowerCase()}
           AND f.created_at > now() - make_interval(days => ${days})`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Mails to an address not claimed yet are not sent: all of them, or only campaign mail
 * (after a complaint, a login code still goes).
 */
export async function suppressWaitingMailsTo(
  query: Query,
  campaignId: number,
  to: { address: string; personId: number | null },
  scope: 'all' | 'campaign',
  reason: string,
): Promise<void> {
  const campaignOnly = scope === 'campaign' ? sql` AND purpose <> 'transactional'` : sql``;
  // Through the person's index when the mail named them; otherwise among the waiting mails.
  const person = to.personId === null ? sql`` : sql` AND person_id = ${to.personId}`;
  await query(
    sql`UPDATE mail_outbox SET status = 'suppressed', last_error = ${`not sent: ${reason}`}
         WHERE campaign_id = ${campaignId}${person} AND lower(to_address) = ${to.address.toLowerCase()}
           AND status = 'pending'${campaignOnly}`,
  );
}

/** A bounce or complaint as a person's page shows it (features/mail-feedback/suppression.ts). */
export interface FeedbackReport {
  kind: 'hard_bounce' | 'soft_bounce' | 'complaint';
  source: string;
  status: string | null;
  detail: string | null;
  at: Date;
}

/** The latest bounce or complaint reported about a mail to this person at this address. */
export async function lastFeedbackAbout(
  query: Query,
  campaignId: number,
  personId: number,
  address: string,
): Promise<FeedbackReport | null> {
  const [row] = await query<Omit<FeedbackReport, 'at'> & { created_at: Date }>(
    sql`SELECT f.kind, f.source, f.status, f.detail, f.created_at
          FROM mail_outbox m
          JOIN mail_feedback f ON f.campaign_id = m.campaign_id AND f.mail_id = m.id
         WHERE m.campaign_id = ${campaignId} AND m.person_id = ${personId}
           AND lower(m.to_address) = ${address.trim().toLowerCase()}
           AND f.kind IN ('hard_bounce', 'soft_bounce', 'complaint')
         ORDER BY f.created_at DESC, f.id DESC LIMIT 1`,
  );
  if (!row) return null;
  const { created_at, ...report } = row;
  return { ...report, at: new Date(created_at) };
}
