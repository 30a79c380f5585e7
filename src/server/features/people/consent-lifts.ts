import { sql } from 'drizzle-orm';
import type { ContactChannel } from '../../../contracts/compliance.ts';
import type { Query } from '../../core/db/index.ts';
import { liftUnsubscribedAddress } from '../compliance/mail-suppressions.ts';
import { liftPhoneOptOut } from '../compliance/phone-opt-outs.ts';

/**
 * The person gave a new explicit consent on these channels (a confirmed sign-up, their own
 * choice in their space, a consent staff recorded with its proof): the refusals of their
 * address or number kept as keyed hashes that this newer choice outranks are lifted (an
 * unsubscribe or a withdrawal kept after an erasure or purge, a STOP for texts, a keypress
 * for automated calls; never a bounce, a complaint or a staff decision). Imports and other
 * sources never lift anything: a re-imported consent is not the person's new choice.
 */
export async function liftOptOutsAfterExplicitConsent(
  query: Query,
  campaignId: number,
  personId: number,
  granted: readonly ContactChannel[],
): Promise<void> {
  if (granted.length === 0) return;
  const [person] = await query<{ email_normalized: string | null; phone: string | null }>(
    sql`SELECT email_normalized, phone FROM people WHERE campaign_id = ${campaignId} AND id = ${personId}`,
  );
  if (!person) return;
  if (granted.includes('email') && person.email_normalized)
    await liftUnsubscribedAddress(query, campaignId, person.email_normalized);
  const phoneChannels = granted.filter(
    (channel): channel is Exclude<ContactChannel, 'email'> => channel !== 'email',
  );
  if (phoneChannels.length > 0 && person.phone)
    await liftPhoneOptOut(query, campaignId, person.phone, phoneChannels);
}
