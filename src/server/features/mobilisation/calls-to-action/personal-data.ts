import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PersonalData } from '../../../core/personal-data/registry.ts';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** What HQ calls to action hold about people (see core/personal-data). */
export const callsToActionPersonalData: PersonalData = {
  feature: 'calls-to-action',
  processing: {
    name: 'Calls to action',
    purpose:
      'Ask supporters near an area that lacks volunteers to sign up for an action, and follow the response.',
    legalBasis: ['consent'],
    people: 'Supporters who consented to be contacted; staff who send calls.',
    data: 'Who was sent a call, what they opened and signed up for.',
    recipients: 'Staff organising actions; the mail provider as processor.',
    retention: "As long as the person's record; deleted on erasure.",
    fr: {
      name: 'Appels à l’action',
      purpose:
        'Inviter les sympathisants proches d’une zone qui manque de bénévoles à s’inscrire à une action, et suivre les réponses.',
      people:
        'Sympathisants ayant accepté d’être contactés ; membres de l’équipe qui envoient les appels.',
      data: 'À qui un appel a été envoyé, ce que chacun a ouvert et les actions auxquelles il s’est inscrit.',
      recipients:
        'Membres de l’équipe qui organisent les actions ; le prestataire d’envoi de courriels, en qualité de sous-traitant.',
      retention: 'Aussi longtemps que la fiche de la personne ; supprimées lors de son effacement.',
    },
  },
  tables: [
    {
      table: 'calls_to_action',
      holds: 'Calls to action HQ sent: their text, areas and actions, and who sent each.',
      personColumns: { sent_by: 'move' },
      erase: {
        keep: 'A call to action: staff work, by the id of who sent it (an erased person’s id says nothing).',
      },
    },
    {
      table: 'call_to_action_recipients',
      holds:
        'That the person was sent a call to action, and when they first opened one of its links.',
      personColumns: { person_id: 'move' },
      otherIds: { call_id: 'the call' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'call_to_action_responses',
      holds: 'Which action of a call the person opened, and when they signed up through it.',
      personColumns: { person_id: 'move' },
      otherIds: { call_id: 'the call' },
      erase: { deleteWhere: 'person_id' },
    },
  ],
  dataFile: [
    {
      key: 'callsToAction',
      schema: z.array(
        z.object({
          subject: z.string(),
          sentAt: z.string(),
          firstClickAt: z.string().nullable(),
          responses: z.array(
            z.object({
              action: z.string(),
              clickedAt: z.string(),
              signedUpAt: z.string().nullable(),
            }),
          ),
        }),
      ),
      async read(ctx, personId) {
        const rows = await ctx.database.query<{
          id: number;
          subject: string;
          sent_at: Date;
          first_click_at: Date | null;
          actions: Array<{ title: string }>;
        }>(
          sql`SELECT c.id, c.subject, c.sent_at, r.first_click_at, c.actions
                FROM call_to_action_recipients r
                JOIN calls_to_action c ON c.campaign_id = r.campaign_id AND c.id = r.call_id
               WHERE r.campaign_id = ${ctx.campaignId} AND r.person_id = ${personId}
               ORDER BY c.sent_at`,
        );
        const responses = await ctx.database.query<{
          call_id: number;
          action: number;
          clicked_at: Date;
          signed_up_at: Date | null;
        }>(
          sql`SELECT call_id, action, clicked_at, signed_up_at FROM call_to_action_responses
               WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}
               ORDER BY call_id, action`,
        );
        return rows.map((row) => ({
          subject: row.subject,
          sentAt: iso(row.sent_at)!,
          firstClickAt: iso(row.first_click_at),
          responses: responses
            .filter((r) => Number(r.call_id) === Number(row.id))
            .map((r) => ({
              action: row.actions[r.action]?.title ?? '',
              clickedAt: iso(r.clicked_at)!,
              signedUpAt: iso(r.signed_up_at),
            })),
        }));
      },
    },
  ],
};
