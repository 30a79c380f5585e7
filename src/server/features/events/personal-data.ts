import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { runSql } from '../../core/db/statement.ts';
import { purgePendingAnswers } from './rsvp.ts';

const answersFileSchema = z.array(
  z.object({
    event: z.string(),
    startsAt: z.string(),
    status: z.string(),
    guests: z.number().int(),
    checkedIn: z.boolean(),
    answeredAt: z.string(),
  }),
);

/** What events hold about people (see core/personal-data). */
export const eventsPersonalData: PersonalData = {
  feature: 'events',
  processing: {
    name: 'Events',
    purpose: 'Organise events: RSVPs, guests, check-in, calendar feeds and reports.',
    legalBasis: ['consent', 'legitimate_interests'],
    people: 'People who answer an invitation or come to an event; organisers.',
    data: 'RSVPs, guests, check-in, a secret calendar address.',
    recipients: "The event's organisers and national staff.",
    retention: "As long as the person's record; unconfirmed answers purged; erased on request.",
    fr: {
      name: 'Événements',
      purpose:
        'Organiser des événements : réponses aux invitations, invités, pointage à l’entrée, flux d’agenda et bilans.',
      people:
        'Personnes qui répondent à une invitation ou participent à un événement ; organisateurs.',
      data: 'Réponses aux invitations, invités, pointage à l’entrée, adresse secrète de l’agenda.',
      recipients: 'Les organisateurs de l’événement et l’équipe nationale.',
      retention:
        'Aussi longtemps que la fiche de la personne ; réponses non confirmées purgées ; effacement sur demande.',
    },
  },
  tables: [
    {
      table: 'event_rsvps',
      holds:
        'The events a person said they would come to, with guests and check-in; a visitor’s answer waits (pending) for their address to be confirmed.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'event_calendar_feeds',
      holds: 'The secret address of a person’s own calendar of the events they are going to.',
      // The kept person has (or makes) their own address.
      personColumns: { person_id: 'delete' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'events',
      holds: 'Events: who created each.',
      personColumns: { created_by: 'move' },
      erase: {
        keep: 'An event belongs to its committee; its creator id is that of an erased person.',
      },
    },
    {
      table: 'event_reports',
      holds: 'Reports of events that took place: who wrote each.',
      personColumns: { reported_by: 'move' },
      erase: {
        keep: 'A report belongs to its event and committee; its author id is that of an erased person.',
      },
    },
  ],
  dataFile: [
    {
      key: 'events',
      schema: answersFileSchema,
      async read(ctx, personId) {
        const rows = await runSql<{
          title: string;
          starts_at: Date | string;
          status: string;
          guests: number;
          checked_in_at: Date | string | null;
          created_at: Date | string;
        }>(
          ctx.database,
          sql`SELECT e.title, e.starts_at, r.status, r.guests, r.checked_in_at, r.created_at
                FROM event_rsvps r JOIN events e ON e.campaign_id = r.campaign_id AND e.id = r.event_id
               WHERE r.campaign_id = ${ctx.campaignId} AND r.person_id = ${personId}
               ORDER BY r.created_at`,
        );
        return rows.map((row) => ({
          event: row.title,
          startsAt: new Date(row.starts_at).toISOString(),
          status: row.status,
          guests: row.guests,
          checkedIn: row.checked_in_at !== null,
          answeredAt: new Date(row.created_at).toISOString(),
        }));
      },
    },
  ],
  // A visitor's answers whose confirmation link expired unclicked (their person, when it
  // exists only through that sign-up, goes with the sign-ups' purge, answers included).
  purges: [{ name: 'pendingAnswers', run: purgePendingAnswers }],
  keepsProspect: [
    {
      key: 'rsvp',
      reason: 'an RSVP to an event',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM event_rsvps k WHERE k.campaign_id = ${campaignId} AND k.person_id = ${person})`,
    },
  ],
};
