import { sql, type SQL } from 'drizzle-orm';
import type { Channel, Consents } from '../../../contracts/common.ts';
import type { ConsentChannel, ContactChannel } from '../../../contracts/compliance.ts';
import type { Query } from '../../core/db/index.ts';
import { invalidFields, notFound } from '../../core/http/errors.ts';
import type { AgreedSlot, ConsentState } from '../compliance/may-contact.ts';

/**
 * Consent as records: `person_consents` holds the current decision per person and channel,
 * `consent_events` every decision ever made. A record is always the latest decision of the
 * history (by time, then by order of recording), so every writer adds decisions to the history
 * and then settles the records of the people it touched, here; merges and undos only change the
 * history and settle. The `people.consent_*` columns are a read cache of the records (filters,
 * lists, exports), written only here, in the same transaction.
 */

/** The API speaks of email, sms and phone; the phone consent is the consent to volunteer calls. */
export const recordChannel: Record<Channel, ContactChannel> = {
  email: 'email',
  sms: 'sms',
  phone: 'volunteer_call',
};

/** The API's name of a record's channel (automated calls and tracking have none: their own name). */
export const apiChannel = (channel: ConsentChannel): string =>
  channel === 'volunteer_call' ? 'phone' : channel;

/** The channels cached on `people` (automated calls are read from the records only). */
const cacheColumn = {
  email: 'consent_email',
  sms: 'consent_sms',
  volunteer_call: 'consent_phone',
} as const;
const columns = Object.values(cacheColumn);
/** The cache's columns from the latest decisions, the cache set from them, and the test that it changes. */
const cachedFromLatest = sql.raw(
  Object.entries(cacheColumn)
    .map(
      ([channel, column]) =>
        `bool_or(l.granted) FILTER (WHERE l.channel = '${channel}') AS ${column}`,
    )
    .join(', '),
);
const setCache = sql.raw(
  columns.map((column) => `${column} = coalesce(c.${column}, false)`).join(', '),
);
const cacheChanges = sql.raw(
  `(${columns.map((column) => `p.${column}`).join(', ')}) IS DISTINCT FROM
            (${columns.map((column) => `coalesce(c.${column}, false)`).join(', ')})`,
);

export interface ConsentDecision {
  /** A contact channel, or `email_tracking` (opens and clicks of newsletters measured). */
  channel: ConsentChannel;
  granted: boolean;
  /** Where it came from: signup, embed, supporter_space, staff_<how>, import, migrated. */
  source: string;
  wordingVersion: string;
  /** An automated-call consent: the slot agreed to (required when granted). */
  slot?: AgreedSlot | null;
  actorId?: number | null;
  note?: string | null;
  /** When it was made; now when left out. */
  at?: Date;
}

/** A person's consent record, as the data file and the gate read it. */
export interface ConsentRecordRow {
  channel: ConsentChannel;
  status: 'granted' | 'withdrawn';
  source: string;
  wording_version: string;
  at: Date;
  slot: AgreedSlot | null;
}

/**
 * Makes the records and the cache of these people the latest decision per channel of their
 * history: a channel with no decision left has no record. Set-based: one statement for any
 * number of people; the cache is only written where it changes.
 */
export async function settleConsents(
  query: Query,
  campaignId: number,
  personIds: readonly number[],
): Promise<void> {
  if (personIds.length === 0) return;
  const ids = [...personIds];
  await query(
    sql`WITH latest AS (
       SELECT DISTINCT ON (e.person_id, e.channel) e.person_id, e.channel, e.granted, e.source,
              e.wording_version, e.at, e.slot
         FROM consent_events e
        WHERE e.campaign_id = ${campaignId} AND e.person_id = ANY(${ids}::bigint[])
        ORDER BY e.person_id, e.channel, e.at DESC, e.id DESC),
     gone AS (
       DELETE FROM person_consents c
        WHERE c.campaign_id = ${campaignId} AND c.person_id = ANY(${ids}::bigint[])
          AND NOT EXISTS (SELECT 1 FROM latest l WHERE l.person_id = c.person_id AND l.channel = c.channel)),
     recorded AS (
       INSERT INTO person_consents (campaign_id, person_id, channel, status, source, wording_version, at, slot)
       SELECT ${campaignId}, l.person_id, l.channel, CASE WHEN l.granted THEN 'granted' ELSE 'withdrawn' END, l.source,
              l.wording_version, l.at, l.slot
         FROM latest l
       ON CONFLICT (campaign_id, person_id, channel) DO UPDATE
          SET status = excluded.status, source = excluded.source, wording_version = excluded.wording_version,
              at = excluded.at, slot = excluded.slot),
     -- The cache per person, joined (not a subquery per person: that reads \`latest\` each time).
     cached AS (
       SELECT l.person_id,
              ${cachedFromLatest}
         FROM latest l GROUP BY l.person_id)
     UPDATE people p
        SET ${setCache}
       FROM unnest(${ids}::bigint[]) AS ids(id) LEFT JOIN cached c ON c.person_id = ids.id
      WHERE p.campaign_id = ${campaignId} AND p.id = ids.id
        AND ${cacheChanges}`,
  );
}

