import { sql } from 'drizzle-orm';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { personDataFile } from './data-file-sections.ts';
import { forgetInImportSamples, purgeImportDetails } from './import/retention.ts';
import { keepOptOutsOf } from '../privacy/erasure-opt-outs.ts';

/** Files hold national numbers ('0612345678'), stored as E.164 ('+33612345678'). */
const asTyped = (phone: string | null) =>
  phone?.startsWith('+33') ? [phone, `0${phone.slice(3)}`] : phone ? [phone] : [];

/** What the people feature holds about a person (see core/personal-data). */
export const peoplePersonalData: PersonalData = {
  feature: 'people',
  processing: {
    name: 'Supporter and contact file',
    purpose:
      "Keep the campaign's file of supporters and contacts: who they are, how to reach them, their consents, the team's notes and contacts, imports and duplicates.",
    legalBasis: ['consent', 'legitimate_interests'],
    people: 'Supporters, members, sympathisers and people the campaign is in regular contact with.',
    data: 'Identity, email, phone, postal address, commune, origin of the record, consents and their history, tags, notes, custom fields.',
    recipients: 'Campaign staff according to their permissions; the hosting provider as processor.',
    retention:
      'As long as the person stays in contact with the campaign; unconfirmed sign-ups and import details are purged automatically; erased on request.',
    fr: {
      name: 'Fichier des sympathisants et des contacts',
      purpose:
        'Tenir le fichier des sympathisants et des contacts de la campagne : identité, moyens de les joindre, consentements, notes et prises de contact de l’équipe, imports et doublons.',
      people:
        'Soutiens, adhérents, sympathisants et personnes en contact régulier avec la campagne.',
      data: 'Identité, adresse électronique, téléphone, adresse postale, commune, origine de la fiche, consentements et leur historique, étiquettes, notes, champs personnalisés.',
      recipients:
        'L’équipe de campagne, selon ses habilitations ; l’hébergeur, en qualité de sous-traitant.',
      retention:
        'Tant que la personne reste en contact avec la campagne ; inscriptions non confirmées et détails des imports purgés automatiquement ; effacement sur demande.',
    },
  },
  tables: [
    {
      table: 'people',
      holds: 'The person: name, contact details, address, where they came from, consents.',
      // Who recruited whom follows the kept person.
      personColumns: { recruited_by: 'move' },
      erase: { subject: true },
    },
    {
      table: 'person_consents',
      holds: 'The consent per channel as it stands: status, source, wording, time, agreed slot.',
      // The merge settles the kept person's records from the merged history (consents.ts).
      personColumns: { person_id: 'move' },
      erase: {
        // A withdrawn channel stays refused, as a keyed hash of the address or number.
        async run(query, campaignId, people) {
          await keepOptOutsOf(query, campaignId, people);
          const [gone] = await query<{ n: number }>(
            sql`WITH gone AS (DELETE FROM person_consents WHERE campaign_id = ${campaignId}
                  AND person_id = ANY(${people.map((person) => person.id)}::bigint[]) RETURNING 1)
                SELECT count(*)::int AS n FROM gone`,
          );
          return gone?.n ?? 0;
        },
      },
    },
    {
      table: 'consent_events',
      holds: 'Every consent given or withdrawn, with its source and wording version.',
      personColumns: { person_id: 'move', actor_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'person_tags',
      holds: 'The tags on the person.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'person_events',
      holds: 'The timeline: what happened to the record, and who did it.',
      personColumns: { person_id: 'move', actor_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'person_notes',
      holds: "The team's notes about the person.",
      personColumns: { person_id: 'move', author_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'person_contacts',
      holds: 'Contacts with the person (calls, meetings…) and their outcome.',
      personColumns: { person_id: 'move', author_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'person_field_values',
      holds: "The person's values of the campaign's custom fields.",
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'import_changes',
      holds: 'The values an import replaced on the person, for its undo.',
      personColumns: { person_id: 'move' },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'imports',
      holds: "An import's first rows (its preview), raw text from the file, and who started it.",
      personColumns: { created_by: 'move' },
      erase: {
        run: (query, campaignId, people) =>
          forgetInImportSamples(
            query,
            campaignId,
            people.flatMap((person) => [person.emailNormalized ?? '', ...asTyped(person.phone)]),
          ),
      },
    },
    {
      table: 'segments',
      holds: 'Saved filters: only the id of the staff member who saved each.',
      personColumns: { created_by: 'move' },
      erase: {
        keep: 'A filter holds no personal data; its author id is that of an erased person.',
      },
    },
    {
      table: 'duplicate_candidates',
      holds: 'Pairs of records that may be one person.',
      // The pairs of a merged person are gone with them: the next search proposes new ones.
      personColumns: { first_person_id: 'delete', second_person_id: 'delete' },
      erase: { run: deletePairs('duplicate_candidates') },
    },
    {
      table: 'duplicate_dismissals',
      holds: 'Pairs staff marked as two different people.',
      personColumns: {
        first_person_id: 'delete',
        second_person_id: 'delete',
        dismissed_by: 'move',
      },
      erase: { run: deletePairs('duplicate_dismissals') },
    },
    {
      table: 'person_merges',
      holds: 'Which record was merged into which, by ids, and by whom.',
      // A merged id is dead; where it went (kept_id) follows later merges.
      personColumns: { merged_id: 'keep', kept_id: 'move', merged_by: 'move' },
      erase: { keep: 'Ids only: it sends links to a merged record to the kept one.' },
    },
  ],
  dataFile: Object.values(personDataFile),
  purges: [{ name: 'importDetails', run: purgeImportDetails }],
  keepsProspect: [
    {
      key: 'consent',
      reason: 'a consent given on any channel',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM person_consents k WHERE k.campaign_id = ${campaignId} AND k.person_id = ${person} AND k.status = 'granted')`,
    },
  ],
};

function deletePairs(table: string) {
  return async (
    query: Parameters<typeof forgetInImportSamples>[0],
    campaignId: number,
    people: Array<{ id: number }>,
  ) => {
    const ids = people.map((person) => person.id);
    await query(
      sql`DELETE FROM ${sql.raw(table)} WHERE campaign_id = ${campaignId}
          AND (first_person_id = ANY(${ids}) OR second_person_id = ANY(${ids}))`,
    );
  };
}
