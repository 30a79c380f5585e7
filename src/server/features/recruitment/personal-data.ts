import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { iso, when } from '../people/data-file-sections.ts';
import { purgeUnconfirmed } from './service.ts';

/** What the recruitment feature holds about a person (see core/personal-data). */
export const recruitmentPersonalData: PersonalData = {
  feature: 'recruitment',
  processing: {
    name: 'Sign-ups from the public forms',
    purpose: 'Receive sign-ups from the public forms and confirm the address they give.',
    legalBasis: ['consent'],
    people: "People who sign up on the campaign's pages.",
    data: 'What the form collected (name, email, phone, postal code, consents), IP address, time of sign-up and confirmation.',
    recipients: 'Campaign staff holding people permissions.',
    retention:
      "Unconfirmed sign-ups purged after the confirmation delay; confirmed ones as long as the person's record.",
    fr: {
      name: 'Inscriptions par les formulaires publics',
      purpose:
        'Recevoir les inscriptions faites sur les formulaires publics et confirmer l’adresse donnée.',
      people: 'Personnes qui s’inscrivent sur les pages de la campagne.',
      data: 'Ce que le formulaire a recueilli (nom, adresse électronique, téléphone, code postal, consentements), adresse IP, date et heure de l’inscription et de sa confirmation.',
      recipients: 'Membres de l’équipe de campagne habilités à gérer les personnes.',
      retention:
        'Inscriptions non confirmées purgées à l’expiration du délai de confirmation ; inscriptions confirmées conservées aussi longtemps que la fiche de la personne.',
    },
  },
  tables: [
    {
      table: 'signups',
      holds: 'Each sign-up form the person sent, as submitted, and when it was confirmed.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
  ],
  dataFile: [
    {
      key: 'signUps',
      schema: z.array(
        z.object({
          source: z.string().nullable(),
          submitted: z.unknown().describe('The form as it was submitted.'),
          createdAt: when,
          confirmedAt: when,
        }),
      ),
      async read(ctx, personId) {
        const rows = await ctx.database.query<{
          data: unknown;
          source: string;
          created_at: Date;
          confirmed_at: Date | null;
        }>(
          sql`SELECT data, source, created_at, confirmed_at FROM signups
               WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId} ORDER BY created_at`,
        );
        return rows.map((s) => ({
          source: s.source,
          submitted: s.data,
          createdAt: iso(s.created_at),
          confirmedAt: iso(s.confirmed_at),
        }));
      },
    },
  ],
  // Sign-ups never confirmed, and the people who exist only through them.
  purges: [{ name: 'unconfirmed', run: purgeUnconfirmed }],
  keepsProspect: [
    {
      key: 'signup',
      reason: 'a sign-up form sent',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM signups k WHERE k.campaign_id = ${campaignId} AND k.person_id = ${person})`,
    },
  ],
};
