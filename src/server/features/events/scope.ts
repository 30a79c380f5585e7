import { sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context.ts';
import { runSql } from '../../core/db/statement.ts';
import type { ScopeKind } from '../../core/http/access.ts';
import { membershipOf } from '../committees/service.ts';

/**
 * The `event` scope: the event in the path; the caller's rank is the one they hold in its
 * committee (an HQ event has none: only the declaration's permission admits to it).
 */
export const eventScope = (ctx: AppContext): ScopeKind => ({
  name: 'event',
  idFrom(params) {
    const id = Number(params.eventId);
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  },
  async rankOf(personId, eventId) {
    const [event] = await runSql<{ committee_id: number | null }>(
      ctx.database,
      sql`SELECT committee_id FROM events WHERE campaign_id = ${ctx.campaignId} AND id = ${eventId}`,
    );
    if (!event) return 'missing';
    if (event.committee_id === null) return null;
    const membership = await membershipOf(
      ctx.database,
      ctx.campaignId,
      Number(event.committee_id),
      personId,
    );
    return membership?.rank ?? null;
  },
});
