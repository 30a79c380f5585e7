import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../core/context.ts';
import { conflict } from '../../../core/http/errors.ts';
import type { BroadcastRow } from './service.ts';

/**
 * What must hold before a broadcast is put up for launch and again when it is approved: a
 * recording whose opt-out notice staff confirmed, an audience that exists, an end still to
 * come, and caller IDs (the territories they serve are checked against the frozen audience).
 */
export async function launchProblems(
  ctx: AppContext,
  broadcast: BroadcastRow,
  now: Date,
): Promise<void> {
  if (broadcast.recording_id === null) {
    throw conflict('recording_required', 'Choose the recorded message before the launch.');
  }
  if (broadcast.opt_out_confirmed_at === null) {
    throw conflict(
      'opt_out_not_confirmed',
      'Confirm that the message says, at its start, how to stop these calls (press 9) before the launch.',
    );
  }
  if (broadcast.ends_at && new Date(broadcast.ends_at) <= now) {
    throw conflict('broadcast_ended', 'The end date has passed: set a new one.');
  }
  const [facts] = await ctx.database.query<{ list: string | null; segment: boolean; ids: number }>(
    sql`SELECT (SELECT status FROM call_lists WHERE campaign_id = ${ctx.campaignId} AND id = ${broadcast.list_id}) AS list,
               (SELECT ${broadcast.segment_id}::bigint IS NOT NULL) AS segment,
               (SELECT count(*)::int FROM call_caller_ids WHERE campaign_id = ${ctx.campaignId} AND paused_at IS NULL) AS ids`,
  );
  if (broadcast.audience_kind === 'list' && facts!.list !== 'succeeded') {
    throw conflict('list_not_ready', 'The list of numbers is not imported (or its import failed).');
  }
  if (facts!.ids === 0) {
    throw conflict(
      'caller_id_required',
      'Add a caller ID from the ranges reserved for automated calls before the launch.',
    );
  }
}
