import { contactPurposeSchema } from '../../../contracts/compliance.ts';
import type { Database } from '../../core/db/index.ts';
import { registerMailGate, type BeforeSend, type GatedMail } from '../../core/mail/registry.ts';
import { contactSubjects } from '../people/contact-subjects.ts';
import { allRounds } from './elections.ts';
import { registerMailFeedback, suppressionVerdicts } from './mail-suppressions.ts';
import { mayContact, type ContactSubject } from './may-contact.ts';
import { subscribedMails } from './subscriptions.ts';

/**
 * The compliance gate for mail, when a batch is about to be sent: transactional mail goes;
 * a campaign mail is held while the person may not be reached for a while (pre-election
 * silence: until the polls close) and suppressed when they may not be at all (no consent,
 * opted out; for a subscription's mail, not subscribed). Asked at send time, so a mail queued
 * before the silence is held during it, and one queued before an unsubscribe is not sent.
 */
export async function mailBeforeSend(
  database: Pick<Database, 'query'>,
  campaignId: number,
  batch: readonly GatedMail[],
  at: Date,
): Promise<Map<number, BeforeSend>> {
  // Nothing goes to an address that bounced; after a complaint, no campaign mail.
  const verdicts: Map<number, BeforeSend> = await suppressionVerdicts(
    database.query,
    campaignId,
    batch,
  );
  const campaignMail = batch.filter(
    (mail) => mail.purpose !== 'transactional' && !verdicts.has(mail.id),
  );
  if (campaignMail.length === 0) return verdicts;
  const ids = campaignMail.flatMap((mail) => (mail.personId === null ? [] : [mail.personId]));
  const withSubscription = campaignMail.flatMap((mail) =>
    mail.personId !== null && mail.subscription
      ? [{ id: mail.id, personId: mail.personId, subscription: mail.subscription }]
      : [],
  );
  const [people, rounds, subscribed] = await Promise.all([
    contactSubjects(database, campaignId, ids),
    allRounds(database, campaignId),
    subscribedMails(database, campaignId, withSubscription),
  ]);
  for (const mail of campaignMail) {
    const purpose = contactPurposeSchema.safeParse(mail.purpose);
    const person = mail.personId === null ? undefined : people.get(mail.personId);
    if (!purpose.success || !person) {
      verdicts.set(mail.id, { suppress: purpose.success ? 'no_consent' : 'unknown_purpose' });
      continue;
    }
    // Mail of a subscription (a committee's messages) needs that subscription, not the
    // newsletter consent; the silence and the hours apply the same.
    const subject: ContactSubject = mail.subscription
      ? {
          ...person,
          consents: {
            ...person.consents,
            email: { status: subscribed.has(mail.id) ? 'granted' : 'withdrawn' },
          },
        }
      : person;
    const decision = mayContact(
      { person: subject, channel: 'email', purpose: purpose.data, at },
      { rounds },
    );
    verdicts.set(
      mail.id,
      decision.allowed
        ? 'send'
        : decision.until
          ? { hold: decision.until, reason: decision.reason }
          : { suppress: decision.reason },
    );
  }
  return verdicts;
}

export function registerComplianceMailGate() {
  registerMailGate(mailBeforeSend);
  registerMailFeedback();
}
