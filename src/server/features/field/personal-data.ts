import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { PersonalData } from '../../core/personal-data/registry.ts';
import { runSql } from '../../core/db/statement.ts';
import { forgetElectors, purgeElectoralLists } from './imports/elector-retention.ts';

const visitsFileSchema = z.array(
  z.object({
    visitedAt: z.string(),
    street: z.string(),
    communeName: z.string(),
    outcome: z.string(),
    answers: z.record(z.string(), z.unknown()).nullable(),
    supportLevel: z.number().int().nullable(),
  }),
);

const ADDRESS = 'an address of the Base Adresse Nationale';
const TURF = 'a turf';

const staffWork = (what: string) =>
  `${what}: staff work, by the id of who did it (an erased person’s id says nothing).`;

/** What door-to-door holds about people (see core/personal-data). */
export const fieldPersonalData: PersonalData = {
  feature: 'field',
  processing: {
    name: 'Door-to-door canvassing',
    purpose:
      'Plan and record door-to-door canvassing: turfs, visits, answers, the electoral list a candidate obtains.',
    legalBasis: ['legitimate_interests', 'consent'],
    people: 'Residents visited, volunteers, electors on the electoral list (L37).',
    data: "Addresses visited, outcomes, answers (support level only with explicit consent), electors' names, birth dates, addresses and polling stations.",
    recipients: "Field staff and the organisers of the turfs' committees.",
    retention:
      "Electoral list deleted the day after the election's last round; election-only prospects purged after the vote and a delay.",
    fr: {
      name: 'Porte-à-porte',
      purpose:
        'Préparer et consigner le porte-à-porte : secteurs, visites, réponses, liste électorale obtenue par un candidat.',
      people:
        'Habitants visités, bénévoles, électeurs inscrits sur la liste électorale (Code électoral, L37).',
      data: 'Adresses visitées, issues des visites, réponses (niveau de soutien seulement avec un consentement explicite), nom, date de naissance, adresse et bureau de vote des électeurs.',
      recipients:
        'L’équipe terrain et les animateurs des comités auxquels les secteurs sont rattachés.',
      retention:
        'Liste électorale supprimée le lendemain du dernier tour de l’élection ; prospects propres à l’élection purgés après le scrutin et un délai.',
    },
  },
  tables: [
    {
      table: 'field_visits',
      holds:
        'Doors visited: the volunteer who knocked, and for a resident who gave their contact, their answers (their support level only with their explicit consent).',
      personColumns: { person_id: 'move', volunteer_person_id: 'move' },
      otherIds: { address_id: ADDRESS, turf_id: TURF, version_id: 'a questionnaire version' },
      erase: {
        // The resident's answers go; the visit stays as a door knocked (counts, turf progress).
        // Answers the rows blanked (the purge's report counts them).
        async run(query, campaignId, people) {
          const ids = people.map((p) => p.id);
          const [blanked] = await query<{ n: number }>(
            sql`WITH blanked AS (
                  UPDATE field_visits SET person_id = NULL, answers = NULL, support_level = NULL, notes = NULL
                   WHERE campaign_id = ${campaignId} AND person_id = ANY(${ids}::bigint[])
                  RETURNING 1)
                SELECT count(*)::int AS n FROM blanked`,
          );
          return blanked?.n ?? 0;
        },
      },
    },
    {
      table: 'field_turf_assignees',
      holds: 'The turfs given to a volunteer, and who gave them.',
      personColumns: { person_id: 'move', assigned_by: 'move' },
      otherIds: { turf_id: TURF },
      erase: { deleteWhere: 'person_id' },
    },
    {
      table: 'field_turf_addresses',
      holds:
        'The public addresses (Base Adresse Nationale) of each turf, in walk order: no person.',
      personColumns: {},
      otherIds: { address_id: ADDRESS, turf_id: TURF },
      erase: { keep: 'Public addresses, not people.' },
    },
    {
      table: 'field_support_tallies',
      holds: 'Support levels counted per address and turf, without names.',
      personColumns: {},
      otherIds: { address_id: ADDRESS, turf_id: TURF },
      erase: { keep: 'Counts per address, with no person’s id.' },
    },
    {
      table: 'field_imports',
      holds: 'Results and address files imported, and who imported each.',
      personColumns: { started_by: 'move' },
      otherIds: { election_id: 'the election an electoral list serves' },
      erase: { keep: staffWork('An import') },
    },
    {
      table: 'field_areas',
      holds: 'Target areas, and who chose each.',
      personColumns: { created_by: 'move' },
      otherIds: { questionnaire_id: 'the questionnaire its turfs carry' },
      erase: { keep: staffWork('A target area') },
    },
    {
      table: 'field_targeting',
      holds: 'How polling stations are ranked, and who set it last.',
      personColumns: { updated_by: 'move' },
      erase: { keep: staffWork('The targeting') },
    },
    {
      table: 'field_questionnaire_versions',
      holds: 'Questionnaire versions, and who saved each.',
      personColumns: { created_by: 'move' },
      otherIds: { questionnaire_id: 'its questionnaire' },
      erase: { keep: staffWork('A questionnaire') },
    },
    {
      table: 'field_questionnaires',
      holds: 'Questionnaires: no person.',
      personColumns: {},
      otherIds: { current_version_id: 'its current version' },
      erase: { keep: 'Planning rows that hold no personal data.' },
    },
    {
      table: 'field_turfs',
      holds: 'Turfs, and the committee each is given to: no person.',
      personColumns: {},
      otherIds: { area_id: 'its target area' },
      erase: { keep: 'Planning rows that hold no personal data.' },
    },
    {
      table: 'field_electors',
      holds:
        'Electors of the electoral list a candidate obtains (L37): names, birth date, address and polling station, for this campaign only; deleted the day after the election’s last round.',
      personColumns: {},
      otherIds: { import_id: 'its import', election_id: 'its election', address_id: ADDRESS },
      erase: { run: forgetElectors },
    },
    {
      table: 'field_event_turfs',
      holds: 'The turfs a door-to-door session carries: no person.',
      personColumns: {},
      otherIds: { turf_id: TURF },
      erase: { keep: 'Planning rows that hold no personal data.' },
    },
  ],
  purges: [{ name: 'electoralLists', run: purgeElectoralLists }],
  dataFile: [
    {
      key: 'doorToDoor',
      schema: visitsFileSchema,
      async read(ctx, personId) {
        const rows = await runSql<{
          visited_at: Date | string;
          street_name: string;
          commune_name: string;
          outcome: string;
          answers: Record<string, unknown> | null;
          support_level: number | null;
        }>(
          ctx.database,
          sql`SELECT v.visited_at, a.street_name, a.commune_name, v.outcome, v.answers, v.support_level
                FROM field_visits v
                JOIN field_addresses a ON a.campaign_id = v.campaign_id AND a.id = v.address_id
               WHERE v.campaign_id = ${ctx.campaignId} AND v.person_id = ${personId}
               ORDER BY v.visited_at`,
        );
        return rows.map((row) => ({
          visitedAt: new Date(row.visited_at).toISOString(),
          street: row.street_name,
          communeName: row.commune_name,
          outcome: row.outcome,
          answers: row.answers,
          supportLevel: row.support_level,
        }));
      },
    },
  ],
  // One EXISTS each: the purge's NOT EXISTS then plans as an anti-join.
  keepsProspect: [
    {
      key: 'turf',
      reason: 'a turf given as a volunteer',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM field_turf_assignees k WHERE k.campaign_id = ${campaignId} AND k.person_id = ${person})`,
    },
    {
      key: 'doorsKnocked',
      reason: 'doors knocked as a volunteer',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM field_visits k WHERE k.campaign_id = ${campaignId} AND k.volunteer_person_id = ${person})`,
    },
  ],
};
