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
    {
      table: 'newsletter_engagements',
      holds:
        'When the person first opened a newsletter and clicked in it, and how often: only for those who agreed to that tracking.',
      personColumns: { person_id: 'move' },
      otherIds: { newsletter_id: 'the newsletter' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'newsletter_automations',
      holds: 'Automations: only the id of the staff member who created each.',
      personColumns: { created_by: 'move' },
      erase: {
        keep: 'An automation: staff work, by the id of who did it (an erased person’s id says nothing).',
      },
    },
    {
      table: 'newsletter_enrolments',
      holds:
        'That the person was enrolled in an automation (a welcome series…), when, and when and why it ended.',
      personColumns: { person_id: 'move' },
      otherIds: { automation_id: 'the automation', ended_step_id: 'the step whose link ended it' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'newsletter_automation_steps',
      holds: 'The steps of automations: their texts, no one’s data.',
      personColumns: {},
      otherIds: { automation_id: 'the automation' },
      erase: { keep: 'Staff’s texts; they name nobody.' },
    },
    {
      table: 'newsletter_enrolment_steps',
      holds: 'Which step was queued for which enrolment, and when: ids only.',
      personColumns: {},
      otherIds: { enrolment_id: 'the enrolment', step_id: 'the step' },
      erase: {
        keep: 'Ids of an enrolment and a step: once the enrolment is erased they lead to nobody.',
      },
    },
  ],
};
