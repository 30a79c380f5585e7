import { sql, type SQL } from 'drizzle-orm';
import { runSql, type Queryable } from '../../core/db/statement.ts';

/**
 * What other features may know of accounts: who has one, and the access it holds. This file
 * imports no feature, so people (which accounts imports) can call it.
 */
export interface AccountAccess {
  roles: string[];
  grants: string[];
}

/** The accounts of these people (those who have one), by person id. */
export async function accountAccessOf(
  on: Queryable,
  campaignId: number,
  personIds: readonly number[],
): Promise<Map<number, AccountAccess>> {
  if (personIds.length === 0) return new Map();
  const rows = await runSql<{ person_id: number } & AccountAccess>(
    on,
    sql`SELECT person_id, roles, grants FROM accounts
         WHERE campaign_id = ${campaignId} AND person_id = ANY(${[...personIds]}::bigint[])`,
  );
  return new Map(
    rows.map((row) => [Number(row.person_id), { roles: row.roles, grants: row.grants }]),
  );
}

/** Whether the account holds any role or grant (staff, finance…). */
export const holdsAccess = (account: AccountAccess | undefined) =>
  !!account && (account.roles.length > 0 || account.grants.length > 0);

/** A condition, for another feature's statement, that the person has an account. */
export const personHasAccount = (campaign: SQL, person: SQL): SQL =>
  sql`EXISTS (SELECT 1 FROM accounts a WHERE a.campaign_id = ${campaign} AND a.person_id = ${person})`;
