import { index, integer, jsonb, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../../core/db/columns.ts';

/**
 * A call to action HQ sent: the supporters within `distance_km` of the target communes who
 * agreed to email got one mail (`mail_outbox` rows of kind `call_to_action` whose
 * `message_id` is the call's) with a one-tap sign-up link per action.
 */
export const callsToAction = pgTable(
  'calls_to_action',
  {
    campaignId: campaignId(),
    id: id(),
    subject: text('subject').notNull(),
    /** Markdown, drawn sanitised when each mail is rendered. */
    body: text('body').notNull(),
    /** The target communes' INSEE codes. */
    areas: text('areas').array().notNull(),
    distanceKm: integer('distance_km').notNull(),
    /** The actions offered, in the mail's order: `[{ kind, id, title }]`. */
    actions: jsonb('actions').notNull(),
    recipients: integer('recipients').notNull().default(0),
    sentBy: ref('sent_by'),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'calls_to_action_pkey', columns: [t.campaignId, t.id] })],
);

/** Who a call went to, and when they first opened one of its links. */
export const callToActionRecipients = pgTable(
  'call_to_action_recipients',
  {
    campaignId: campaignId(),
    callId: ref('call_id').notNull(),
    personId: ref('person_id').notNull(),
    firstClickAt: at('first_click_at'),
  },
  (t) => [
    primaryKey({
      name: 'call_to_action_recipients_pkey',
      columns: [t.campaignId, t.callId, t.personId],
    }),
    // Erasure and merges find a person's rows.
    index('call_to_action_recipients_person_idx').on(t.campaignId, t.personId),
  ],
);

/** A recipient's response to one action of a call: the first click, the sign-up. */
export const callToActionResponses = pgTable(
  'call_to_action_responses',
  {
    campaignId: campaignId(),
    callId: ref('call_id').notNull(),
    personId: ref('person_id').notNull(),
    /** The action's place in the call's `actions`. */
    action: smallint('action').notNull(),
    clickedAt: at('clicked_at').notNull().defaultNow(),
    signedUpAt: at('signed_up_at'),
  },
  (t) => [
    primaryKey({
      name: 'call_to_action_responses_pkey',
      columns: [t.campaignId, t.callId, t.personId, t.action],
    }),
    index('call_to_action_responses_person_idx').on(t.campaignId, t.personId),
  ],
);