/** A granted automated-call consent without its slot is refused (CNIL), and changes nothing. */
function assertSlots(decisions: readonly ConsentDecision[]) {
  for (const d of decisions) {
    if (d.channel === 'automated_call' && d.granted && !d.slot)
      throw invalidFields([
        {
          field: 'slot',
          code: 'slot_required',
          message: 'A consent to automated calls needs the days and hours the person agreed to.',
        },
      ]);
  }
}

/** Adds decisions to one person's history and settles their records and cache. */
export async function recordDecisions(
  query: Query,
  campaignId: number,
  personId: number,
  decisions: readonly ConsentDecision[],
  importId: number | null = null,
): Promise<void> {
  assertSlots(decisions);
  for (const d of decisions) {
    await query(
      sql`INSERT INTO consent_events (campaign_id, person_id, channel, granted, source, wording_version, actor_id,
                                   note, slot, import_id, at)
       VALUES (${campaignId}, ${personId}, ${d.channel}, ${d.granted}, ${d.source}, ${d.wordingVersion}, ${d.actorId ?? null}, ${d.note ?? null}, ${d.slot ? JSON.stringify(d.slot) : null}, ${importId}, coalesce(${d.at ?? null}::timestamptz, now()))`,
    );
  }
  await settleConsents(query, campaignId, [personId]);
}

/**
 * The decisions that change a person's consents to `wanted` (channels left out stay as they
 * are), for the API's three channels; locks the person. Unknown or erased: not found.
 */
export async function changedConsents(
  query: Query,
  campaignId: number,
  personId: number,
  wanted: Partial<Consents>,
): Promise<Array<{ channel: ContactChannel; granted: boolean }>> {
  const [person] = await query(
    sql`SELECT id FROM people WHERE campaign_id = ${campaignId} AND id = ${personId} AND erased_at IS NULL FOR UPDATE`,
  );
  if (!person) throw notFound('person');
  const now = await currentConsents(query, campaignId, [personId]);
  const held = now.get(personId) ?? {};
  const changes: Array<{ channel: ContactChannel; granted: boolean }> = [];
  for (const [apiChannel, granted] of Object.entries(wanted) as Array<[Channel, boolean]>) {
    if (granted === undefined) continue;
    const channel = recordChannel[apiChannel];
    if ((held[channel]?.status === 'granted') !== granted) changes.push({ channel, granted });
  }
  return changes;
}

/** The records of some people, by person and channel (people without any are left out). */
export async function currentConsents(
  query: Query,
  campaignId: number,
  personIds: readonly number[],
): Promise<Map<number, Partial<Record<ConsentChannel, ConsentState>>>> {
  const byPerson = new Map<number, Partial<Record<ConsentChannel, ConsentState>>>();
  if (personIds.length === 0) return byPerson;
  const rows = await query<
    { person_id: number } & Pick<ConsentRecordRow, 'channel' | 'status' | 'slot'>
  >(
    sql`SELECT person_id, channel, status, slot FROM person_consents
      WHERE campaign_id = ${campaignId} AND person_id = ANY(${[...personIds]}::bigint[])`,
  );
  for (const row of rows) {
    const id = Number(row.person_id);
    const consents = byPerson.get(id) ?? {};
    consents[row.channel] =
      row.channel === 'automated_call'
        ? { status: row.status, slot: row.slot }
        : { status: row.status };
    byPerson.set(id, consents);
  }
  return byPerson;
}

/** One person's records, for their data file. */
export function consentRecords(
  query: Query,
  campaignId: number,
  personId: number,
): Promise<ConsentRecordRow[]> {
  return query<ConsentRecordRow>(
    sql`SELECT channel, status, source, wording_version, at, slot FROM person_consents
      WHERE campaign_id = ${campaignId} AND person_id = ${personId} ORDER BY channel`,
  );
}

/**
 * SQL that is true when the person holds a granted consent on this channel now: one probe of
 * the records' primary key, for statements of other features that act only with a consent
 * (a newsletter's opens and clicks, recorded only with `email_tracking`).
 */
export const consentGrantedSql = (
  campaignId: number | SQL,
  personId: number | SQL,
  channel: ConsentChannel,
): SQL =>
  sql`EXISTS (SELECT 1 FROM person_consents pc
               WHERE pc.campaign_id = ${campaignId} AND pc.person_id = ${personId}
                 AND pc.channel = ${channel} AND pc.status = 'granted')`;
