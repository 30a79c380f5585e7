import { createHmac } from 'node:crypto';

/**
 * The URLs a carrier is given for a call: each carries Levier's attempt id (so callbacks
 * find their attempt whatever the carrier's id) and the campaign, under the public base URL
 * the carrier signs them with.
 */
export interface CallUrls {
  answer(attemptId: number): string;
  status(attemptId: number): string;
  machine(attemptId: number): string;
  optOut(attemptId: number): string;
  /** Where the carrier fetches a recording (an unguessable token: the carrier has no login). */
  recording(recordingId: number): string;
}

export const CALLBACK_PREFIX = '/api/calling/carrier';

/** The token of a recording's public URL. */
export const recordingToken = (secret: string, campaignId: number, recordingId: number) =>
  createHmac('sha256', secret)
    .update(`call-recording:${campaignId}:${recordingId}`)
    .digest('base64url')
    .slice(0, 32);

export function callUrls(publicUrl: string, campaignId: number, secret: string): CallUrls {
  const base = `${publicUrl}${CALLBACK_PREFIX}/${campaignId}`;
  return {
    answer: (id) => `${base}/attempts/${id}/answer`,
    status: (id) => `${base}/attempts/${id}/status`,
    machine: (id) => `${base}/attempts/${id}/machine`,
    optOut: (id) => `${base}/attempts/${id}/opt-out`,
    recording: (id) => `${base}/recordings/${id}/${recordingToken(secret, campaignId, id)}`,
  };
}
