import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { ContactPurpose } from '../../../contracts/compliance.ts';
import {
  fillPlaceholders,
  smsLength,
  withStopMention,
  type SmsPlaceholderValues,
} from '../../../contracts/sms-text.ts';
import type { AppContext } from '../../core/context.ts';
import type { Database } from '../../core/db/index.ts';
import {
  createDispatcher,
  createDispatchLoop,
  type ChannelDefinition,
  type DispatchLoop,
  type OutboxItem,
  type SendDecision,
} from '../../core/dispatch/index.ts';
import { CarrierError } from '../calling/carrier/port.ts';
import { allRounds } from '../compliance/elections.ts';
import { mayContact } from '../compliance/may-contact.ts';
import { optedOutNumbers } from '../compliance/phone-opt-outs.ts';
import { contactSubjects } from '../people/contact-subjects.ts';
import { profilesOf } from '../people/directory.ts';
import { readPhoneNumber } from '../people/normalize.ts';
import { createDevSms } from './dev.ts';
import type { SmsProvider } from './port.ts';
import { createTwilioSms } from './twilio.ts';
import { alsaceMoselleHold, validityFor } from './validity.ts';

/** A claimed text, as the channel and its send checks see it. */
export interface OutboxSms extends OutboxItem {
  smsCampaignId: number | null;
  toNumber: string | null;
  purpose: string;
  deliveryStatus: string | null;
}

/** What a text needs to go, settled by the batch's screen just before it is sent. */
interface Ready {
  to: string;
  from: string;
  body: string;
  validitySeconds: number;
}

const TEST_MARK = '[TEST] ';
const POLL_MS = 1000;

/** A recipient's values for the placeholders; empty strings for what is not known. */
export function placeholderValues(profile: {
  firstName: string | null;
  communeName: string | null;
}): SmsPlaceholderValues {
  return { prénom: profile.firstName ?? '', commune: profile.communeName ?? '' };
}

/** Numbers a text can reach: mobiles (and numbers that may be one, abroad). */
export function mobileNumber(phone: string | null): string | null {
  if (!phone) return null;
  const read = readPhoneNumber(phone);
  return read && (read.kind === 'mobile' || read.kind === 'mobile_or_landline') ? read.e164 : null;
}

/** The provider this process sends through, from the configuration. */
export function configuredSmsProvider(ctx: AppContext): SmsProvider {
  const { config } = ctx;
  return config.smsProvider === 'twilio'
    ? createTwilioSms({
        accountSid: config.TWILIO_ACCOUNT_SID!,
        authToken: config.TWILIO_AUTH_TOKEN!,
        messagingServiceSid: config.SMS_TWILIO_MESSAGING_SERVICE_SID,
        baseUrl: config.TWILIO_BASE_URL,
      })
    : createDevSms(ctx.database, ctx.campaignId);
}

/**
 * The SMS channel of the shared dispatcher: `sms_outbox`, sent through `provider`. Each
 * claimed batch is screened at once: a campaign text passes the compliance gate (consent to
 * SMS, pre-election silence, the operators' hours — held until the next allowed moment, and
 * on Alsace-Moselle's own public holidays for people there —, the opt-out list), needs a mobile number, and gets a validity period that ends before the
 * hours close and before the next silence begins; its body is filled for its recipient.
 */
