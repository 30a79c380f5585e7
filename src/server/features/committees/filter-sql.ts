import { sql } from 'drizzle-orm';
import { ranks } from '../../../contracts/access.ts';
import type { FilterSql } from '../../core/audience/filter-sql.ts';

/** People at `committeeRank` or above in a committee (not closed), of these départements. */
export const committeeMembershipSql: FilterSql<'committeeMembership'> = {
  conditions: ({ committeeRank, committeeDepartements }, { campaignId }) => {
    if (!committeeRank && !committeeDepartements?.length) return [];
    const included = ranks.slice(ranks.indexOf(committeeRank ?? 'follower'));
    const where = committeeDepartements?.length
      ? sql`AND c.departement_code = ANY(${committeeDepartements}::text[])`
      : sql``;
    return [
      sql`EXISTS (SELECT 1 FROM committee_members m
                    JOIN committees c ON c.campaign_id = m.campaign_id AND c.id = m.committee_id
                   WHERE m.campaign_id = ${campaignId} AND m.person_id = p.id
                     AND m.rank = ANY(${included}::text[]) AND c.status <> 'closed' ${where})`,
    ];
  },
};
