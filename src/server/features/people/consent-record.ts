import { sql } from 'drizzle-orm';
import type {
  ConsentHistoryEntry,
  consentRecordSchema,
} from '../../../contracts/person-records.ts';
import type { z } from 'zod';
import type { ConsentChannel } from '../../../contracts/compliance.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Database } from '../../core/db/index.ts';
import { invalidFields, notFound } from '../../core/http/errors.ts';
import { smsPhoneError } from './normalize.ts';
import { actorNameSql, assertPersonExists, isoDate } from './records.ts';
import { apiChannel, recordChannel, recordDecisions } from './consents.ts';
import { addPersonEvent } from './service.ts';
import { liftOptOutsAfterExplicitConsent } from './consent-lifts.ts';
import type { AgreedSlot } from '../compliance/may-contact.ts';

type ConsentRecord = z.infer<typeof consentRecordSchema>;

/**
 * An SMS consent needs a number SMS can reach, as at sign-up: refused for a landline
 * (`landline_for_sms`) or no phone (`phone_required_for_sms`). The row stays locked, so an
 * edit of the phone cannot slip in before the consent is written.
 */
async function assertSmsReachable(query: Database['query'], campaignId: number, personId: number) {
  const [person] = await query<{ phone: string | null }>(
    sql`SELECT phone FROM people WHERE campaign_id = ${campaignId} AND id = ${personId} AND erased_at IS NULL FOR UPDATE`,
  );
  if (!person) throw notFound('person');
  const error = smsPhoneError(person.phone);
  if (error) throw invalidFields([error]);
}

/** What an opt-out is recorded under: no wording applies to withdrawing. */
const WITHDRAWAL_WORDING = 'withdrawal';

/** Today in the campaign's time zone, as YYYY-MM-DD. */
const today = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date());

/**
 * A consent or an opt-out received by phone, letter, in person or email, recorded by staff.
 * It takes effect at once (an opt-out stops contact on that channel now) unless the person
 * decided otherwise since the day it was received, and is written to the consent history like
 * any other decision, with its source (`staff_<source>`), the
 * wording agreed to, the evidence typed by staff and who recorded it. It is recorded even when
 * the person's consent already had that value: the evidence of the request is kept. An SMS
 * consent needs a number SMS can reach; an opt-out is always recorded.
 */
export async function recordConsent(
  ctx: AppContext,
  personId: number,
  input: ConsentRecord,
  actorId: number,
  ip?: string,
): Promise<void> {
  const timeZone = ctx.config.CAMPAIGN_TIMEZONE;
  if (input.receivedOn > today(timeZone)) {
    throw invalidFields([
      { field: 'receivedOn', code: 'date_in_future', message: 'This day has not come yet.' },
    ]);
  }
  const source = `staff_${input.source}`;
  const wordingVersion = input.granted ? input.wordingVersion : WITHDRAWAL_WORDING;
  await ctx.database.transaction(async (query) => {
    if (input.channel === 'sms' && input.granted)
      await assertSmsReachable(query, ctx.campaignId, personId);
    // Received today: now. An earlier day: noon of that day, campaign time.
    const [person] = await query<{ at: Date }>(
      sql`SELECT CASE WHEN ${input.receivedOn}::date = (now() AT TIME ZONE ${timeZone}::text)::date THEN now()
                   ELSE (${input.receivedOn}::date + time '12:00') AT TIME ZONE ${timeZone}::text END AS at
         FROM people WHERE campaign_id = ${ctx.campaignId} AND id = ${personId} AND erased_at IS NULL FOR UPDATE`,
    );
    if (!person) throw notFound('person');
    const decision = {
      channel: input.channel === 'automated_call' ? input.channel : recordChannel[input.channel],
      slot: input.slot ?? null,
      granted: input.granted,
      source,
      wordingVersion,
      actorId,
      note: input.note,
      at: person.at,
    };
    await recordDecisions(query, ctx.campaignId, personId, [decision]);
    // Given with its proof: it outranks refusals of theirs kept as hashes.
    if (decision.granted)
      await liftOptOutsAfterExplicitConsent(query, ctx.campaignId, personId, [decision.channel]);
    await query(
      sql`UPDATE people SET updated_at = now() WHERE campaign_id = ${ctx.campaignId} AND id = ${personId}`,
    );
    await addPersonEvent(
      query,
      ctx.campaignId,
      personId,
      'consent',
      {
        channel: input.channel,
        granted: input.granted,
        source,
        wordingVersion,
        receivedOn: input.receivedOn,
        note: input.note,
      },
      actorId,
    );
    // The evidence stays with the person (erased with them); the log says what was done.
    await audit(
      { query },
      {
        campaignId: ctx.campaignId,
        actorId,
        action: 'person.consent_record',
        target: `person:${personId}`,
        details: { channel: input.channel, granted: input.granted, source },
        ip,
      },
    );
  });
}

/** Every consent decision of a person, newest first, with who recorded it for staff ones. */
export async function consentHistory(
  ctx: AppContext,
  personId: number,
): Promise<ConsentHistoryEntry[]> {
  await assertPersonExists(ctx, personId);
  const rows = await ctx.database.query<{
    id: number;
    channel: string;
    granted: boolean;
    source: string;
    wording_version: string;
    slot: AgreedSlot | null;
    note: string | null;
    actor_name: string | null;
    at: Date;
  }>(
    sql`SELECT c.id, c.channel, c.granted, c.source, c.wording_version, c.slot, c.note, c.at,
            ${actorNameSql('a')} AS actor_name
       FROM consent_events c LEFT JOIN people a ON a.campaign_id = c.campaign_id AND a.id = c.actor_id
      WHERE c.campaign_id = ${ctx.campaignId} AND c.person_id = ${personId}
      ORDER BY c.at DESC, c.id DESC LIMIT 500`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    channel: apiChannel(r.channel as ConsentChannel),
    granted: r.granted,
    source: r.source,
    wordingVersion: r.wording_version,
    slot: r.slot ?? null,
    note: r.note,
    actorName: r.actor_name,
    at: isoDate(r.at),
  }));
}
