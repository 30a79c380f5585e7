import { sql, type SQL } from 'drizzle-orm';
import { sentMessageMails } from '../../core/mail/sent-message-mails.ts';
import { STEP_MAIL } from './automations/enrolments.ts';

/**
 * Newsletter mails (sends, A/B samples and automation steps) sent in [from, to), for the
 * impact dashboard (features/insights), as a statement to select from: at, kind (`email`),
 * person_id, station_id and commune_code (null: the person's address places them).
 */
export const newsletterMailsSent = (campaignId: number, from: string, to: string): SQL =>
  sql`SELECT m.at, 'email' AS kind, m.person_id, NULL::text AS station_id, NULL::text AS commune_code
        FROM (${sentMessageMails(campaignId, ['newsletter', STEP_MAIL], from, to)}) m`;
