import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, campaignId, id, ref } from '../../core/db/columns.ts';

/** Staff notes on a person: personal data (in the person's data file, deleted on erasure). */
export const personNotes = pgTable(
  'person_notes',
  {
    campaignId: campaignId(),
    id: id(),
    personId: ref('person_id').notNull(),
    authorId: ref('author_id'),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'person_notes_pkey', columns: [t.campaignId, t.id] }),
    index('person_notes_person_idx').on(t.campaignId, t.personId, t.createdAt),
  ],
);

/** Each time staff reached (or tried to reach) a person: channel, outcome, note, when. */
export const personContacts = pgTable(
  'person_contacts',
  {
    campaignId: campaignId(),
    id: id(),
    personId: ref('person_id').notNull(),
    authorId: ref('author_id'),
    channel: text('channel').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note'),
    contactedAt: at('contacted_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'person_contacts_pkey', columns: [t.campaignId, t.id] }),
    index('person_contacts_person_idx').on(t.campaignId, t.personId, t.contactedAt),
  ],
);