export function smsChannel(
  ctx: AppContext,
  provider: SmsProvider,
  log: FastifyBaseLogger,
  clock: () => Date = configuredClock(ctx),
): ChannelDefinition<OutboxSms> {
  const { config, campaignId } = ctx;
  const ready = new Map<number, Ready>();
  const statusCallbackUrl =
    provider.name === 'twilio' ? `${config.publicUrl}/api/sms/webhooks/${campaignId}/status` : null;

  async function screen(database: Database, _campaign: number, items: OutboxSms[]) {
    const decisions = new Map<number, SendDecision>();
    const now = clock();
    const personIds = [
      ...new Set(items.flatMap((item) => (item.personId === null ? [] : [item.personId]))),
    ];
    const campaignIds = [
      ...new Set(
        items.flatMap((item) => (item.smsCampaignId === null ? [] : [item.smsCampaignId])),
      ),
    ];
    const [subjects, profiles, rounds, campaigns] = await Promise.all([
      contactSubjects(database, campaignId, personIds),
      profilesOf(ctx, personIds),
      allRounds(database, campaignId),
      database.query<{ id: number; sender: string; body: string; status: string }>(
        sql`SELECT id, sender, body, status FROM sms_campaigns
             WHERE campaign_id = ${campaignId} AND id = ANY(${campaignIds}::bigint[])`,
      ),
    ]);
    const campaignById = new Map(campaigns.map((row) => [Number(row.id), row]));
    const numberOf = (item: OutboxSms) =>
      item.purpose === 'transactional'
        ? item.toNumber
        : mobileNumber(
            item.personId === null ? null : (profiles.get(item.personId)?.phone ?? null),
          );
    const optedOut = await optedOutNumbers(
      database.query,
      campaignId,
      items.flatMap((item) => {
        const n = item.purpose === 'transactional' ? null : numberOf(item);
        return n ? [n] : [];
      }),
    );
    for (const item of items) {
      const id = Number(item.id);
      const message =
        item.smsCampaignId === null ? undefined : campaignById.get(item.smsCampaignId);
      const profile = item.personId === null ? undefined : profiles.get(item.personId);
      if (!message) {
        decisions.set(id, { suppress: 'unknown_campaign' });
        continue;
      }
      const test = item.purpose === 'transactional';
      const to = numberOf(item);
      if (!test) {
        // A text whose hand-over may have reached the provider is not tried again.
        if (item.deliveryStatus === 'unknown') {
          decisions.set(id, { suppress: 'may_have_been_sent' });
          continue;
        }
        if (message.status === 'canceled') {
          decisions.set(id, { suppress: 'canceled' });
          continue;
        }
        const subject = item.personId === null ? undefined : subjects.get(item.personId);
        if (!subject || !profile || profile.erased) {
          decisions.set(id, { suppress: 'no_consent' });
          continue;
        }
        const purpose = item.purpose as ContactPurpose;
        const decision = mayContact(
          { person: subject, channel: 'sms', purpose, at: now },
          { rounds },
        );
        // Refusals for good first: a number opted out is suppressed, not held until morning.
        if (!decision.allowed && !decision.until) {
          decisions.set(id, { suppress: decision.reason });
          continue;
        }
        if (!to) {
          decisions.set(id, { suppress: 'no_mobile' });
          continue;
        }
        if (optedOut.has(to)) {
          decisions.set(id, { suppress: 'opted_out' });
          continue;
        }
        if (!decision.allowed) {
          decisions.set(id, { hold: decision.until!, reason: decision.reason });
          continue;
        }
        // Good Friday and 26 December are public holidays in Alsace-Moselle only.
        const localHoliday = alsaceMoselleHold(subject, decision.territory, now);
        if (localHoliday) {
          decisions.set(id, { hold: localHoliday, reason: 'quiet_hours' });
          continue;
        }
        const validity = validityFor(now, decision.territory, rounds, config.SMS_VALIDITY_SECONDS);
        if ('hold' in validity) {
          decisions.set(id, { hold: validity.hold, reason: validity.reason });
          continue;
        }
        const body = fillPlaceholders(
          withStopMention(message.body, config.SMS_STOP_NUMBER),
          placeholderValues(profile),
        );
        ready.set(id, { to, from: message.sender, body, validitySeconds: validity.seconds });
        continue;
      }
      if (!to) {
        decisions.set(id, { suppress: 'no_mobile' });
        continue;
      }
      const body =
        TEST_MARK +
        fillPlaceholders(
          withStopMention(message.body, config.SMS_STOP_NUMBER),
          placeholderValues(profile ?? { firstName: null, communeName: null }),
        );
      ready.set(id, {
        to,
        from: message.sender,
        body,
        validitySeconds: config.SMS_VALIDITY_SECONDS,
      });
    }
    for (const id of decisions.keys()) ready.delete(id);
    return decisions;
  }

  return {
    name: 'sms',
    table: 'sms_outbox',
    columns: `sms_campaign_id AS "smsCampaignId", to_number AS "toNumber", purpose, delivery_status AS "deliveryStatus"`,
    screen,
    async send(item) {
      const id = Number(item.id);
      const text = ready.get(id);
      ready.delete(id);
      if (!text) throw new Error('text not prepared by the screen');
      let providerId: string;
      try {
        ({ providerId } = await provider.send({ ...text, statusCallbackUrl }));
      } catch (error) {
        // The request may have reached the provider: a campaign text is then never sent again.
        if (error instanceof CarrierError && error.kind === 'unknown') {
          await ctx.database.query(
            sql`UPDATE sms_outbox SET delivery_status = 'unknown', to_number = ${text.to}
                 WHERE campaign_id = ${campaignId} AND id = ${id}`,
          );
        }
        throw error;
      }
      // Kept for delivery reports and STOP answers; a failure here must not send it twice.
      await ctx.database
        .query(
          sql`UPDATE sms_outbox SET provider_id = ${providerId}, to_number = ${text.to},
                     segments = ${smsLength(text.body).segments}
               WHERE campaign_id = ${campaignId} AND id = ${id}`,
        )
        .catch((error: unknown) =>
          log.error({ err: error, campaignId, itemId: id }, 'sms: provider id not recorded'),
        );
    },
    concurrency: 5,
    ratePerSecond: config.SMS_RATE_PER_SECOND,
    batchSize: 50,
    maxAttempts: 6,
    staleClaimSeconds: config.SMS_STALE_CLAIM_SECONDS,
    // A second copy of a campaign text harms (and is billed); a test's does not.
    once: (item) => item.purpose !== 'transactional',
    retryDelaySeconds: (attempts) => Math.min(3600, 10 * 2 ** attempts),
  };
}

