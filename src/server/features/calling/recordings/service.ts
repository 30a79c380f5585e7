import { sql, type SQL } from 'drizzle-orm';
import type { Recording } from '../../../../contracts/calling-media.ts';
import type { AppContext } from '../../../core/context.ts';
import { safeEqual } from '../../../core/crypto.ts';
import { conflict, notFound } from '../../../core/http/errors.ts';
import { recordingToken } from '../broadcasts/call-urls.ts';
import { prepareOffThread } from './prepare-thread.ts';
import type { ReceivedRecording } from './upload.ts';

interface RecordingRow {
  id: number;
  name: string;
  file_name: string;
  format: 'wav' | 'mp3';
  content_type: string;
  duration_ms: number;
  created_at: Date;
}

const COLUMNS = sql`id, name, file_name, format, content_type, duration_ms, created_at`;

const toRecording = (row: RecordingRow): Recording => ({
  id: Number(row.id),
  name: row.name,
  fileName: row.file_name,
  format: row.format,
  durationSeconds: row.duration_ms / 1000,
  contentType: row.content_type,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Checks and converts an upload (off the server's thread), then stores it. */
export async function storeRecording(
  ctx: AppContext,
  upload: ReceivedRecording,
  createdBy: number,
): Promise<Recording> {
  const prepared = await prepareOffThread(upload.data, upload.fileName, ctx.log);
  const [row] = await ctx.database.query<RecordingRow>(
    sql`INSERT INTO call_recordings (campaign_id, name, file_name, format, uploaded_size, content_type,
          duration_ms, data, created_by)
        VALUES (${ctx.campaignId}, ${upload.name}, ${upload.fileName}, ${prepared.format},
          ${upload.data.length}, ${prepared.contentType}, ${Math.round(prepared.durationSeconds * 1000)},
          ${prepared.data}, ${createdBy})
        RETURNING ${COLUMNS}`,
  );
  return toRecording(row);
}

export async function listRecordings(ctx: AppContext): Promise<Recording[]> {
  const rows = await ctx.database.query<RecordingRow>(
    sql`SELECT ${COLUMNS} FROM call_recordings WHERE campaign_id = ${ctx.campaignId}
         ORDER BY created_at DESC, id DESC`,
  );
  return rows.map(toRecording);
}

/** What an audio answer needs before its bytes: enough to answer a conditional request. */
export interface AudioHead {
  contentType: string;
  /** Stored once and never changed: the row's id and creation make a strong validator. */
  etag: string;
  size: number;
}

export interface StoredAudio {
  head: AudioHead;
  /** Reads the bytes (up to 10 MB: only when they are to be sent). */
  read(): Promise<Buffer>;
}

/** A recording's audio, or 404. */
export async function recordingAudio(ctx: AppContext, id: number): Promise<StoredAudio> {
  const [row] = await ctx.database.query<{
    content_type: string;
    created_at: Date;
    size: number;
  }>(
    sql`SELECT content_type, created_at, octet_length(data)::int AS size FROM call_recordings
         WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
  );
  if (!row) throw notFound('recording');
  const version = new Date(row.created_at).getTime().toString(36);
  return {
    head: {
      contentType: row.content_type,
      etag: `"${ctx.campaignId}-${id}-${version}"`,
      size: row.size,
    },
    async read() {
      const [found] = await ctx.database.query<{ data: Uint8Array }>(
        sql`SELECT data FROM call_recordings WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
      );
      if (!found) throw notFound('recording');
      const data = found.data;
      return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    },
  };
}

/**
 * The audio the carrier fetches: only by the URL call-urls.ts gives it (this campaign, the
 * recording's token), else 404 whatever was wrong, so that a guess learns nothing.
 */
export function carrierRecordingAudio(
  ctx: AppContext,
  params: { campaignId: number; id: number; token: string },
): Promise<StoredAudio> {
  const expected = recordingToken(ctx.config.sessionSecret, ctx.campaignId, params.id);
  if (params.campaignId !== ctx.campaignId || !safeEqual(params.token, expected)) {
    throw notFound('recording');
  }
  return recordingAudio(ctx, params.id);
}

/**
 * Deletes a recording that no broadcast still to finish plays (as its message or its message
 * for answering machines); one statement, so that the check and the deletion see one state.
 */
export async function deleteRecording(ctx: AppContext, id: number): Promise<{ name: string }> {
  for (;;) {
    const [deleted] = await ctx.database.query<{ name: string }>(
      sql`DELETE FROM call_recordings r
           WHERE r.campaign_id = ${ctx.campaignId} AND r.id = ${id}
             AND NOT EXISTS (${broadcastsUsing(ctx.campaignId, id, sql`1`)})
          RETURNING r.name`,
    );
    if (deleted) return deleted;
    const [exists] = await ctx.database.query(
      sql`SELECT 1 FROM call_recordings WHERE campaign_id = ${ctx.campaignId} AND id = ${id}`,
    );
    if (!exists) throw notFound('recording');
    const users = await ctx.database.query<{ name: string }>(
      broadcastsUsing(ctx.campaignId, id, sql`b.name`),
    );
    // Otherwise the broadcast that used it ended in between: try again.
    if (users.length > 0) throw recordingInUse(users.map((user) => user.name));
  }
}

const broadcastsUsing = (campaignId: number, recordingId: number, select: SQL) =>
  sql`SELECT ${select} FROM call_broadcasts b
       WHERE b.campaign_id = ${campaignId} AND b.status NOT IN ('completed', 'canceled')
         AND ${recordingId} IN (b.recording_id, b.machine_recording_id)
       ORDER BY b.created_at, b.id`;

function recordingInUse(broadcasts: string[]) {
  const names = broadcasts.map((name) => `« ${name} »`).join(', ');
  return conflict(
    'recording_in_use',
    broadcasts.length === 1
      ? `Ce message est utilisé par une diffusion en cours ou à venir, ${names} : choisissez-y un autre message, ou annulez-la, avant de le supprimer.`
      : `Ce message est utilisé par des diffusions en cours ou à venir, ${names} : choisissez-y un autre message, ou annulez-les, avant de le supprimer.`,
  );
}
