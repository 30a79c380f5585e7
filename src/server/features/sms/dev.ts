import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/index.ts';
import type { CaughtSms } from '../../../contracts/sms.ts';
import { newestFirst } from '../../core/db/newest-first.ts';
import type { SmsProvider } from './port.ts';

/**
 * The development adapter: every text is kept in `caught_sms` (like the mail catcher) and
 * shown to staff at /hq/sms; nothing leaves the machine.
 */
export function createDevSms(database: Database, campaignId: number): SmsProvider {
  return {
    name: 'dev',
    async send(sms) {
      const [row] = await database.query<{ id: number }>(
        sql`INSERT INTO caught_sms (campaign_id, to_number, sender, body, validity_seconds)
            VALUES (${campaignId}, ${sms.to}, ${sms.from}, ${sms.body}, ${sms.validitySeconds})
            RETURNING id`,
      );
      return { providerId: `DEV${row!.id}` };
    },
  };
}

/** A page of the kept texts, newest first, with their total. */
export async function caughtSmsList(
  database: Database,
  campaignId: number,
  page: { limit: number; offset: number },
): Promise<{ items: CaughtSms[]; total: number }> {
  const found = await newestFirst<{
    id: number;
    to: string;
    sender: string;
    body: string;
    validitySeconds: number | null;
    at: Date;
  }>(
    database,
    {
      select: sql`id, to_number AS "to", sender, body, validity_seconds AS "validitySeconds", at`,
      from: sql`caught_sms WHERE campaign_id = ${campaignId}`,
    },
    page,
  );
  return {
    total: found.total,
    items: found.items.map((row) => ({
      ...row,
      id: Number(row.id),
      at: new Date(row.at).toISOString(),
    })),
  };
}
