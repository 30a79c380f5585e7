import { z } from 'zod';
import { rankSchema } from './access.ts';
import { csvList, defineAudienceFilter, labelValueChip } from './audience-filter.ts';

/**
 * People by their committees: at least a rank in some committee ("organisers"), optionally
 * in committees of some départements ("members of committees in the Rhône").
 */
export const committeeMembershipFilter = defineAudienceFilter({
  key: 'committeeMembership',
  shape: {
    committeeRank: rankSchema.optional(),
    committeeDepartements: csvList(3).optional(),
  },
  chips: ({ committeeRank, committeeDepartements }, ctx) => [
    ...(committeeRank
      ? [labelValueChip(ctx, 'committeeRank', 'filter.committeeRank', ctx.rankName(committeeRank))]
      : []),
    ...(committeeDepartements?.length
      ? [
          labelValueChip(
            ctx,
            'committeeDepartements',
            'filter.committeeDepartements',
            committeeDepartements.map(ctx.departementName).join(', '),
          ),
        ]
      : []),
  ],
});

/** The same filter's shape, for whoever reads it (a committee rank is any rank from it up). */
export type CommitteeMembershipFilter = z.infer<
  z.ZodObject<typeof committeeMembershipFilter.shape>
>;
