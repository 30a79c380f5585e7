import type { ContactChannel, ContactPurpose } from '../../../contracts/compliance.ts';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { contactSubjects } from '../people/contact-subjects.ts';
import { allRounds } from './elections.ts';
import { mayContact, type ContactDecision } from './may-contact.ts';

/** The compliance gate for one person of the campaign, with today's rounds and consents. */
export async function checkContact(
  ctx: AppContext,
  question: { personId: number; channel: ContactChannel; purpose: ContactPurpose; at: Date },
): Promise<ContactDecision> {
  const subjects = await contactSubjects(ctx.database, ctx.campaignId, [question.personId]);
  const person = subjects.get(question.personId);
  if (!person) throw notFound('person');
  const rounds = await allRounds(ctx.database, ctx.campaignId);
  return mayContact({ ...question, person }, { rounds });
}
