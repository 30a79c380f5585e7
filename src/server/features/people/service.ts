import { sql } from 'drizzle-orm';
import type { Consents } from '../../../contracts/common.ts';
import type { SignupSource } from '../../../contracts/recruitment.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { runSql } from '../../core/db/statement.ts';
import { defaultConsentWording } from '../settings/wording-defaults.ts';
import { forgetPeople } from '../../core/personal-data/rights.ts';
import { personalData } from '../personal-data.ts';
import { liftOptOutsAfterExplicitConsent } from './consent-lifts.ts';
import {
  apiChannel,
  changedConsents,
  recordChannel,
  recordDecisions,
  settleConsents,
} from './consents.ts';
import type { Place } from './normalize.ts';
import { updatePersonDetails } from './person-writer.ts';
import type { PersonColumns } from './tables.ts';

/** What a sign-up form submission holds once validated. */
export interface SignupData extends Place {
  email: string;
  emailNormalized: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  locale: 'fr' | 'en';
  consents: Consents;
  /** The consent wording the form showed; absent in sign-ups stored before it was recorded. */
  wordingVersion?: string;
  source: SignupSource;
}

export async function addPersonEvent(
  query: Query,
  campaignId: number,
  personId: number,
  kind: string,
  data: Record<string, unknown> = {},
  actorId: number | null = null,
) {
  await runSql(
    query,
    sql`INSERT INTO person_events (campaign_id, person_id, kind, data, actor_id)
        VALUES (${campaignId}, ${personId}, ${kind}, ${JSON.stringify(data)}, ${actorId})`,
  );
}

/**
 * Sets consent per channel, recording each change with time, source and wording version.
 * Only channels whose value changes are written.
 */
export async function setConsents(
  query: Query,
  campaignId: number,
  personId: number,
  wanted: Partial<Consents>,
  source: string,
  wordingVersion: string,
  actorId: number | null = null,
): Promise<void> {
  const changes = await changedConsents(query, campaignId, personId, wanted);
  if (changes.length === 0) return;
  await recordDecisions(
    query,
    campaignId,
    personId,
    changes.map((c) => ({ ...c, source, wordingVersion, actorId })),
  );
  await runSql(
    query,
    sql`UPDATE people SET updated_at = now() WHERE campaign_id = ${campaignId} AND id = ${personId}`,
  );
  for (const { channel, granted } of changes) {
    await addPersonEvent(
      query,
      campaignId,
      personId,
      'consent',
      { channel: apiChannel(channel), granted, source, wordingVersion },
      actorId,
    );
  }
}

/**
 * The email owner confirmed a sign-up (recruitment claimed it in this transaction): apply its
 * details and consents to the person.
 */
export async function applyConfirmedSignup(
  query: Query,
  campaignId: number,
  personId: number,
  data: SignupData,
) {
  await updatePersonDetails(
    query,
    campaignId,
    personId,
    {
      firstName: data.firstName,
      lastName: data.lastName,
      phone: data.phone,
      postalCode: data.postalCode,
      communeCode: data.communeCode,
      communeName: data.communeName,
      departementCode: data.departementCode,
      locale: data.locale,
      email: data.email,
    },
    { keepWhenNull: ['phone'], confirm: true },
  );
  await addPersonEvent(query, campaignId, personId, 'confirmed', { source: data.source });
  // An unticked box on a new submission is not a withdrawal: only opt-ins are applied.
  const optIns: Partial<Consents> = {};
  for (const channel of ['email', 'sms', 'phone'] as const)
    if (data.consents[channel]) optIns[channel] = true;
  await setConsents(
    query,
    campaignId,
    personId,
    optIns,
    data.source,
    // Sign-ups that did not record it predate any wording but the first.
    data.wordingVersion ?? defaultConsentWording[data.locale].version,
  );
  // The owner confirmed the address: their opt-ins outrank refusals kept as hashes.
  await liftOptOutsAfterExplicitConsent(
    query,
    campaignId,
    personId,
    (Object.keys(optIns) as Array<keyof Consents>).map((channel) => recordChannel[channel]),
  );
}

/**
 * Erasure (GDPR art. 17): personal data is removed; the row stays, emptied, only so that
 * records the law requires us to keep (later: donations) still point somewhere.
 */
export async function erasePerson(
  ctx: AppContext,
  personId: number,
  actorId: number | null,
  /** A request carried out by staff: its channel and reference (never personal data). */
  details?: Record<string, unknown>,
) {
  const campaignId = ctx.campaignId;
  await ctx.database.transaction(async (query) => {
    const [person] = await runSql<Pick<PersonColumns, 'email_normalized' | 'phone'>>(
      query,
      sql`SELECT email_normalized, phone FROM people WHERE campaign_id = ${campaignId} AND id = ${personId}`,
    );
    const forgotten = {
      id: personId,
      emailNormalized: person?.email_normalized ?? null,
      phone: person?.phone ?? null,
    };
    await forgetPeople(personalData(), query, campaignId, [forgotten], 'erasure');
    // The history is gone with the person: no record is left, nor anything in the cache.
    await settleConsents(query, campaignId, [personId]);
    await runSql(
      query,
      sql`UPDATE people SET email = NULL, email_normalized = NULL, first_name = NULL, last_name = NULL, phone = NULL,
              address_street = NULL, address_complement = NULL,
              postal_code = NULL, commune_code = NULL, commune_name = NULL, departement_code = NULL,
              referrer_url = NULL, utm_source = NULL, utm_medium = NULL, utm_campaign = NULL,
              search_text = '',
              recruited_by = NULL, erased_at = now(), updated_at = now()
        WHERE campaign_id = ${campaignId} AND id = ${personId}`,
    );
    await audit(
      { query },
      { campaignId, actorId, action: 'person.erase', target: `person:${personId}`, details },
    );
  });
}
