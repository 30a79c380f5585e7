import { sql } from 'drizzle-orm';
import type { Rank } from '../../../contracts/access.ts';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import type { ScopeKind } from '../../core/http/access.ts';

/** The `committee` scope: the committee in the path, the caller's rank in it. */
export const committeeScope = (ctx: AppContext): ScopeKind => ({
  name: 'committee',
  idFrom(params) {
    const id = Number(params.committeeId);
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  },
  async rankOf(personId, committeeId) {
    const [row] = await runSql<{ rank: Rank | null }>(
      ctx.database,
      sql`SELECT m.rank FROM committees c
            LEFT JOIN committee_members m
              ON m.campaign_id = c.campaign_id AND m.committee_id = c.id AND m.person_id = ${personId}
           WHERE c.campaign_id = ${ctx.campaignId} AND c.id = ${committeeId}`,
    );
    return row ? row.rank : 'missing';
  },
});
