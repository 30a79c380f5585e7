import type { Query } from '../../core/db/index.ts';
import type { PersonToForget } from '../../core/personal-data/registry.ts';
import { keepUnsubscribedAddresses } from '../compliance/mail-suppressions.ts';
import { addPhoneOptOuts } from '../compliance/phone-opt-outs.ts';
import { currentConsents } from '../people/consents.ts';

/** The channels whose withdrawn consent is kept against the person's number. */
const PHONE_CHANNELS = ['sms', 'volunteer_call', 'automated_call'] as const;

/**
 * Before erasure or a purge deletes people's consent records: every channel they had
 * withdrawn stays refused, as a keyed hash of the address or number (compliance's opt-out
 * stores), so that the address or number, imported again, is still refused. Email goes to
 * the mail suppression list (`unsubscribed`: campaign mail only); texts and calls to the
 * phone opt-out list (`withdrawn`: every phone channel, as a STOP does). Refusals already
 * held as hashes (a STOP, a keypress "9", a do-not-call, a bounce, a complaint) are there
 * already and stay. Two statements for the whole set, whatever its size.
 */
export async function keepOptOutsOf(
  query: Query,
  campaignId: number,
  people: readonly PersonToForget[],
): Promise<{ addresses: number; numbers: number }> {
  const consents = await currentConsents(
    query,
    campaignId,
    people.map((person) => person.id),
  );
  const addresses: string[] = [];
  const numbers: string[] = [];
  for (const person of people) {
    const held = consents.get(person.id);
    if (!held) continue;
    if (held.email?.status === 'withdrawn' && person.emailNormalized) {
      addresses.push(person.emailNormalized);
    }
    if (person.phone && PHONE_CHANNELS.some((channel) => held[channel]?.status === 'withdrawn')) {
      numbers.push(person.phone);
    }
  }
  const kept = await keepUnsubscribedAddresses(query, campaignId, addresses);
  await addPhoneOptOuts(query, campaignId, numbers, 'withdrawn');
  return { addresses: kept, numbers: numbers.length };
}
