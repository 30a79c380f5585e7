import { sql } from 'drizzle-orm';
import type { SmsReply } from '../../../contracts/sms.ts';
import { isStopRequest } from '../../../contracts/sms-text.ts';
import { audit } from '../../core/audit.ts';
import type { Config } from '../../core/config.ts';
import type { AppContext } from '../../core/context.ts';
import { callbackCarrier } from '../calling/carrier/configured.ts';
import { createTwilioCarrier } from '../calling/carrier/twilio.ts';
import type { ReceivedCallback } from '../calling/carrier/port.ts';
import { addPhoneOptOuts } from '../compliance/phone-opt-outs.ts';
import { currentConsents, recordDecisions } from '../people/consents.ts';
import { normalizePhone } from '../people/normalize.ts';
import { personNames } from '../people/directory.ts';
import { matchingIdsQuery } from '../people/queries.ts';

/**
 * Checks a provider's request with the voice adapter's check (Twilio's X-Twilio-Signature:
 * HMAC-SHA1 of the URL and the sorted parameters): with the Twilio account's token when texts
 * go through Twilio, else with the development secret the voice callbacks use.
 */
export function smsWebhookVerifier(config: Config): (callback: ReceivedCallback) => boolean {
  const carrier =
    config.smsProvider === 'twilio'
      ? createTwilioCarrier({
          accountSid: config.TWILIO_ACCOUNT_SID!,
          authToken: config.TWILIO_AUTH_TOKEN!,
        })
      : callbackCarrier(config);
  return (callback) => carrier.verifyCallback(callback);
}

/**
 * A text received on the provider's number. STOP (STOP SMS, ARRET, ARRÊT, UNSUBSCRIBE; case
 * and accents ignored) at once, in one transaction: the number on the opt-out list, the SMS
 * consent of everyone with that number withdrawn (source `sms_stop`, in their consent
 * history), their texts still waiting suppressed, the answer counted against the last
 * campaign sent to that number; audited. Anything else is kept for staff.
 */
export async function receiveSms(
  ctx: AppContext,
  params: Record<string, string>,
): Promise<{ stop: boolean }> {
  const e164 = normalizePhone(params.From ?? '');
  const from = e164 ?? (params.From ?? '').slice(0, 32);
  const body = (params.Body ?? '').slice(0, 1600);
  const stop = isStopRequest(body);
  // Read before the transaction (PGlite: one connection). Only a valid number is looked up
  // (the people search would read anything else as a name).
  const people = stop && e164 ? await matchingIdsQuery(ctx, { q: e164 }) : null;
  const personIds = await ctx.database.transaction(async (query) => {
    const [last] = await query<{ sms_campaign_id: number }>(
      sql`SELECT sms_campaign_id FROM sms_outbox
           WHERE campaign_id = ${ctx.campaignId} AND to_number = ${from} AND kind = 'campaign'
             AND status = 'sent'
           ORDER BY sent_at DESC LIMIT 1`,
    );
    await query(
      sql`INSERT INTO sms_inbound (campaign_id, from_number, body, keyword, sms_campaign_id, provider_id)
          VALUES (${ctx.campaignId}, ${from}, ${body}, ${stop ? 'stop' : 'other'},
                  ${last?.sms_campaign_id ?? null}, ${params.MessageSid ?? null})`,
    );
    if (!stop || !people || !e164) return [];
    await addPhoneOptOuts(query, ctx.campaignId, [e164], 'sms_stop');
    const ids = (await query<{ id: number }>(people)).map((row) => Number(row.id));
    const consents = await currentConsents(query, ctx.campaignId, ids);
    for (const id of ids) {
      if (consents.get(id)?.sms?.status !== 'granted') continue;
      await recordDecisions(query, ctx.campaignId, id, [
        { channel: 'sms', granted: false, source: 'sms_stop', wordingVersion: '' },
      ]);
    }
    await query(
      sql`UPDATE sms_outbox SET status = 'suppressed', last_error = 'not sent: opted_out (STOP)'
           WHERE campaign_id = ${ctx.campaignId} AND status = 'pending' AND kind = 'campaign'
             AND (person_id = ANY(${ids}::bigint[]) OR to_number = ${from})`,
    );
    return ids;
  });
  if (stop) {
    await audit(ctx.database, {
      campaignId: ctx.campaignId,
      actorId: null,
      action: 'sms.stop',
      target: personIds.length === 1 ? `person:${personIds[0]}` : undefined,
      details: { people: personIds },
    });
  }
  return { stop };
}

