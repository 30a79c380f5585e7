import { sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../core/db/index.ts';
import type { PersonalData } from '../../core/personal-data/registry.ts';

const BROADCAST = 'a voice broadcast';

/** Runs a DELETE or UPDATE … RETURNING 1 and answers how many rows it touched. */
async function counted(query: Query, statement: SQL): Promise<number> {
  const [row] = await query<{ n: number }>(
    sql`WITH touched AS (${statement}) SELECT count(*)::int AS n FROM touched`,
  );
  return row?.n ?? 0;
}
const staffWork = (what: string) =>
  `${what}: staff work, by the id of who did it (an erased person’s id says nothing).`;

/** What voice broadcasts hold about people (see core/personal-data). */
export const callingPersonalData: PersonalData = {
  feature: 'calling',
  processing: {
    name: 'Phone banking and voice broadcasts',
    purpose: 'Call supporters and prospects: volunteer phone banks and recorded voice broadcasts.',
    legalBasis: ['consent', 'legitimate_interests'],
    people: 'People called, volunteer callers, staff who build broadcasts.',
    data: 'Phone numbers, call outcomes and answers, carrier reports, imported call lists.',
    recipients: 'Calling staff, volunteer callers (the person they call), the telephony provider.',
    retention:
      'Imported call lists purged after the vote and a delay; opt-outs kept as keyed hashes.',
    fr: {
      name: 'Appels téléphoniques et messages vocaux',
      purpose:
        'Appeler sympathisants et prospects : sessions d’appels de bénévoles et diffusion de messages vocaux enregistrés.',
      people:
        'Personnes appelées, bénévoles qui appellent, membres de l’équipe qui préparent les diffusions.',
      data: 'Numéros de téléphone, issues des appels et réponses, comptes rendus de l’opérateur, listes d’appel importées.',
      recipients:
        'L’équipe chargée des appels, les bénévoles qui appellent (pour la personne qu’ils appellent), l’opérateur de téléphonie.',
      retention:
        'Listes d’appel importées purgées après le scrutin et un délai ; oppositions conservées sous forme d’empreintes à clé secrète.',
    },
  },
  tables: [
    {
      table: 'call_broadcasts',
      holds: 'Voice broadcasts, and the staff who built, asked for and approved each.',
      personColumns: {
        created_by: 'move',
        requested_by: 'move',
        approved_by: 'move',
        opt_out_confirmed_by: 'move',
      },
      otherIds: {
        segment_id: 'the segment it calls',
        list_id: 'the list of numbers it calls',
        recording_id: 'its recorded message',
        machine_recording_id: 'its message for answering machines',
      },
      erase: { keep: staffWork('A broadcast') },
    },
    {
      table: 'call_recordings',
      holds: 'Recorded messages, and who uploaded each.',
      personColumns: { created_by: 'move' },
      erase: { keep: staffWork('A recording') },
    },
    {
      table: 'call_lists',
      holds:
        'Imported lists of numbers, who imported each and who accepted it despite invalid rows.',
      personColumns: { started_by: 'move', accepted_by: 'move' },
      erase: { keep: staffWork('An import') },
    },
    {
      table: 'call_list_files',
      holds: 'Pieces of a list file being imported; they go when its import ends.',
      personColumns: {},
      otherIds: { list_id: 'its list' },
      erase: { keep: 'Raw pieces of a file read within minutes, then deleted with the import.' },
    },
    {
      table: 'call_list_numbers',
      holds:
        'Numbers of an imported call list with the consent evidence the file gave (prospects for this election).',
      personColumns: {},
      otherIds: { list_id: 'its list' },
      erase: {
        async run(query, campaignId, people) {
          const phones = people.flatMap((p) => (p.phone ? [p.phone] : []));
          if (phones.length === 0) return 0;
          return counted(
            query,
            sql`DELETE FROM call_list_numbers WHERE campaign_id = ${campaignId} AND e164 = ANY(${phones}::text[]) RETURNING 1`,
          );
        },
      },
    },
    {
      table: 'call_targets',
      holds: 'The numbers a broadcast calls (frozen at its launch), and what became of each.',
      personColumns: { person_id: 'move' },
      otherIds: { broadcast_id: BROADCAST, last_attempt_id: 'its last call' },
      erase: {
        // The number goes; the row stays as a call counted on the broadcast's dashboard.
        async run(query, campaignId, people) {
          const ids = people.map((p) => p.id);
          const phones = people.flatMap((p) => (p.phone ? [p.phone] : []));
          return counted(
            query,
            sql`UPDATE call_targets SET person_id = NULL, e164 = 'erased:' || id, slot_weekdays = NULL,
                       status = CASE WHEN status = 'due' THEN 'done' ELSE status END,
                       result = CASE WHEN status = 'due' THEN 'erased' ELSE result END
                 WHERE campaign_id = ${campaignId}
                   AND (person_id = ANY(${ids}::bigint[]) OR e164 = ANY(${phones}::text[]))
                RETURNING 1`,
          );
        },
      },
    },
    {
      table: 'call_attempts',
      holds: 'Each call dialled: the number, the caller ID, when and how it ended.',
      personColumns: {},
      otherIds: { broadcast_id: BROADCAST, target_id: 'the number it called' },
      erase: {
        async run(query, campaignId, people) {
          const phones = people.flatMap((p) => (p.phone ? [p.phone] : []));
          if (phones.length === 0) return 0;
          return counted(
            query,
            sql`UPDATE call_attempts SET to_e164 = 'erased' WHERE campaign_id = ${campaignId} AND to_e164 = ANY(${phones}::text[]) RETURNING 1`,
          );
        },
      },
    },
    {
      table: 'call_callbacks',
      holds: 'What the carrier reported of each call (it names the number called).',
      personColumns: {},
      otherIds: { attempt_id: 'the call it reports on' },
      erase: {
        async run(query, campaignId, people) {
          const phones = people.flatMap((p) => (p.phone ? [p.phone] : []));
          if (phones.length === 0) return 0;
          return counted(
            query,
            sql`DELETE FROM call_callbacks WHERE campaign_id = ${campaignId} AND params->>'To' = ANY(${phones}::text[]) RETURNING 1`,
          );
        },
      },
    },
    {
      table: 'phone_banks',
      holds: 'Volunteer phone banks, and the staff member who made each.',
      personColumns: { created_by: 'move' },
      otherIds: {
        segment_id: 'the segment it calls',
        questionnaire_id: 'its questionnaire',
        committee_id: 'its committee',
      },
      erase: { keep: staffWork('A phone bank') },
    },
    {
      table: 'phone_bank_targets',
      holds: 'The people a phone bank calls, their number and where they are in its queue.',
      personColumns: { person_id: 'move', claimed_by: 'move' },
      otherIds: { bank_id: 'its phone bank' },
      erase: {
        async run(query, campaignId, people) {
          const ids = people.map((p) => p.id);
          const deleted = await counted(
            query,
            sql`DELETE FROM phone_bank_targets WHERE campaign_id = ${campaignId} AND person_id = ANY(${ids}::bigint[]) RETURNING 1`,
          );
          await query(
            sql`UPDATE phone_bank_targets SET claimed_by = NULL, status = CASE WHEN status = 'claimed' THEN 'due' ELSE status END
                 WHERE campaign_id = ${campaignId} AND claimed_by = ANY(${ids}::bigint[])`,
          );
          return deleted;
        },
      },
    },
    {
      table: 'phone_bank_calls',
      holds:
        'Calls volunteers made: to whom, by whom, the outcome, notes, and the answers (the support level only with the person’s consent).',
      personColumns: { person_id: 'move', caller_person_id: 'move' },
      otherIds: {
        bank_id: 'its phone bank',
        target_id: 'the queue row',
        version_id: 'its questionnaire version',
      },
      erase: {
        // The calls to the person go; those they made stay counted (their id says nothing once erased).
        async run(query, campaignId, people) {
          return counted(
            query,
            sql`DELETE FROM phone_bank_calls WHERE campaign_id = ${campaignId}
                 AND person_id = ANY(${people.map((p) => p.id)}::bigint[]) RETURNING 1`,
          );
        },
      },
    },
    {
      table: 'phone_bank_support_counts',
      holds: 'Support levels counted per phone bank: no person.',
      personColumns: {},
      otherIds: { bank_id: 'its phone bank' },
      erase: { keep: 'Counts with no person’s id.' },
    },
    {
      table: 'phone_bank_shifts',
      holds: 'Which events are a phone bank’s shifts: no person.',
      personColumns: {},
      otherIds: { bank_id: 'its phone bank', event_id: 'the shift’s event' },
      erase: { keep: 'Links between a bank and its events, no person.' },
    },
    {
      table: 'call_stats',
      holds: 'Calls counted per hour and département: no person.',
      personColumns: {},
      otherIds: { broadcast_id: BROADCAST },
      erase: { keep: 'Counts with no person’s id or number.' },
    },
  ],
  keepsProspect: [
    {
      key: 'phoneBankCalls',
      reason: 'calls made as a phone-bank volunteer',
      holds: (campaignId, person) =>
        sql`EXISTS (SELECT 1 FROM phone_bank_calls k WHERE k.campaign_id = ${campaignId} AND k.caller_person_id = ${person})`,
    },
  ],
};

/**
 * Imported call lists are prospect data for an election: the numbers of the lists imported
 * before `before` (the end of the election's last round) go, with any piece of their files
 * left; the lists stay, as a name and counts. Answers the rows deleted per table.
 */
export async function purgeCallListsImportedBefore(
  query: Query,
  campaignId: number,
  before: Date,
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const table of ['call_list_numbers', 'call_list_files']) {
    const [gone] = await query<{ n: number }>(
      sql`WITH gone AS (DELETE FROM ${sql.raw(table)} x USING call_lists l
                         WHERE x.campaign_id = ${campaignId} AND l.campaign_id = x.campaign_id
                           AND l.id = x.list_id AND l.created_at < ${before}
                        RETURNING 1)
          SELECT count(*)::int AS n FROM gone`,
    );
    if (gone && gone.n > 0) removed[table] = gone.n;
  }
  return removed;
}
