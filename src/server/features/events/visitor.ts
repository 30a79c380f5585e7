import type { AppContext } from '../../core/context.ts';
import { AppError, conflict } from '../../core/http/errors.ts';
import { personByEmail } from '../people/directory.ts';
import { normalizeEmail } from '../people/normalize.ts';
import { signup, type SignupRequest } from '../recruitment/service.ts';
import { eventAnswerPurpose } from './signup-purpose.ts';
import { answerEvent } from './rsvp.ts';
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
  if (event.status === 'cancelled') throw conflict('event_cancelled', 'This event was cancelled.');
  if (new Date(event.endsAt) < new Date()) throw conflict('event_over', 'This event is over.');
  if (event.visibility === 'members') {
    throw new AppError(403, 'members_only', "This event is for the committee's members.");
  }
  await signup(
    ctx,
    { ...input, source: 'event_rsvp' },
    { kind: eventAnswerPurpose.kind, id: eventId },
  );
  const person = await personByEmail(ctx, normalizeEmail(input.email)!);
  if (!person) throw new Error('the sign-up wrote no person');
  await answerEvent(ctx, eventId, person.id, guests, 'visitor', 'pending');
}
