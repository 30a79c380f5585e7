import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { requestDeadline } from '../../../contracts/privacy.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { runSql } from '../../core/db/statement.ts';

const requestsOfPersonSchema = z.array(
  z.object({
    kind: z.string(),
    receivedOn: z.string(),
    channel: z.string(),
    deadline: z.string(),
    status: z.string(),
  }),
);

/** What the privacy registers hold that concerns people (see core/personal-data). */
export const privacyPersonalData: PersonalData = {
  feature: 'privacy',
  tables: [
    {
      table: 'privacy_requests',
      holds:
        'Data-protection requests: kind, day received, channel, the campaign’s reference, a link to the person, a short note, what was done and by whom.',
      personColumns: { person_id: 'move', handled_by: 'move', created_by: 'move' },
      erase: {
        // The register must show that the request was handled (art. 5(2), 12): the entry
        // stays, without the link to the person nor the note; kind, days, channel, the
        // campaign's reference and the outcome remain, which identify nobody.
        run: async (query, campaignId, people) => {
          await runSql(
            query,
            sql`UPDATE privacy_requests SET person_id = NULL, note = NULL, subject_erased = true,
                    updated_at = now()
                WHERE campaign_id = ${campaignId} AND person_id = ANY(${people.map((p) => p.id)})`,
          );
        },
      },
    },
    {
      table: 'privacy_breaches',
      holds: 'The breach register: what happened, to which categories of data, what was done.',
      personColumns: { created_by: 'move', updated_by: 'move' },
      erase: {
        keep: 'The breach register must be kept (GDPR art. 33(5)); it names staff by id only and describes categories of people, not people.',
      },
    },
  ],
  dataFile: [
    {
      key: 'privacyRequests',
      schema: requestsOfPersonSchema,
      async read(ctx, personId) {
        const rows = await ctx.database.query<{
          kind: string;
          received_on: string;
          channel: string;
          status: string;
          extension_reason: string | null;
        }>(
          sql`SELECT kind, received_on::text AS received_on, channel, status, extension_reason
              FROM privacy_requests WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}
              ORDER BY received_on, id`,
        );
        return rows.map((r) => ({
          kind: r.kind,
          receivedOn: r.received_on,
          channel: r.channel,
          deadline: requestDeadline(r.received_on, r.extension_reason !== null),
          status: r.status,
        }));
      },
    },
  ],
  processing: {
    name: 'Data-protection requests and breaches',
    purpose:
      'Answer data-protection requests within the legal deadlines and keep the breach register; show that both were done.',
    legalBasis: ['legal_obligation'],
    people: 'People who exercised a right; staff who handled requests or breaches.',
    data: 'Kind and dates of a request, channel, the campaign’s reference, outcome; breach facts by category.',
    recipients: 'Staff holding the privacy permission; the CNIL for notified breaches.',
    retention:
      'Kept as accountability records; after the person’s erasure a request entry keeps no link to them.',
    fr: {
      name: 'Demandes d’exercice des droits et violations de données',
      purpose:
        'Répondre aux demandes d’exercice des droits dans les délais légaux et tenir le registre des violations de données ; pouvoir démontrer l’un et l’autre.',
      people:
        'Personnes ayant exercé un droit ; membres de l’équipe ayant traité des demandes ou des violations.',
      data: 'Nature et dates d’une demande, canal, référence de la campagne, suite donnée ; faits relatifs aux violations, par catégorie.',
      recipients:
        'Membres de l’équipe habilités à gérer la protection des données ; la CNIL pour les violations notifiées.',
      retention:
        'Conservées à titre de preuve de conformité ; après l’effacement de la personne, une demande ne garde aucun lien vers elle.',
    },
  },
};
