import { sql } from 'drizzle-orm';
import type { ChannelDefinition, OutboxItem, SendDecision } from '../dispatch/index.ts';
import type { Database } from '../db/index.ts';
import { runSql } from '../db/statement.ts';
import { mailGate, mailRenderer, mailTemplateOptions } from './registry.ts';
import type { RenderedMail } from './templates.ts';
import type { MailTransport } from './transport.ts';
import { mailToken, returnPathFor } from './verp.ts';

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
  await runSql(
    database,
    sql`INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, subject, text_body, html_body, purpose)
        VALUES (${campaignId}, ${mail.kind}, ${mail.personId}, ${mail.to}, ${mail.subject}, ${mail.text},
                ${mail.html ?? null}, ${mail.purpose ?? 'transactional'})`,
  );
}

/** A claimed mail, as send checks (registerBeforeSend('mail', ...)) see it. */
export interface OutboxMail extends OutboxItem {
  to: string;
  subject: string | null;
  text: string | null;
  html: string | null;
  template: string | null;
  payload: Record<string, unknown> | null;
  purpose: string;
  subscription: string | null;
}

async function render(
  mail: OutboxMail,
): Promise<Omit<RenderedMail, 'html'> & { html: string | null }> {
  if (mail.template) return mailRenderer(mail.template)(mail.payload ?? {});
  return { subject: mail.subject ?? '', text: mail.text ?? '', html: mail.html };
}

export interface MailChannelOptions {
  campaignId: number;
  from: string;
  /** The bounce address each mail's own return path is made from (VERP); none: `from`. */
  returnPath?: string;
  /** Signs the mail's reference in its return path and its `X-Levier-Mail` header. */
  secret: string;
  /** Also give the reference as a Mailgun variable (its webhooks report bounces). */
  mailgun?: boolean;
  /** Also give it as a SendGrid custom argument (`X-SMTPAPI` unique_args), read back by its Event Webhook. */
  sendgrid?: boolean;
  ratePerSecond?: number;
  staleClaimSeconds?: number;
}

/** The header naming the mail (as its return path does), quoted back by bounces. */
export const MAIL_REF_HEADER = 'X-Levier-Mail';
/** The same reference as a Mailgun variable, which its webhooks send back. */
export const MAILGUN_REF_VARIABLE = 'levier_mail';

/** The same again as a SendGrid custom argument: each event of its webhook carries it back. */
export const SENDGRID_REF_ARG = 'levier_mail';

const refHeaders = (
  token: string,
  providers: Pick<MailChannelOptions, 'mailgun' | 'sendgrid'>,
): Record<string, string> => ({
  [MAIL_REF_HEADER]: token,
  ...(providers.mailgun
    ? { 'X-Mailgun-Variables': JSON.stringify({ [MAILGUN_REF_VARIABLE]: token }) }
    : {}),
  ...(providers.sendgrid
    ? { 'X-SMTPAPI': JSON.stringify({ unique_args: { [SENDGRID_REF_ARG]: token } }) }
    : {}),
});

