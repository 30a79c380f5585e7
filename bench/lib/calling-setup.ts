/**
 * What a voice broadcast needs before its launch, for the calling benchmarks: two staff
 * members (one asks, the other approves), a recording, caller IDs serving metropolitan France
 * and the overseas departments; and a broadcast on a list taken through the service's steps.
 */
import { sql } from 'drizzle-orm';
import {
  broadcastInputSchema,
  defaultCallingWindows,
  type BroadcastInput,
} from '../../src/contracts/calling.ts';
import type { AppContext } from '../../src/server/core/context.ts';
import { personForEmail } from '../../src/server/features/accounts/admin.ts';
import {
  approveLaunch,
  confirmOptOutNotice,
  createBroadcast,
  requestLaunch,
} from '../../src/server/features/calling/broadcasts/service.ts';

/** One caller ID of each reserved range a territory of the generated lists needs. */
const CALLER_IDS = [
  '+33162000001',
  '+33162000002',
  '+590947500001',
  '+594947600001',
  '+596947700001',
  '+262947800001',
];

export interface CallingStaff {
  askerId: number;
  approverId: number;
  recordingId: number;
}

export async function seedCallingBasics(ctx: AppContext): Promise<CallingStaff> {
  const askerId = await personForEmail(ctx, 'asker@calling-bench.example');
  const approverId = await personForEmail(ctx, 'approver@calling-bench.example');
  await ctx.database.query(
    sql`INSERT INTO call_caller_ids (campaign_id, e164, label)
        SELECT ${ctx.campaignId}, n, 'Bench' FROM unnest(${CALLER_IDS}::text[]) AS n`,
  );
  const [recording] = await ctx.database.query<{ id: number }>(
    sql`INSERT INTO call_recordings (campaign_id, name, file_name, format, uploaded_size, content_type, duration_ms, data)
        VALUES (${ctx.campaignId}, 'Message', 'message.wav', 'wav', 44, 'audio/wav', 20000, ${Buffer.alloc(44)})
        RETURNING id`,
  );
  return { askerId, approverId, recordingId: Number(recording.id) };
}

/**
 * Creates a broadcast on the list, confirms its opt-out notice and asks for its launch;
 * answers its id. `approve` then launches it (the audience frozen).
 */
export async function broadcastAwaitingApproval(
  ctx: AppContext,
  staff: CallingStaff,
  listId: number,
  settings: Partial<BroadcastInput> = {},
): Promise<number> {
  const input = broadcastInputSchema.parse({
    name: 'Appel du candidat',
    audience: { kind: 'list', listId },
    recordingId: staff.recordingId,
    windows: defaultCallingWindows,
    ...settings,
  });
  const { id } = await createBroadcast(ctx, input, staff.askerId);
  await confirmOptOutNotice(ctx, id, staff.askerId);
  await requestLaunch(ctx, id, staff.askerId);
  return id;
}

/** The second staff member's approval: the audience frozen, the broadcast running. */
export const approve = (ctx: AppContext, staff: CallingStaff, broadcastId: number) =>
  approveLaunch(ctx, broadcastId, staff.approverId);