export const REPLIES_PAGE = 50;

/**
 * The people (not erased) whose mobile number is one of these, with their names: each
 * number matched as HQ's people search matches a number typed (the number index), in one
 * statement for the page. A sender that is not a number (a short code, a name) names nobody.
 */
async function holdersOf(
  ctx: AppContext,
  numbers: readonly string[],
): Promise<Array<{ number: string; id: number; name: string }>> {
  const distinct = [...new Set(numbers)].filter((n) => normalizePhone(n) === n);
  if (distinct.length === 0) return [];
  const each = await Promise.all(
    distinct.map(
      async (n) =>
        sql`SELECT ${n}::text AS number, m.id FROM (${await matchingIdsQuery(ctx, { q: n })}) m`,
    ),
  );
  const rows = await ctx.database.query<{ number: string; id: number }>(
    sql`${sql.join(each, sql` UNION ALL `)} ORDER BY id`,
  );
  const names = await personNames(
    ctx,
    rows.map((row) => Number(row.id)),
  );
  return rows.map((row) => ({
    number: row.number,
    id: Number(row.id),
    name: names.get(Number(row.id)) ?? '',
  }));
}

/**
 * The texts received that are not a STOP (answers to campaign texts, questions), newest
 * first, a page at a time, all or those answering one text campaign; erased ones left out.
 * Each names the people whose mobile number it came from (found by the number, in one query
 * for the page) when the reader may read people.
 */
export async function smsReplies(
  ctx: AppContext,
  query: { page: number; smsCampaignId?: number },
  withPeople: boolean,
): Promise<{ items: SmsReply[]; total: number }> {
  const campaign =
    query.smsCampaignId === undefined
      ? sql``
      : sql` AND i.sms_campaign_id = ${query.smsCampaignId}`;
  const where = sql`i.campaign_id = ${ctx.campaignId} AND i.keyword = 'other'
    AND i.from_number <> 'erased'${campaign}`;
  const [rows, [total]] = await Promise.all([
    ctx.database.query<{
      id: number;
      from_number: string;
      body: string;
      received_at: Date;
      sms_campaign_id: number | null;
      campaign_name: string | null;
    }>(
      sql`SELECT i.id, i.from_number, i.body, i.received_at, i.sms_campaign_id, c.name AS campaign_name
            FROM sms_inbound i
            LEFT JOIN sms_campaigns c ON c.campaign_id = i.campaign_id AND c.id = i.sms_campaign_id
           WHERE ${where}
           ORDER BY i.id DESC LIMIT ${REPLIES_PAGE} OFFSET ${(query.page - 1) * REPLIES_PAGE}`,
    ),
    ctx.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM sms_inbound i WHERE ${where}`,
    ),
  ]);
  const holders = withPeople
    ? await holdersOf(
        ctx,
        rows.map((row) => row.from_number),
      )
    : [];
  return {
    total: total?.n ?? 0,
    items: rows.map((row) => ({
      id: Number(row.id),
      from: row.from_number,
      body: row.body,
      receivedAt: new Date(row.received_at).toISOString(),
      smsCampaign:
        row.sms_campaign_id === null || row.campaign_name === null
          ? null
          : { id: Number(row.sms_campaign_id), name: row.campaign_name },
      people: holders
        .filter((person) => person.number === row.from_number)
        .map(({ id, name }) => ({ id, name })),
    })),
  };
}

/** Twilio's message statuses that end a text's story, as the outbox keeps them. */
const REPORTED = new Set(['queued', 'sent', 'delivered', 'undelivered', 'failed']);

/** A delivery report: the text found by the provider's id, its status kept. */
export async function receiveSmsStatus(
  ctx: AppContext,
  params: Record<string, string>,
): Promise<void> {
  const status = params.MessageStatus ?? params.SmsStatus ?? '';
  const providerId = params.MessageSid ?? params.SmsSid;
  if (!providerId || !REPORTED.has(status)) return;
  await ctx.database.query(
    sql`UPDATE sms_outbox SET delivery_status = ${status},
               delivered_at = CASE WHEN ${status} = 'delivered' THEN now() ELSE delivered_at END
         WHERE campaign_id = ${ctx.campaignId} AND provider_id = ${providerId}
           AND delivery_status IS DISTINCT FROM 'delivered'`,
  );
}
