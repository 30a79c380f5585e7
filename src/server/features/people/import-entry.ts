import { sql, type SQL } from 'drizzle-orm';

/**
 * The timeline entry of a person an import created. It is not a `person_events` row: the
 * person's `import_id` says it, and a million-row file then writes a million rows fewer.
 * Columns: id (0, unique beside events' positive and sign-ups' negative ids), kind, data, at,
 * actor_id, for the campaign's and the person's ids.
 */
export const importCreatedEntry = (campaignId: number, personId: number): SQL =>
  sql`SELECT 0::bigint AS id, 'import' AS kind, jsonb_build_object('importId', i.id, 'fileName', i.file_name, 'created', true) AS data,
          p.created_at AS at, i.created_by AS actor_id
     FROM people p JOIN imports i ON i.campaign_id = p.campaign_id AND i.id = p.import_id
    WHERE p.campaign_id = ${campaignId} AND p.id = ${personId}`;
