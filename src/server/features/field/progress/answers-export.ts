import { sql } from 'drizzle-orm';
import type { ProgressQuery } from '../../../../contracts/field-progress.ts';
import type { AppContext } from '../../../core/context.ts';
import { BOM, csvLine } from '../../people/export.ts';
import { turfFilter } from './service.ts';

const PAGE = 5_000;

const HEADERS = [
  'Visite',
  'Date',
  'Secteur',
  'Numéro',
  'Voie',
  'Commune',
  'Bâtiment',
  'Étage',
  'Porte',
  'Mode',
  'Issue',
  'Version du questionnaire',
  'Réponses',
  'Contact recueilli',
];

/**
 * Visits and their answers, as CSV for a spreadsheet (`;`, BOM), page by page. Minimum
 * exposure: no names, no contact details, no support level kept against a person (political
 * opinion); answers as stored with the visit, a contact only as "oui". Formulas neutralised.
 */
export async function* answersCsv(ctx: AppContext, query: ProgressQuery): AsyncGenerator<string> {
  yield BOM + csvLine(HEADERS, ';');
  let after = '';
  for (;;) {
    const rows = await ctx.database.query<{
      id: string;
      visited_at: Date | string;
      turf: string;
      number: number;
      suffix: string | null;
      street_name: string;
      commune_name: string;
      building: string | null;
      floor: string | null;
      door: string | null;
      mode: string;
      outcome: string;
      version: number | null;
      answers: Record<string, unknown> | null;
      contact: boolean;
    }>(
      sql`SELECT v.id::text AS id, v.visited_at, t.name AS turf, a.number, a.suffix, a.street_name,
                 a.commune_name, v.building, v.floor, v.door, v.mode, v.outcome, q.version, v.answers,
                 v.person_id IS NOT NULL AS contact
            FROM field_visits v
            JOIN field_turfs t ON t.campaign_id = v.campaign_id AND t.id = v.turf_id
            JOIN field_addresses a ON a.campaign_id = v.campaign_id AND a.id = v.address_id
            LEFT JOIN field_questionnaire_versions q ON q.campaign_id = v.campaign_id AND q.id = v.version_id
           WHERE v.campaign_id = ${ctx.campaignId} AND ${turfFilter(query)} AND v.id::text > ${after}
           ORDER BY v.id::text LIMIT ${PAGE}`,
    );
    for (const row of rows) {
      yield csvLine(
        [
          row.id,
          new Date(row.visited_at).toISOString(),
          row.turf,
          row.number > 0 ? `${row.number}${row.suffix ? ` ${row.suffix}` : ''}` : '',
          row.street_name,
          row.commune_name,
          row.building,
          row.floor,
          row.door,
          row.mode,
          row.outcome,
          row.version,
          row.answers ? JSON.stringify(row.answers) : '',
          row.contact ? 'oui' : 'non',
        ],
        ';',
      );
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}
