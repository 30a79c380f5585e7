import type { Database } from '../db/index.ts';
import { mailGate, mailRenderer, mailTemplateOptions, type BeforeSend } from './registry.ts';
import type { MailTransport } from './transport.ts';

export interface QueuedMail {
  kind: string;
  personId: number | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** `transactional` (the default) or a campaign purpose, checked by the gate when sent. */
  purpose?: string;
}

export async function enqueueMail(
  database: Database,
  campaignId: number,
  mail: QueuedMail,
): Promise<void> {
  await database.query(
    `INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, subject, text_body, html_body, purpose)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      campaignId,
      mail.kind,
      mail.personId,
      mail.to,
      mail.subject,
      mail.text,
      mail.html ?? null,
      mail.purpose ?? 'transactional',
    ],
  );
}

const MAX_ATTEMPTS = 8;
/** Matches the SMTP transport's pool size (maxConnections). */
const SEND_CONCURRENCY = 5;
/** A claim older than this was lost with its process; the mail is tried again. */
const STALE_CLAIM_MINUTES = 10;

interface ClaimedMail {
  id: number;
  person_id: number | null;
  to_address: string;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  template: string | null;
  payload: Record<string, unknown> | null;
  attempts: number;
  purpose: string;
}

async function render(mail: ClaimedMail) {
  if (mail.template) return mailRenderer(mail.template)(mail.payload ?? {});
  return { subject: mail.subject ?? '', text: mail.text_body ?? '', html: mail.html_body };
}

/**
 * Sends what is due from the outbox. Several processes can run this at once: each claims
 * its own batch with FOR UPDATE SKIP LOCKED. Returns how many mails were handled.
 */
export async function dispatchOutbox(
  database: Database,
  campaignId: number,
  transport: MailTransport,
  from: string,
  batchSize = 50,
): Promise<number> {
  const claimed = await database.query<ClaimedMail>(
    `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = now()
      WHERE campaign_id = $3 AND id IN (
        SELECT id FROM mail_outbox
         WHERE campaign_id = $3
           AND ((status = 'pending' AND next_attempt_at <= now())
            OR (status = 'sending' AND next_attempt_at < now() - make_interval(mins => $2)))
         ORDER BY next_attempt_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
      RETURNING id, person_id, to_address, subject, text_body, html_body, template, payload, attempts, purpose`,
    [batchSize, STALE_CLAIM_MINUTES, campaignId],
  );
  const suppressed = await overDailyCap(database, campaignId, claimed);
  const gated = await mailGate()(
    database,
    campaignId,
    claimed.map((mail) => ({ id: mail.id, personId: mail.person_id, purpose: mail.purpose })),
    new Date(),
  );
  const sendOne = async (mail: ClaimedMail) => {
    const verdict = gated.get(mail.id) ?? 'send';
    if (verdict !== 'send') return holdOrSuppress(database, campaignId, mail.id, verdict);
    if (suppressed.has(mail.id)) {
      await database.query(
        `UPDATE mail_outbox SET status = 'suppressed', payload = NULL,
                last_error = 'not sent: this person already got the most mails of this kind allowed in a day'
          WHERE campaign_id = $2 AND id = $1`,
        [mail.id, campaignId],
      );
      return;
    }
    try {
      const rendered = await render(mail);
      await transport.send({ from, to: mail.to_address, ...rendered });
      // The body may hold a login code or confirmation link: it is not kept once sent, nor
      // the subject of a login mail (it shows the code).
      await database.query(
        `UPDATE mail_outbox SET status = 'sent', sent_at = now(), subject = CASE WHEN kind = 'login_code' THEN NULL ELSE subject END,
                text_body = NULL, html_body = NULL, payload = NULL, last_error = NULL
        WHERE campaign_id = $2 AND id = $1`,
        [mail.id, campaignId],
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      await database.query(
        `UPDATE mail_outbox SET status = $2, last_error = $3,
              next_attempt_at = now() + make_interval(secs => $4) WHERE campaign_id = $5 AND id = $1`,
        [
          mail.id,
          giveUp ? 'failed' : 'pending',
          message.slice(0, 500),
          Math.min(3600, 5 * 2 ** mail.attempts),
          campaignId,
        ],
      );
    }
  };
  // Several at once, as many as the SMTP pool holds connections: one by one, a burst of
  // sign-ups waited on each round trip in turn.
  const queue = [...claimed];
  const lane = async () => {
    for (let mail = queue.shift(); mail; mail = queue.shift()) await sendOne(mail);
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, lane));
  return claimed.length;
}

/**
 * A mail the gate stopped: held goes back to the queue until the given moment (the claim's
 * attempt is not counted), suppressed is never sent (its payload dropped).
 */
async function holdOrSuppress(
  database: Database,
  campaignId: number,
  id: number,
  verdict: Exclude<BeforeSend, 'send'>,
) {
  if ('hold' in verdict) {
    await database.query(
      `UPDATE mail_outbox SET status = 'pending', attempts = attempts - 1, next_attempt_at = $3,
              last_error = $4 WHERE campaign_id = $2 AND id = $1`,
      [id, campaignId, verdict.hold, `held: ${verdict.reason}`],
    );
  } else {
    await database.query(
      `UPDATE mail_outbox SET status = 'suppressed', payload = NULL, last_error = $3
        WHERE campaign_id = $2 AND id = $1`,
      [id, campaignId, `not sent: ${verdict.suppress}`],
    );
  }
}

/**
 * The claimed mails past their template's daily cap per person (see MailTemplateOptions),
 * in one query for the batch. Each counts the earlier mails (by id) of its kind to the same
 * person, being sent or sent: mails claimed together do not all count each other out.
 */
async function overDailyCap(
  database: Database,
  campaignId: number,
  claimed: ClaimedMail[],
): Promise<Set<number>> {
  const capped = claimed.flatMap((mail) => {
    const cap = mail.template ? mailTemplateOptions(mail.template).dailyCapPerPerson : undefined;
    return cap !== undefined && mail.person_id !== null ? [{ id: mail.id, cap }] : [];
  });
  if (capped.length === 0) return new Set();
  const rows = await database.query<{ id: number; earlier: number; cap: number }>(
    `SELECT m.id, c.cap, (SELECT count(*) FROM mail_outbox o
                           WHERE o.campaign_id = $1 AND o.person_id = m.person_id AND o.kind = m.kind
                             AND o.id < m.id AND o.status IN ('sent', 'sending')
                             AND o.created_at > now() - interval '1 day')::int AS earlier
       FROM unnest($2::bigint[], $3::int[]) AS c(id, cap)
       JOIN mail_outbox m ON m.campaign_id = $1 AND m.id = c.id`,
    [campaignId, capped.map((c) => c.id), capped.map((c) => c.cap)],
  );
  return new Set(rows.filter((r) => r.earlier >= r.cap).map((r) => Number(r.id)));
}
