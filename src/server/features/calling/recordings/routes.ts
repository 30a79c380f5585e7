import type { FastifyPluginAsync } from 'fastify';
import { recordingsApi } from '../../../../contracts/calling-media.ts';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import { sendAudio } from './audio-reply.ts';
import {
  carrierRecordingAudio,
  deleteRecording,
  listRecordings,
  recordingAudio,
  storeRecording,
} from './service.ts';
import { receiveRecording } from './upload.ts';

/** The carrier may keep a recording a day: it never changes under its URL. */
const CARRIER_CACHE = 'public, max-age=86400';
/** Staff's browser may keep it too, asking each time whether it changed (a 304 reads nothing). */
const STAFF_CACHE = 'private, no-cache';

export const recordingRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, recordingsApi.upload, async (request) => {
      const actorId = currentAuth(request).personId;
      const upload = await receiveRecording(request, ctx.config.IMPORT_LIMIT_BYTES);
      const recording = await storeRecording(ctx, upload, actorId);
      await audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId,
        action: 'calling.recording.upload',
        target: `call_recording:${recording.id}`,
        details: {
          name: recording.name,
          fileName: recording.fileName,
          format: recording.format,
          size: upload.data.length,
          durationSeconds: recording.durationSeconds,
        },
        ip: request.ip,
      });
      return recording;
    });

    serve(app, recordingsApi.list, async () => ({ items: await listRecordings(ctx) }));

    serve(app, recordingsApi.audio, async (request, reply) =>
      sendAudio(request, reply, await recordingAudio(ctx, request.params.id), STAFF_CACHE),
    );

    serve(app, recordingsApi.delete, async (request) => {
      const { name } = await deleteRecording(ctx, request.params.id);
      await audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId: currentAuth(request).personId,
        action: 'calling.recording.delete',
        target: `call_recording:${request.params.id}`,
        details: { name },
        ip: request.ip,
      });
      return { ok: true as const };
    });

    serve(app, recordingsApi.carrierAudio, async (request, reply) =>
      sendAudio(request, reply, await carrierRecordingAudio(ctx, request.params), CARRIER_CACHE),
    );
  };
