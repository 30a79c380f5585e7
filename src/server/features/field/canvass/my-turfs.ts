import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { turfsWhere } from '../planning/turfs.ts';
import { grantedTurfIds } from './access.ts';

/** The turfs a volunteer may canvass, each with why (given to them, their committee, a session). */
export async function myTurfs(ctx: AppContext, personId: number) {
  const grants = await grantedTurfIds(ctx, personId);
  const ids = [...grants.keys()];
  if (ids.length === 0) return { items: [] };
  const turfs = await turfsWhere(ctx, sql`t.id = ANY(${ids}::bigint[])`);
  return { items: turfs.map((turf) => ({ ...turf, why: grants.get(turf.id)! })) };
}
