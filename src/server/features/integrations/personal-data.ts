import type { PersonalData } from '../../core/personal-data/registry.ts';
import { purgeRows } from '../../core/db/purge.ts';

/** Days a delivery's row (its payload holds a person's id) is kept once it is done. */
export const DELIVERY_RETENTION_DAYS = 30;

/** What the integrations feature holds that concerns people (see core/personal-data). */
export const integrationsPersonalData: PersonalData = {
  feature: 'integrations',
  tables: [
    {
      table: 'api_tokens',
      holds:
        'The API tokens a staff member made (their name, scopes and last use), never the secret.',
      personColumns: { person_id: 'move' },
      // A token acts with its maker's permissions: an erased maker's tokens stop with them.
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'webhook_endpoints',
      holds: 'Who registered each webhook endpoint (its address and secret are the campaign’s).',
      personColumns: { person_id: 'move' },
      erase: {
        keep: 'The endpoint is the campaign’s, not the person’s: only the id of the staff member who registered it stays, as for the audit log.',
      },
    },
    {
      table: 'webhook_deliveries',
      holds:
        'Events sent to the webhook endpoints (a sign-up, an answer, a gift, a visit), with the id of the person concerned.',
      personColumns: { person_id: 'move' },
      otherIds: { endpoint_id: 'The webhook endpoint the delivery goes to.' },
      erase: { deleteWhere: 'person_id' },
    },
  ],
  purges: [
    {
      name: 'webhook deliveries done',
      run: (ctx) =>
        purgeRows(
          ctx.database,
          'webhook_deliveries',
          ctx.campaignId,
          `status IN ('sent', 'failed', 'suppressed') AND created_at < now() - interval '${DELIVERY_RETENTION_DAYS} days'`,
        ),
    },
  ],
  processing: {
    name: 'Integrations with other tools',
    purpose:
      'Exchange data with the campaign’s other tools: API access by tokens, and events sent to the endpoints an administrator registered.',
    legalBasis: ['legitimate_interests'],
    people: 'Supporters, donors and volunteers the events concern; staff who make tokens.',
    data: 'Ids of people and of what they did (sign-up, answer, gift, visit); tokens’ makers.',
    recipients: 'The endpoints the campaign registered (its own tools and processors).',
    retention: `Deliveries: ${DELIVERY_RETENTION_DAYS} days once sent or given up; tokens until revoked and their maker erased.`,
    fr: {
      name: 'Échanges avec les autres outils',
      purpose:
        'Échanger des données avec les autres outils de la campagne : accès à l’API par jetons, et événements envoyés aux adresses qu’un administrateur a enregistrées.',
      people:
        'Sympathisants, donateurs et bénévoles concernés par les événements ; membres de l’équipe qui créent des jetons.',
      data: 'Identifiants des personnes et de ce qu’elles ont fait (inscription, réponse, don, visite) ; auteurs des jetons.',
      recipients:
        'Les adresses enregistrées par la campagne (ses propres outils et ses sous-traitants).',
      retention: `Envois : ${DELIVERY_RETENTION_DAYS} jours après leur envoi ou leur abandon ; jetons jusqu’à leur révocation et l’effacement de leur auteur.`,
    },
  },
};
