import { sql } from 'drizzle-orm';
import { rankAtLeast } from '../../../../contracts/access.ts';
import type { AppContext } from '../../../core/context.ts';
import type { AuthState } from '../../../core/http/session.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { membershipOf, myCommittees } from '../../committees/service.ts';
import { doorToDoorSessionsOf } from '../../events/rsvp.ts';

/** Why a person may canvass a turf. */
export type TurfGrant = 'volunteer' | 'committee' | 'event' | 'staff';

const notAssigned = () =>
  new AppError(
    403,
    'turf_not_assigned',
    'Ce secteur ne vous est pas confié. Demandez à votre comité ou à l’équipe de campagne de vous l’attribuer.',
  );

/**
 * Who may open a turf: the volunteers it is given to, the members of its committee, those going
 * to a door-to-door session that carries it, and staff who manage the field. Anyone else gets
 * 403 `turf_not_assigned` (the turf exists, but is not theirs); an unknown turf 404.
 */
export async function turfGrant(
  ctx: AppContext,
  auth: Pick<AuthState, 'personId' | 'permissions'>,
  turfId: number,
): Promise<TurfGrant> {
  const [turf] = await ctx.database.query<{ committee_id: number | null; assigned: boolean }>(
    sql`SELECT t.committee_id,
               EXISTS (SELECT 1 FROM field_turf_assignees x WHERE x.campaign_id = t.campaign_id
                          AND x.turf_id = t.id AND x.person_id = ${auth.personId}) AS assigned
          FROM field_turfs t WHERE t.campaign_id = ${ctx.campaignId} AND t.id = ${turfId}`,
  );
  if (!turf) throw notFound('turf');
  if (turf.assigned) return 'volunteer';
  if (turf.committee_id !== null) {
    const membership = await membershipOf(
      ctx.database,
      ctx.campaignId,
      Number(turf.committee_id),
      auth.personId,
    );
    if (membership && rankAtLeast(membership.rank, 'member')) return 'committee';
  }
  const sessions = await doorToDoorSessionsOf(ctx, auth.personId);
  if (sessions.length) {
    const carried = await ctx.database.query(
      sql`SELECT 1 FROM field_event_turfs WHERE campaign_id = ${ctx.campaignId} AND turf_id = ${turfId}
             AND event_id = ANY(${sessions}::bigint[]) LIMIT 1`,
    );
    if (carried.length) return 'event';
  }
  if (auth.permissions.includes('field.manage')) return 'staff';
  throw notAssigned();
}

/** The turfs a person may canvass, with why (staff see only those given to them too). */
export async function grantedTurfIds(
  ctx: AppContext,
  personId: number,
): Promise<Map<number, TurfGrant>> {
  const grants = new Map<number, TurfGrant>();
  const committees = (await myCommittees(ctx, personId))
    .filter((c) => rankAtLeast(c.rank, 'member'))
    .map((c) => c.id);
  const sessions = await doorToDoorSessionsOf(ctx, personId);
  const rows = await ctx.database.query<{ id: number; why: TurfGrant }>(
    sql`SELECT turf_id AS id, 'volunteer' AS why FROM field_turf_assignees
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ${personId}
        UNION ALL
        SELECT id, 'committee' FROM field_turfs
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ANY(${committees}::bigint[])
        UNION ALL
        SELECT turf_id, 'event' FROM field_event_turfs
         WHERE campaign_id = ${ctx.campaignId} AND event_id = ANY(${sessions}::bigint[])`,
  );
  for (const row of rows) if (!grants.has(Number(row.id))) grants.set(Number(row.id), row.why);
  return grants;
}
