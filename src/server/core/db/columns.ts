import { bigint, customType, integer, timestamp } from 'drizzle-orm/pg-core';

/** A table's own id, unique on its own (one sequence per table); keys lead with campaign_id. */
export const id = () => bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity();
/** An id of another row (ids stay within 2^53: numbers, not bigint). */
export const ref = <Name extends string>(name: Name) => bigint(name, { mode: 'number' });
/** A moment, with its time zone. */
export const at = <Name extends string>(name: Name) =>
  timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The distribution column: first in every primary key and unique key of a campaign's
 * tables, so each key is unique within a campaign and a shard can hold it alone.
 */
export const campaignId = () => integer('campaign_id').notNull();

/** Bytes (a file, an image): Buffer on PostgreSQL, Uint8Array on PGlite. */
export const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });

/** PostgreSQL's geometric types, as their text form: written and read with SQL. */
export const polygon = customType<{ data: string }>({ dataType: () => 'polygon' });
export const box = customType<{ data: string }>({ dataType: () => 'box' });
