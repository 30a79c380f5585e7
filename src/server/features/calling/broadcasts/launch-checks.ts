import { sql } from 'drizzle-orm';
import type { CallListReport } from '../../../../contracts/calling-lists.ts';
import type { AppContext } from '../../../core/context.ts';
import { conflict } from '../../../core/http/errors.ts';
import { invalidRowsOf } from '../lists/service.ts';
import type { BroadcastRow } from './service.ts';

/**
 * What must hold before a broadcast is put up for launch and again when it is approved: a
 * recording whose opt-out notice staff confirmed, an audience that exists (a list with rows
 * left out as invalid accepted by staff), an end still to come, and caller IDs (the territories they serve are checked against the frozen audience).
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
  const [facts] = await ctx.database.query<{
    list: string | null;
    report: CallListReport | null;
    accepted: boolean;
    segment: boolean;
    ids: number;
  }>(
    sql`SELECT l.status AS list, l.report, l.accepted_at IS NOT NULL AS accepted,
               (SELECT ${broadcast.segment_id}::bigint IS NOT NULL) AS segment,
               (SELECT count(*)::int FROM call_caller_ids WHERE campaign_id = ${ctx.campaignId} AND paused_at IS NULL) AS ids
          FROM (SELECT 1) one
          LEFT JOIN call_lists l ON l.campaign_id = ${ctx.campaignId} AND l.id = ${broadcast.list_id}`,
  );
  if (broadcast.audience_kind === 'list' && facts!.list !== 'succeeded') {
    throw conflict('list_not_ready', 'The list of numbers is not imported (or its import failed).');
  }
  const invalid = invalidRowsOf(facts!.report);
  if (broadcast.audience_kind === 'list' && invalid > 0 && !facts!.accepted) {
    throw conflict(
      'list_not_accepted',
      `${invalid} rows of the list were left out as invalid: read its report and accept the list before the launch.`,
    );
  }
  if (facts!.ids === 0) {
    throw conflict(
      'caller_id_required',
      'Add a caller ID from the ranges reserved for automated calls before the launch.',
    );
  }
}