/** The real time, or the fixed moment of SMS_CLOCK (CALLING_CLOCK) in tests. */
function configuredClock(ctx: AppContext): () => Date {
  const fixed = ctx.config.SMS_CLOCK ?? ctx.config.CALLING_CLOCK;
  return fixed ? () => new Date(fixed) : () => new Date();
}

const loops = new WeakMap<Database, Map<number, DispatchLoop>>();

/**
 * This campaign's text dispatcher in this process (created on first use, with the configured
 * provider or, in tests, the one given): `start` in workers, `nudge` after queueing, `drain`.
 */
export function smsSender(
  ctx: AppContext,
  custom?: { provider?: SmsProvider; clock?: () => Date },
): DispatchLoop {
  let byCampaign = loops.get(ctx.database);
  if (!byCampaign) loops.set(ctx.database, (byCampaign = new Map()));
  if (custom) {
    const channel = smsChannel(
      ctx,
      custom.provider ?? configuredSmsProvider(ctx),
      ctx.log,
      custom.clock ?? configuredClock(ctx),
    );
    return createDispatchLoop(
      createDispatcher(ctx.database, ctx.campaignId, channel, ctx.log),
      ctx.campaignId,
      ctx.log,
      POLL_MS,
    );
  }
  let loop = byCampaign.get(ctx.campaignId);
  if (!loop) {
    const channel = smsChannel(ctx, configuredSmsProvider(ctx), ctx.log);
    loop = createDispatchLoop(
      createDispatcher(ctx.database, ctx.campaignId, channel, ctx.log),
      ctx.campaignId,
      ctx.log,
      POLL_MS,
    );
    byCampaign.set(ctx.campaignId, loop);
  }
  return loop;
}

/** Workers send texts: the loop polls until the process stops. */
export function startSmsWorker(ctx: AppContext): () => Promise<void> {
  const loop = smsSender(ctx);
  loop.start();
  return () => loop.stop();
}
