import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { recruitCode } from '../../core/crypto.ts';
import { runSql, type Queryable } from '../../core/db/statement.ts';
import { buildSearchText, normalizeEmail } from './normalize.ts';
import { people, type PersonColumns } from './tables.ts';

/*
 * The one place that creates, updates and deletes people: sign-up (batched, set-based), staff
 * accounts, HQ's form and the import (set-based: new people, merges, undo) write through here.
 * It owns the columns written and those derived from them (email_normalized, search_text,
 * recruit_code).
 */

/** A person as written: the schema's columns (camelCase), as `people.$inferInsert` has them. */
export type NewPerson = typeof people.$inferInsert;

/** A person's own details: what a sign-up, HQ's form or an import gives. */
export type PersonDetails = Pick<
  NewPerson,
  | 'email'
  | 'firstName'
  | 'lastName'
  | 'phone'
  | 'addressStreet'
  | 'addressComplement'
  | 'postalCode'
  | 'communeCode'
  | 'communeName'
  | 'departementCode'
  | 'locale'
>;

const columns = getTableColumns(people);
/** A column of people, by its schema key (the id too, which only the import sets). */
export type PeopleColumn = keyof typeof columns;

/** A column's name in SQL. */
export const columnOf = (key: PeopleColumn): string => columns[key].name;

type SearchedDetails = Pick<
  NewPerson,
  'email' | 'firstName' | 'lastName' | 'phone' | 'communeName' | 'postalCode'
>;

/** The folded text the people search matches (sign-up and import rows compute it per row). */
export const searchTextOf = (details: SearchedDetails): string => buildSearchText(details);

/**
 * The columns derived from a person's details: the normalised email (the key a sign-up or an
 * import finds them by) and the folded search text.
 */
export function derivedColumns(details: SearchedDetails): {
  emailNormalized: string | null;
  searchText: string;
} {
  return {
    emailNormalized: details.email ? normalizeEmail(details.email) : null,
    searchText: searchTextOf(details),
  };
}

/** A new person's recruitment code (unique in the campaign: a rare collision is retried). */
export const newRecruitCode = recruitCode;

/** Whether an error is a new recruitment code meeting an existing one. */
export const isRecruitCodeCollision = (error: unknown) =>
  (error as { constraint?: string }).constraint === 'people_recruit_code_key';

/**
 * For set-based writers (sign-up batches, import slices): `INSERT INTO people (…) SELECT … FROM`
 * with each written column's SQL expression (by schema key), in the schema's column order.
 * `onEmailTaken`: 'nothing' skips a row whose email is taken, 'keep' returns the person who has
 * it, untouched. `distinctOn` and `returning` are the caller's code text, never input.
 */
export function insertPeopleSelect(
  values: Partial<Record<PeopleColumn, SQL>>,
  statement: {
    from: SQL;
    distinctOn?: string;
    overridingId?: boolean;
    onEmailTaken: 'nothing' | 'keep';
    returning: string;
  },
): SQL {
  const written = (Object.keys(columns) as PeopleColumn[]).filter(
    (key) => values[key] !== undefined,
  );
  const names = sql.raw(written.map(columnOf).join(', '));
  const overriding = sql.raw(statement.overridingId ? ' OVERRIDING SYSTEM VALUE' : '');
  const distinct = sql.raw(statement.distinctOn ? `DISTINCT ON (${statement.distinctOn}) ` : '');
  const onConflict = sql.raw(
    statement.onEmailTaken === 'keep'
      ? 'DO UPDATE SET updated_at = people.updated_at'
      : 'DO NOTHING',
  );
  const selected = sql.join(
    written.map((key) => values[key]!),
    sql`, `,
  );
  return sql`INSERT INTO people (${names})${overriding}
    SELECT ${distinct}${selected}
      FROM ${statement.from}
    ON CONFLICT (campaign_id, email_normalized) ${onConflict}
    RETURNING ${sql.raw(statement.returning)}`;
}

/**
 * The person a recruitment code names (`code`, `campaign`: SQL expressions), or the person they
 * were merged into; null for none or an erased one.
 */
export const recruiterOf = (code: SQL, campaign: SQL): SQL =>
  sql`coalesce(
     (SELECT r.id FROM people r
       WHERE r.campaign_id = ${campaign} AND r.recruit_code = ${code} AND r.erased_at IS NULL),
     (SELECT r.id FROM person_merges m
        JOIN people r ON r.campaign_id = m.campaign_id AND r.id = m.kept_id AND r.erased_at IS NULL
       WHERE m.campaign_id = ${campaign} AND m.merged_recruit_code = ${code}))`;

type Written = Partial<Record<keyof NewPerson, unknown>>;

const assignments = (values: Written) =>
  sql.join(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => sql`${sql.identifier(columnOf(key as keyof NewPerson))} = ${value}`),
    sql`, `,
  );

/**
 * Creates one person from their details (with the derived columns and a new recruitment
 * code) and returns the id. `confirmed`: their email is vouched for. `onEmailTaken: 'keep'`
 * returns the person who has the email instead, untouched; otherwise it is a unique violation.
 */
export async function insertPerson(
  on: Queryable,
  campaignId: number,
  details: Partial<PersonDetails>,
  how: { source: string; confirmed?: boolean; onEmailTaken?: 'keep' },
): Promise<number> {
  return (await insertPersonOrFind(on, campaignId, details, how)).id;
}

/**
 * insertPerson, saying whether the person was created or (`onEmailTaken: 'keep'`) found by
 * their email: an upsert's row was inserted when its `xmax` is 0, so two requests writing the
 * same address at once cannot both believe they created it.
 */
