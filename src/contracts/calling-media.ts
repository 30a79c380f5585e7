/**
 * What voice broadcasts play and show: recorded messages (checked and converted on upload) and
 * the caller IDs they present, with the public address the carrier fetches a recording from.
 */
import { z } from 'zod';
import { idParamSchema, okSchema } from './common.ts';
import { defineRoute } from './route.ts';

/** A name or label: one line (a tab or line break would be typed by mistake). */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .regex(/^[^\r\n\t]*$/, 'invalid_characters');

export const recordingNameSchema = oneLine(120).min(1, 'required');

export const recordingSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The uploaded file's name. */
  fileName: z.string(),
  /** The uploaded file's format; a WAV file is played as 8 kHz mono WAV, an MP3 file as sent. */
  format: z.enum(['wav', 'mp3']),
  durationSeconds: z.number(),
  /** What the carrier is given: audio/wav or audio/mpeg. */
  contentType: z.string(),
  createdAt: z.string(),
});
export type Recording = z.infer<typeof recordingSchema>;

export const recordingListSchema = z.object({ items: z.array(recordingSchema) });

/** The recording's URL for the carrier: the campaign, the recording and its token. */
export const carrierRecordingParamsSchema = z.object({
  campaignId: z.coerce.number().int().positive(),
  id: z.coerce.number().int().positive(),
  token: z.string(),
});

export const callerIdInputSchema = z
  .object({
    /** As written: "01 62 12 34 56", "+33 1 62 12 34 56", "0033162123456"… */
    e164: z.string().trim().min(1, 'required').max(40, 'too_long'),
    label: oneLine(80)
      .nullish()
      .transform((label) => label || null),
  })
  .strict();
export type CallerIdInput = z.input<typeof callerIdInputSchema>;

export const callerIdSchema = z.object({
  id: z.number(),
  e164: z.string(),
  label: z.string().nullable(),
  pausedAt: z.string().nullable(),
  /** 'staff' (paused by hand), or the watch's reason when it paused a number it found shunned. */
  pauseReason: z.string().nullable(),
  createdAt: z.string(),
  /** Its calls that ended (completed, busy, no answer, failed), of its last 200: at most 200. */
  recentEndedCalls: z.number().int(),
  /** Percent of those answered (completed), one decimal; null under 20 ended calls. */
  answerRatePercent: z.number().nullable(),
});
export type CallerId = z.infer<typeof callerIdSchema>;

export const callerIdListSchema = z.object({ items: z.array(callerIdSchema) });

const tags = ['calling'] as const;
const manage = { permission: 'calling.manage' } as const;
const audio = ['audio/wav', 'audio/mpeg'] as const;
const audioBody = z.string().describe('The recording (WAV or MP3), as the carrier plays it');

/** Recorded messages: upload, list, listen, delete; and the carrier's copy. */
export const recordingsApi = {
  upload: defineRoute({
    method: 'POST',
    path: '/api/calling/recordings',
    summary:
      'Upload a recorded message (WAV or MP3, 2 s to 2 min, 10 MB at most): checked, and a WAV converted to 8 kHz mono (audited)',
    tags,
    access: manage,
    upload: {
      file: 'The message: a WAV file (PCM 8 to 32 bits, float, mu-law or A-law) or an MP3 file, recognised by its content whatever its name.',
      fields: {
        name: {
          description: 'The name staff will know it by (the file’s name when left out).',
          schema: recordingNameSchema,
        },
      },
    },
    problems: {
      400: '`file_required`: no `file` part.',
      413: '`too_large`: the file is over 10 MB (its size is named in `detail`).',
      422: '`not_audio`, `unsupported_audio`, `corrupt_audio`, `too_short`, `too_long` or `silent`: `detail` says, in French, what is wrong with the file and what to send instead.',
    },
    response: { 201: recordingSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/calling/recordings',
    summary: 'The recorded messages, newest first',
    tags,
    access: manage,
    response: { 200: recordingListSchema },
  }),
  audio: defineRoute({
    method: 'GET',
    path: '/api/calling/recordings/:id/audio',
    summary: 'Listen to a recorded message, as the carrier will play it (byte ranges accepted)',
    tags,
    access: manage,
    params: idParamSchema,
    produces: audio,
    response: { 200: audioBody },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/calling/recordings/:id',
    summary: 'Delete a recorded message no broadcast still to finish uses (audited)',
    tags,
    access: manage,
    params: idParamSchema,
    problems: {
      409: '`recording_in_use`: a broadcast that is not completed or canceled plays it (named in `detail`).',
    },
    response: { 200: okSchema },
  }),
  /**
   * The carrier's copy: no login (the carrier has none), the token in the path instead
   * (calling/broadcasts/call-urls.ts builds the URL). Cached for a day; conditional requests
   * with the ETag get 304.
   */
  carrierAudio: defineRoute({
    method: 'GET',
    path: '/api/calling/carrier/:campaignId/recordings/:id/:token',
    summary:
      'A recorded message for the carrier, by its tokened URL (404 for a wrong token or campaign)',
    tags,
    access: { public: true },
    params: carrierRecordingParamsSchema,
    produces: audio,
    problems: {
      404: '`not_found`: no such recording, a wrong token, or another campaign’s URL (one answer for all).',
    },
    response: { 200: audioBody },
  }),
};

const RANGES =
  '(metropolitan 0162, 0163, 0270, 0271, 0377, 0378, 0424, 0425, 0568, 0569, 0948, 0949; overseas 09475–09479)';

/** The numbers broadcasts present, and how each is received. */
export const callerIdsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/calling/caller-ids',
    summary: 'The caller IDs, each with its answer rate over its last 200 ended calls',
    tags,
    access: manage,
    response: { 200: callerIdListSchema },
  }),
  add: defineRoute({
    method: 'POST',
    path: '/api/calling/caller-ids',
    summary: `Add a caller ID from the ranges reserved to automated calls ${RANGES} (audited)`,
    tags,
    access: manage,
    body: callerIdInputSchema,
    problems: {
      409: '`caller_id_exists`: the campaign has this number already.',
      422: '`not_a_number` or `not_verified_range`: `detail` (French, then English) names the reserved ranges.',
    },
    response: { 201: callerIdSchema },
  }),
  pause: defineRoute({
    method: 'POST',
    path: '/api/calling/caller-ids/:id/pause',
    summary: 'Stop presenting a caller ID (audited; nothing changes when it is paused already)',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: callerIdSchema },
  }),
  resume: defineRoute({
    method: 'POST',
    path: '/api/calling/caller-ids/:id/resume',
    summary: 'Present a paused caller ID again, whoever paused it (audited)',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: callerIdSchema },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/calling/caller-ids/:id',
    summary: 'Remove a caller ID: broadcasts stop presenting it (audited)',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: okSchema },
  }),
};
