import type { PersonalData } from '../../core/personal-data/registry.ts';

/** What newsletters hold about people (see core/personal-data). */
export const newslettersPersonalData: PersonalData = {
  feature: 'newsletters',
  tables: [
    {
      table: 'newsletters',
      holds: 'Newsletters: only the ids of the staff members who wrote and scheduled each.',
      personColumns: { created_by: 'move', scheduled_by: 'move' },
      otherIds: { segment_id: 'its segment', audience_snapshot_id: 'its frozen audience' },
      erase: {
        keep: 'A newsletter: staff work, by the id of who did it (an erased person’s id says nothing).',
      },
    },
    {
      table: 'newsletter_unsubscribes',
      holds: 'That the person unsubscribed from a newsletter’s link, and when.',
      personColumns: { person_id: 'move' },
      otherIds: { newsletter_id: 'the newsletter' },
      erase: { deleteWhere: 'person_id' },
    },
  ],
};