export async function insertPersonOrFind(
  on: Queryable,
  campaignId: number,
  details: Partial<PersonDetails>,
  how: { source: string; confirmed?: boolean; onEmailTaken?: 'keep' },
): Promise<{ id: number; created: boolean }> {
  const values: Written = {
    campaignId,
    ...details,
    ...derivedColumns(details),
    source: how.source,
    recruitCode: newRecruitCode(),
  };
  const written = Object.entries(values).filter(([, value]) => value !== undefined);
  const names = written.map(([key]) => sql.identifier(columnOf(key as keyof NewPerson)));
  const given = written.map(([, value]) => sql`${value}`);
  if (how.confirmed) {
    names.push(sql.identifier(columnOf('confirmedAt')));
    given.push(sql`now()`);
  }
  const [row] = await runSql<{ id: number; created: boolean }>(
    on,
    sql`INSERT INTO people (${sql.join(names, sql`, `)}) VALUES (${sql.join(given, sql`, `)})
        ${
          how.onEmailTaken === 'keep'
            ? sql`ON CONFLICT (campaign_id, email_normalized) DO UPDATE SET updated_at = people.updated_at`
            : sql``
        }
        RETURNING id, xmax = 0 AS created`,
  );
  return { id: Number(row.id), created: row.created };
}

/**
 * Writes a person's details (and what derives from them) and marks them updated. `keepWhenNull`:
 * details that keep their stored value when given null (a sign-up without a phone). `confirm`:
 * the email owner confirmed it (the first confirmation stays).
 */
export async function updatePersonDetails(
  on: Queryable,
  campaignId: number,
  personId: number,
  details: PersonDetails,
  how: { keepWhenNull?: Array<keyof PersonDetails>; confirm?: boolean } = {},
): Promise<void> {
  const values: Record<string, unknown> = { ...details, ...derivedColumns(details) };
  for (const key of how.keepWhenNull ?? [])
    values[key] = sql`COALESCE(${values[key]}, ${sql.identifier(columnOf(key))})`;
  await runSql(
    on,
    sql`UPDATE people SET ${assignments(values)},
               ${how.confirm ? sql`confirmed_at = COALESCE(confirmed_at, now()), ` : sql``}updated_at = now()
         WHERE campaign_id = ${campaignId} AND id = ${personId}`,
  );
}

/** Which of these normalised emails and recruitment codes the campaign's people already use. */
export async function takenEmailsAndCodes(
  on: Queryable,
  campaignId: number,
  emails: string[],
  codes: string[],
): Promise<{ emails: Set<string>; codes: Set<string> }> {
  const taken = await runSql<{ email_normalized: string }>(
    on,
    sql`SELECT email_normalized FROM people
         WHERE campaign_id = ${campaignId} AND email_normalized = ANY(${emails}::text[])`,
  );
  const used = await runSql<{ recruit_code: string }>(
    on,
    sql`SELECT recruit_code FROM people
         WHERE campaign_id = ${campaignId} AND recruit_code = ANY(${codes}::text[])`,
  );
  return {
    emails: new Set(taken.map((r) => r.email_normalized)),
    codes: new Set(used.map((r) => r.recruit_code)),
  };
}

/** Credits people to their recruiters (`recruiters[i]` recruited `ids[i]`), set-based. */
export async function setRecruiters(
  on: Queryable,
  campaignId: number,
  ids: number[],
  recruiters: number[],
): Promise<void> {
  await updatePeopleFrom(on, campaignId, {
    set: { recruitedBy: sql`u.recruiter` },
    from: sql`unnest(${ids}::bigint[], ${recruiters}::bigint[]) AS u(id, recruiter)`,
    where: sql`p.id = u.id`,
  });
}

/** The columns set by a set-based update, by schema key, each to its SQL expression. */
export type PeopleSet = Partial<Record<PeopleColumn, SQL>>;

const keyOfName = new Map(
  (Object.keys(columns) as PeopleColumn[]).map((key) => [columnOf(key), key]),
);

/**
 * Each of these columns (by name, as rows read in SQL have them) set from the same column of
 * the row source `alias`: `email = u.email`.
 */
export function copiedFrom(alias: string, names: ReadonlyArray<keyof PersonColumns>): PeopleSet {
  const set: PeopleSet = {};
  for (const name of names) set[keyOfName.get(name)!] = sql.raw(`${alias}.${name}`);
  return set;
}

/**
 * A set-based update of the campaign's people (`p`) from a row source:
 * `UPDATE people p SET … FROM … WHERE p.campaign_id = … AND …`, the columns set in the order
 * given.
 */
export async function updatePeopleFrom(
  on: Queryable,
  campaignId: number,
  update: { set: PeopleSet; from: SQL; where: SQL },
): Promise<void> {
  const set = (Object.keys(update.set) as PeopleColumn[])
    .filter((key) => update.set[key] !== undefined)
    .map((key) => sql`${sql.raw(columnOf(key))} = ${update.set[key]}`);
  await runSql(
    on,
    sql`UPDATE people p SET ${sql.join(set, sql`, `)}
         FROM ${update.from}
        WHERE p.campaign_id = ${campaignId} AND ${update.where}`,
  );
}

/**
 * Deletes these people's rows, but those in `kept` (what other features hold of them is
 * forgotten first).
 */
export async function deletePeople(
  on: Queryable,
  campaignId: number,
  ids: number[],
  kept?: number[],
): Promise<void> {
  await runSql(
    on,
    sql`DELETE FROM people WHERE campaign_id = ${campaignId} AND id = ANY(${ids}::bigint[])${
      kept ? sql` AND NOT id = ANY(${kept}::bigint[])` : sql``
    }`,
  );
}
