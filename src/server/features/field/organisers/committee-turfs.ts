import { sql } from 'drizzle-orm';
import { rankAtLeast } from '../../../../contracts/access.ts';
import type { CommitteeTurfUpdate } from '../../../../contracts/field-organisers.ts';
import type { Turf } from '../../../../contracts/field-turfs.ts';
import type { AppContext } from '../../../core/context.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { membershipOf } from '../../committees/service.ts';
import { turfsWhere, updateTurf } from '../planning/turfs.ts';

/** The turfs HQ gave a committee, with their doors, doors visited, volunteers and dates. */
export const committeeTurfs = async (ctx: AppContext, committeeId: number) => ({
  items: await turfsWhere(ctx, sql`t.committee_id = ${committeeId}`),
});

/** Those of `personIds` who are not members of the committee (followers are not). */
async function notMembers(ctx: AppContext, committeeId: number, personIds: readonly number[]) {
  const ranks = await Promise.all(
    personIds.map((id) => membershipOf(ctx.database, ctx.campaignId, committeeId, id)),
  );
  return personIds.filter((_, i) => {
    const membership = ranks[i];
    return !membership || !rankAtLeast(membership.rank, 'member');
  });
}

/**
 * A committee's organisers give one of its turfs to members, for dates. A turf of another
 * committee (or of none) is answered as one that does not exist; a volunteer added must be a
 * member of the committee (those HQ gave the turf to before stay, whoever they are). The turf's
 * name and committee are HQ's.
 */
export async function assignCommitteeTurf(
  ctx: AppContext,
  committeeId: number,
  turfId: number,
  change: CommitteeTurfUpdate,
  actorId: number,
): Promise<Turf> {
  const [turf] = await turfsWhere(ctx, sql`t.id = ${turfId} AND t.committee_id = ${committeeId}`);
  if (!turf) throw notFound('turf');
  if (change.volunteerIds) {
    const already = new Set(turf.volunteers.map((volunteer) => volunteer.personId));
    const added = [...new Set(change.volunteerIds)].filter((id) => !already.has(id));
    const outsiders = await notMembers(ctx, committeeId, added);
    if (outsiders.length > 0) {
      const message =
        'Un secteur du comité ne se confie qu’à ses membres : invitez d’abord ces personnes à rejoindre le comité.';
      throw new AppError(
        422,
        'volunteer_not_member',
        message,
        [{ field: 'volunteerIds', code: 'volunteer_not_member', message }],
        { personIds: outsiders.join(',') },
      );
    }
  }
  return updateTurf(
    ctx,
    turfId,
    { startsOn: change.startsOn, endsOn: change.endsOn, volunteerIds: change.volunteerIds },
    actorId,
  );
}
