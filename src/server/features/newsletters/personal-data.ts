import { z } from 'zod';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { personEngagementRows } from './tracking/stats.ts';

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** What newsletters hold about people (see core/personal-data). */
export const newslettersPersonalData: PersonalData = {
  feature: 'newsletters',
  processing: {
    name: 'Newsletters and mail sequences',
    purpose:
      'Send newsletters and automated mail sequences to people who consented, and measure them.',
    legalBasis: ['consent'],
    people: 'Subscribers; staff who write newsletters.',
    data: 'Enrolments, opens and clicks, unsubscribes.',
    recipients: 'Staff sending messages; the mail provider as processor.',
    retention: "As long as the person's record; unsubscribes kept so they are honoured.",
    fr: {
      name: 'Lettres d’information et séquences de courriels',
      purpose:
        'Envoyer des lettres d’information et des séquences de courriels automatiques aux personnes qui y ont consenti, et en mesurer l’audience.',
      people: 'Abonnés ; membres de l’équipe qui rédigent les lettres.',
      data: 'Inscriptions aux séquences, ouvertures et clics, désabonnements.',
      recipients:
        'Membres de l’équipe chargés des envois ; le prestataire d’envoi de courriels, en qualité de sous-traitant.',
      retention:
        'Aussi longtemps que la fiche de la personne ; désabonnements conservés pour être respectés.',
    },
  },
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
      table: 'newsletter_link_clicks',
      holds: 'How many times each link of a newsletter was followed: counts, no one’s id.',
      personColumns: {},
      otherIds: { newsletter_id: 'the newsletter' },
      erase: { keep: 'Counts per link of a newsletter; they lead to nobody.' },
    },
    {
      table: 'newsletter_subject_tests',
      holds:
        'Subject tests (A/B) of newsletters: their second subject, settings and decision, and the id of the staff member who picked a winner by hand.',
      personColumns: { decided_by: 'move' },
      otherIds: { newsletter_id: 'the newsletter' },
      erase: {
        keep: 'A subject test: staff work, by the id of who decided (an erased person’s id says nothing).',
      },
    },
    {
      table: 'newsletter_variants',
      holds:
        'Which subject (A or B) the person was sent when they were in a newsletter’s subject test sample.',
      personColumns: { person_id: 'move' },
      otherIds: { newsletter_id: 'the newsletter', mail_id: 'the sample’s mail' },
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
  dataFile: [
    {
      key: 'newsletters',
      schema: z.object({
        /**
         * Newsletters whose mail to the person was tracked (they agreed to the measure of opens
         * and clicks), with when they first opened it and clicked in it, and how often.
         */
        opensAndClicks: z.array(
          z.object({
            newsletter: z.string(),
            firstOpenedAt: z.string().nullable(),
            opens: z.number().int(),
            firstClickedAt: z.string().nullable(),
            clicks: z.number().int(),
          }),
        ),
      }),
      async read(ctx, personId) {
        const rows = await personEngagementRows(ctx.database.query, ctx.campaignId, personId, {
          opened: false,
          limit: 100_000,
        });
        return {
          opensAndClicks: rows.map((row) => ({
            newsletter: row.name,
            firstOpenedAt: iso(row.opened_at),
            opens: row.opens,
            firstClickedAt: iso(row.clicked_at),
            clicks: row.clicks,
          })),
        };
      },
    },
  ],
};
