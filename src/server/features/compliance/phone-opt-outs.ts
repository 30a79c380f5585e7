import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Query } from '../../core/db/index.ts';

/** `withdrawn`: an erased or purged person had withdrawn their consent to texts or calls. */
export type PhoneOptOutSource = 'keypress' | 'staff' | 'sms_stop' | 'do_not_contact' | 'withdrawn';

/** The campaign's key of opt-out hashes, made on first use. */
export async function optOutKey(query: Query, campaignId: number): Promise<Buffer> {
  const read = async () =>
    (
      await query<{ key: Uint8Array }>(
        sql`SELECT key FROM opt_out_keys WHERE campaign_id = ${campaignId}`,
      )
    )[0];
  // Written once per campaign: read first, so that asking is no write.
  const found = await read();
  if (found) return Buffer.from(found.key);
  await query(
    sql`INSERT INTO opt_out_keys (campaign_id, key) VALUES (${campaignId}, ${randomBytes(32)})
        ON CONFLICT (campaign_id) DO NOTHING`,
  );
  return Buffer.from((await read())!.key);
}

/** The keyed hash of an E.164 number given as SQL (a column or a parameter), in SQL. */
export const numberHashSql = (key: Buffer, e164: SQL): SQL =>
  sql`sha256(${key}::bytea || convert_to(${e164}, 'UTF8'))`;

/** Adds numbers to the opt-out list (already there: kept with their first source). */
export async function addPhoneOptOuts(
  query: Query,
  campaignId: number,
  numbers: readonly string[],
  source: PhoneOptOutSource,
): Promise<void> {
  if (numbers.length === 0) return;
  const key = await optOutKey(query, campaignId);
  await query(
    sql`INSERT INTO phone_opt_outs (campaign_id, number_hash, source)
        SELECT ${campaignId}, ${numberHashSql(key, sql`n`)}, ${source}
          FROM unnest(${numbers}::text[]) AS n
        ON CONFLICT DO NOTHING`,
  );
}

/**
 * The opt-outs of a number a new explicit consent on a phone channel lifts: the person's own
 * refusal of that channel (a STOP for texts, the keypress "9" for automated calls) and a
 * refusal kept after their erasure or purge (`withdrawn`, whatever phone channel it was).
 * Staff decisions (`staff`, `do_not_contact`) stay: staff lift them.
 */
const LIFTED_BY: Record<'sms' | 'volunteer_call' | 'automated_call', PhoneOptOutSource[]> = {
  sms: ['sms_stop', 'withdrawn'],
  volunteer_call: ['withdrawn'],
  automated_call: ['keypress', 'withdrawn'],
};

/**
 * A new explicit consent given by the number's owner (a confirmed sign-up, their own choice in
 * their space, a consent staff recorded with its proof) on these phone channels lifts the
 * opt-outs it outranks (see `LIFTED_BY`). Answers the source lifted, or null.
 */
export async function liftPhoneOptOut(
  query: Query,
  campaignId: number,
  e164: string,
  channels: ReadonlyArray<keyof typeof LIFTED_BY>,
): Promise<PhoneOptOutSource | null> {
  const sources = [...new Set(channels.flatMap((channel) => LIFTED_BY[channel]))];
  if (sources.length === 0) return null;
  const key = await optOutKey(query, campaignId);
  const [row] = await query<{ source: PhoneOptOutSource }>(
    sql`DELETE FROM phone_opt_outs
         WHERE campaign_id = ${campaignId} AND source = ANY(${sources}::text[])
           AND number_hash = ${numberHashSql(key, sql`${e164}::text`)}
        RETURNING source`,
  );
  return row?.source ?? null;
}

/** Which of these numbers are on the opt-out list. */
export async function optedOutNumbers(
  query: Query,
  campaignId: number,
  numbers: readonly string[],
): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const key = await optOutKey(query, campaignId);
  const rows = await query<{ n: string }>(
    sql`SELECT n FROM unnest(${numbers}::text[]) AS n
         WHERE EXISTS (SELECT 1 FROM phone_opt_outs o WHERE o.campaign_id = ${campaignId}
                          AND o.number_hash = ${numberHashSql(key, sql`n`)})`,
  );
  return new Set(rows.map((row) => row.n));
}

/**
 * A condition true when the number in `e164` (SQL) is not on the campaign's opt-out list, for
 * set-based statements (freezing an audience of millions).
 */
export const notOptedOutSql = (campaignId: number, key: Buffer, e164: SQL): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM phone_opt_outs o WHERE o.campaign_id = ${campaignId}
                    AND o.number_hash = ${numberHashSql(key, e164)})`;
