import type { AppContext } from '../../core/context.ts';
import { personByEmail } from '../people/directory.ts';
import { normalizeEmail } from '../people/normalize.ts';
import { signup, type SignupRequest } from '../recruitment/service.ts';
import { eventAnswerPurpose } from './signup-purpose.ts';
import { answerEvent, assertAnswerable } from './rsvp.ts';
import { eventDetail } from './service.ts';

/**
 * A visitor answers an event with their name and address: a sign-up as the public form makes
 * it (a new address makes a new unconfirmed person; a known one changes nothing until its
 * owner confirms), naming the event, and a `pending` answer that takes a place or the waiting
 * list only once the address is confirmed (see signup-purpose.ts).
 */
export async function answerAsVisitor(
  ctx: AppContext,
  eventId: number,
  key: string | null,
  input: Omit<SignupRequest, 'source'>,
  guests: number,
): Promise<void> {
  // Seen first, and still open: a person is made only for an answer that can be taken.
  const event = await eventDetail(ctx, eventId, null, key ?? undefined);
  assertAnswerable(
    { status: event.status, endsAt: event.endsAt, membersOnly: event.visibility === 'members' },
    'visitor',
    false,
  );
  await signup(
    ctx,
    { ...input, source: 'event_rsvp' },
    { kind: eventAnswerPurpose.kind, id: eventId },
  );
  const person = await personByEmail(ctx, normalizeEmail(input.email)!);
  if (!person) throw new Error('the sign-up wrote no person');
  await answerEvent(ctx, eventId, person.id, guests, 'visitor', 'pending');
}
