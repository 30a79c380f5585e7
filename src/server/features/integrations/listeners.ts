import { giftPaidListeners, type GiftPaidListener } from '../conversions.ts';
import { rsvpListeners } from '../events/rsvp.ts';
import { visitsStoredListeners } from '../field/canvass/sync.ts';
import { signupConfirmedListeners } from '../recruitment/service.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { enqueueWebhookEvents } from './outbox.ts';

/**
 * What each event carries: nothing an endpoint could not ask the API for with the permission
 * its event type needs, and never a name or an address. A sign-up, an RSVP and a visit carry
 * ids (and the answer, the outcome). A donation carries its ids and its amount (euro cents,
 * always), its kind and its means: only holders of `donations.manage` may subscribe to it
 * (endpoints.ts), who read every gift's amount in the finance back office anyway, and an
 * accounting or CRM receiver needs the figure without a call back per gift.
 */
const onSignup = (query: Query, ctx: AppContext, personId: number) =>
  enqueueWebhookEvents(query, ctx, 'signup', [{ personId, data: { personId } }]);

const onRsvp = (
  query: Query,
  ctx: AppContext,
  personId: number,
  rsvp?: { eventId: number; status: 'going' | 'waitlist' },
) =>
  enqueueWebhookEvents(query, ctx, 'rsvp', [
    {
      personId,
      data: { personId, eventId: rsvp?.eventId ?? null, status: rsvp?.status ?? null },
    },
  ]);

const onGiftPaid: GiftPaidListener = (query, ctx, gift) =>
  enqueueWebhookEvents(query, ctx, 'donation', [
    {
      personId: gift.personId,
      data: {
        donationId: gift.donationId,
        personId: gift.personId,
        kind: gift.kind,
        amountCents: gift.amountCents,
        currency: 'EUR',
        means: gift.means,
      },
    },
  ]);

const onVisits = (
  ctx: AppContext,
  visits: ReadonlyArray<{
    id: string;
    turfId: number;
    addressId: number;
    volunteerId: number;
    outcome: string;
    mode: string;
    visitedAt: string;
  }>,
) =>
  ctx.database.transaction((query) =>
    enqueueWebhookEvents(
      query,
      ctx,
      'visit',
      visits.map((visit) => ({
        personId: visit.volunteerId,
        data: {
          visitId: visit.id,
          turfId: visit.turfId,
          addressId: visit.addressId,
          volunteerId: visit.volunteerId,
          outcome: visit.outcome,
          mode: visit.mode,
          visitedAt: visit.visitedAt,
        },
      })),
    ),
  );

/**
 * The webhooks listen to the features whose facts they tell, inside each fact's transaction
 * where the feature has one (sign-up confirmed, gift paid, RSVP); visits are told once
 * stored. The same functions each time: registering again adds nothing.
 */
export function registerWebhookListeners() {
  signupConfirmedListeners.add(onSignup);
  rsvpListeners.add(onRsvp);
  giftPaidListeners.add(onGiftPaid);
  visitsStoredListeners.add(onVisits);
}