/** The mail channel of the shared dispatcher (core/dispatch): `mail_outbox`, sent through `transport`. */
export function mailChannel(
  transport: MailTransport,
  options: MailChannelOptions,
): ChannelDefinition<OutboxMail> {
  const { campaignId, from, returnPath, secret } = options;
  return {
    name: 'mail',
    table: 'mail_outbox',
    columns: `to_address AS "to", subject, text_body AS "text", html_body AS "html", template, payload, purpose, subscription`,
    async send(mail) {
      const { headers, ...rendered } = await render(mail);
      const ref = { campaignId, mailId: mail.id };
      await transport.send({
        from,
        to: mail.to,
        ...rendered,
        headers: { ...headers, ...refHeaders(mailToken(secret, ref), options) },
        ...(returnPath ? { returnPath: returnPathFor(returnPath, secret, ref) } : {}),
      });
    },
    // The body may hold a login code or confirmation link: it is not kept once sent, nor the
    // subject of a login mail (it shows the code).
    clearOnDone: `subject = CASE WHEN kind = 'login_code' THEN NULL ELSE subject END,
                  text_body = NULL, html_body = NULL, payload = NULL`,
    screen: screenMail,
    // Several at once, as many as the SMTP pool holds connections (maxConnections): one by
    // one, a burst of sign-ups waited on each round trip in turn.
    concurrency: 5,
    ratePerSecond: options.ratePerSecond,
    batchSize: 50,
    maxAttempts: 8,
    staleClaimSeconds: options.staleClaimSeconds ?? 600,
    // A second copy of a campaign mail harms (a newsletter twice); a login code's does not.
    once: (mail) => mail.purpose !== 'transactional',
    retryDelaySeconds: (attempts) => Math.min(3600, 5 * 2 ** attempts),
  };
}

/**
 * A claimed batch's checks in one query each: the daily cap per person, then the gate a
 * feature registered (the compliance gate: campaign mail held during the pre-election
 * silence, suppressed without consent), asked at send time.
 */
async function screenMail(
  database: Database,
  campaignId: number,
  claimed: OutboxMail[],
): Promise<Map<number, SendDecision>> {
  const capped = await overDailyCap(database, campaignId, claimed);
  const gated = await mailGate()(
    database,
    campaignId,
    claimed
      .filter((mail) => !capped.has(mail.id))
      .map((mail) => ({
        id: mail.id,
        personId: mail.personId,
        to: mail.to,
        purpose: mail.purpose,
        subscription: mail.subscription,
      })),
    new Date(),
  );
  return new Map([...gated, ...capped]);
}

const CAP_REACHED: SendDecision = {
  suppress: 'this person already got the most mails of this kind allowed in a day',
};

/**
 * The claimed mails past their template's daily cap per person (see MailTemplateOptions),
 * in one query for the batch. Each counts the earlier mails (by id) of its kind to the same
 * person, being sent or sent: mails claimed together do not all count each other out.
 */
async function overDailyCap(
  database: Database,
  campaignId: number,
  claimed: OutboxMail[],
): Promise<Map<number, SendDecision>> {
  const capped = claimed.flatMap((mail) => {
    const cap = mail.template ? mailTemplateOptions(mail.template).dailyCapPerPerson : undefined;
    return cap !== undefined && mail.personId !== null ? [{ id: mail.id, cap }] : [];
  });
  if (capped.length === 0) return new Map();
  const rows = await database.query<{ id: number; earlier: number; cap: number }>(
    sql`SELECT m.id, c.cap, (SELECT count(*) FROM mail_outbox o
                           WHERE o.campaign_id = ${campaignId} AND o.person_id = m.person_id AND o.kind = m.kind
                             AND o.id < m.id AND o.status IN ('sent', 'sending')
                             AND o.created_at > now() - interval '1 day')::int AS earlier
       FROM unnest(${capped.map((c) => c.id)}::bigint[], ${capped.map((c) => c.cap)}::int[]) AS c(id, cap)
       JOIN mail_outbox m ON m.campaign_id = ${campaignId} AND m.id = c.id`,
  );
  return new Map(rows.filter((r) => r.earlier >= r.cap).map((r) => [Number(r.id), CAP_REACHED]));
}

/**
 * The head of a statement queueing template mails (rendered when sent): the caller's SELECT
 * follows, giving campaign_id, kind, person_id, to_address, template, payload.
 */
export const QUEUE_TEMPLATE_MAILS =
  'INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, template, payload)';

/** The same for campaign mail: purpose and subscription follow payload in the SELECT. */
export const QUEUE_CAMPAIGN_TEMPLATE_MAILS =
  'INSERT INTO mail_outbox (campaign_id, kind, person_id, to_address, template, payload, purpose, subscription)';
