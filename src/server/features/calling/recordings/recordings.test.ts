import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../../../contracts/calling-media.ts';
import {
  Browser,
  createCampaignApp,
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type TestApp,
} from '../../../testing/harness.ts';
import { multipartUpload as fieldUpload } from '../../../testing/multipart.ts';
import { CALLBACK_PREFIX, callUrls, recordingToken } from '../broadcasts/call-urls.ts';
import { recordingLimits } from './check.ts';
import { mp3File, tone, wavFile } from './testing.ts';

/** Low, so that busboy's limit for recordings is its floor: twice the accepted size. */
const IMPORT_LIMIT_BYTES = 8192;
const MiB = 1024 * 1024;

const PDF_BYTES = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
  Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7) % 256)),
]);

/** 3 s of a 440 Hz tone, 44.1 kHz stereo 16-bit: what a recorder or Audacity exports. */
const STUDIO_WAV = (() => {
  const left = tone(440, 3, 44100);
  return wavFile({ sampleRate: 44100, channels: [left, left] });
})();

const problemOf = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  code: (response.json() as { code?: string }).code,
});

function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response.json() as T;
}

/** « 10,7 Mo »: a size as refusal.ts writes it, rounded up. */
const megabytes = (bytes: number) =>
  `${String(Math.ceil((bytes / MiB) * 10) / 10).replace('.', ',')} Mo`;

describe.each(engines)('recordings over HTTP (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let staffId: number;

  const upload = (file: Buffer, fileName: string, fields: Record<string, string> = {}) => {
    const { body, headers } = fieldUpload(fields, file, fileName);
    return staff.request('POST', '/api/calling/recordings', body, headers);
  };
  const uploaded = async (file: Buffer, fileName: string, name: string) =>
    expectStatus<Recording>(await upload(file, fileName, { name }), 201);

  const stored = async (id: number) => {
    const [row] = await t.ctx.database.query<{
      name: string;
      file_name: string;
      format: string;
      uploaded_size: number;
      content_type: string;
      duration_ms: number;
      data: Uint8Array;
      created_by: number;
    }>(
      `SELECT name, file_name, format, uploaded_size, content_type, duration_ms, data, created_by::int
         FROM call_recordings WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, id],
    );
    return row && { ...row, data: Buffer.from(row.data) };
  };
  const recordingCount = async () => {
    const [row] = await t.ctx.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM call_recordings WHERE campaign_id = $1',
      [t.ctx.campaignId],
    );
    return row.n;
  };
  const auditOf = (action: string) =>
    t.ctx.database.query<{ actor_id: number; target: string; details: Record<string, unknown> }>(
      `SELECT actor_id::int, target, details FROM audit_log
        WHERE campaign_id = $1 AND action = $2 ORDER BY id`,
      [t.ctx.campaignId, action],
    );
  /** The path of the URL the dialler gives the carrier for this recording. */
  const carrierPath = (id: number) =>
    callUrls(t.ctx.config.publicUrl, t.ctx.campaignId, t.ctx.config.sessionSecret)
      .recording(id)
      .slice(t.ctx.config.publicUrl.length);
  const anonymous = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  /**
   * A broadcast row using recordings. Ended ones ended two days ago: the calling worker starts
   * its loops for a broadcast running or ended within a day, and they would work on these rows.
   */
  const insertBroadcast = async (
    status: string,
    recording: { recordingId?: number; machineRecordingId?: number },
  ) => {
    const [row] = await t.ctx.database.query<{ id: number }>(
      `INSERT INTO call_broadcasts (campaign_id, name, status, audience_kind, recording_id,
          machine_recording_id, windows, max_concurrent, calls_per_second, ramp_seconds,
          max_attempts, retry_minutes, ring_seconds, answer_rate_floor_percent, finished_at)
       VALUES ($1, $2, $3, 'segment', $4, $5, '{}'::jsonb, 10, 1, 0, 1, 60, 25, 5,
               CASE WHEN $3 IN ('completed', 'canceled') THEN now() - interval '2 days' END)
       RETURNING id::int`,
      [
        t.ctx.campaignId,
        `Diffusion ${status}`,
        status,
        recording.recordingId ?? null,
        recording.machineRecordingId ?? null,
      ],
    );
    return row.id;
  };
  const endBroadcast = (id: number, status: 'completed' | 'canceled') =>
    t.ctx.database.query(
      `UPDATE call_broadcasts SET status = $3, finished_at = now() - interval '2 days'
        WHERE campaign_id = $1 AND id = $2`,
      [t.ctx.campaignId, id, status],
    );

  beforeAll(async () => {
    t = await createTestApp(engine, { IMPORT_LIMIT_BYTES: String(IMPORT_LIMIT_BYTES) });
    staff = await staffBrowser(t, 'recordings@calling.example', ['staff']);
    staffId = (await staff.session()).me!.personId;
  }, 60_000);
  afterAll(() => t?.close());

  it('converts a WAV upload to 8 kHz mono 16-bit and stores it with what was sent', async () => {
    const recording = await uploaded(STUDIO_WAV, 'Appel du maire.wav', 'Appel du maire');
    expect(recording).toEqual({
      id: expect.any(Number),
      name: 'Appel du maire',
      fileName: 'Appel du maire.wav',
      format: 'wav',
      durationSeconds: 3,
      contentType: 'audio/wav',
      createdAt: expect.any(String),
    });

    const row = await stored(recording.id);
    expect(row).toMatchObject({
      name: 'Appel du maire',
      file_name: 'Appel du maire.wav',
      format: 'wav',
      uploaded_size: STUDIO_WAV.length,
      content_type: 'audio/wav',
      duration_ms: 3000,
      created_by: staffId,
    });
    const { data } = row;
    expect(data.toString('latin1', 0, 4)).toBe('RIFF');
    expect(data.toString('latin1', 8, 12)).toBe('WAVE');
    expect(data.readUInt16LE(20)).toBe(1); // PCM
    expect(data.readUInt16LE(22)).toBe(1); // mono
    expect(data.readUInt32LE(24)).toBe(8000);
    expect(data.readUInt16LE(34)).toBe(16);
    expect(data.readUInt32LE(40)).toBe(3 * 8000 * 2);
    expect(data.length).toBe(44 + 3 * 8000 * 2);

    expect(await auditOf('calling.recording.upload')).toContainEqual({
      actor_id: staffId,
      target: `call_recording:${recording.id}`,
      details: {
        name: 'Appel du maire',
        fileName: 'Appel du maire.wav',
        format: 'wav',
        size: STUDIO_WAV.length,
        durationSeconds: 3,
      },
    });
  });

  it('keeps an MP3 upload as it is, and names a recording after its file when no name is given', async () => {
    const mp3 = mp3File({ seconds: 4, id3: true });
    const recording = expectStatus<Recording>(await upload(mp3, 'C:\\Messages\\rappel.mp3'), 201);
    expect(recording).toMatchObject({
      name: 'rappel',
      fileName: 'rappel.mp3',
      format: 'mp3',
      contentType: 'audio/mpeg',
    });
    expect(recording.durationSeconds).toBeCloseTo(4, 1);
    const row = await stored(recording.id);
    expect(row).toMatchObject({ format: 'mp3', content_type: 'audio/mpeg' });
    expect(row.uploaded_size).toBe(mp3.length);
    expect(row.data.equals(mp3)).toBe(true);
  });

  it.each([
    ['not_audio', 422, PDF_BYTES, 'tract.pdf', 'un document PDF'],
    [
      'unsupported_audio',
      422,
      Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(2000)]),
      'message.flac',
      'FLAC',
    ],
    ['corrupt_audio', 422, STUDIO_WAV.subarray(0, 30), 'coupé.wav', 'incomplet'],
    [
      'too_short',
      422,
      wavFile({ sampleRate: 8000, channels: [tone(440, 1, 8000)] }),
      'court.wav',
      'au moins 2 s',
    ],
    [
      'too_long',
      422,
      wavFile({ sampleRate: 8000, channels: [tone(440, 125, 8000)], encoding: 'pcm8' }),
      'long.wav',
      '2 min',
    ],
    [
      'silent',
      422,
      wavFile({ sampleRate: 8000, channels: [new Float64Array(24000)] }),
      'muet.wav',
      'silence',
    ],
  ] as const)(
    'refuses %s (%i) with a French sentence naming the file, and stores nothing',
    async (code, status, file, fileName, words) => {
      const before = await recordingCount();
      const response = await upload(file, fileName, { name: 'Refusé' });
      expect(problemOf(response)).toEqual({ status, code });
      expect(response.headers['content-type']).toContain('application/problem+json');
      const { detail } = response.json() as { detail: string };
      expect(detail).toContain(`« ${fileName} »`);
      expect(detail).toContain(words);
      expect(await recordingCount()).toBe(before);
    },
  );

  it('refuses a file over 10 MB as too_large (413) from its own check, naming its size', async () => {
    const before = await recordingCount();
    const mp3 = mp3File({ seconds: 700 });
    expect(mp3.length).toBeGreaterThan(recordingLimits.maxBytes);
    const response = await upload(mp3, 'discours.mp3', { name: 'Trop lourd' });
    expect(problemOf(response)).toEqual({ status: 413, code: 'too_large' });
    const { detail } = response.json() as { detail: string };
    expect(detail).toContain(`pèse ${megabytes(mp3.length)}, au-delà de la limite de 10 Mo`);

    // Past busboy's own limit (twice the accepted size here), the request's length is named.
    const huge = mp3File({ seconds: 1400 });
    const { body, headers } = fieldUpload({ name: 'Énorme' }, huge, 'énorme.mp3');
    const cut = await staff.request('POST', '/api/calling/recordings', body, headers);
    expect(problemOf(cut)).toEqual({ status: 413, code: 'too_large' });
    expect((cut.json() as { detail: string }).detail).toContain(`pèse ${megabytes(body.length)}`);

    // A large file that is no recording is named for what it is.
    const bigPdf = Buffer.concat([PDF_BYTES, Buffer.alloc(11 * MiB)]);
    expect(problemOf(await upload(bigPdf, 'gros.pdf'))).toEqual({ status: 422, code: 'not_audio' });
    expect(await recordingCount()).toBe(before);
  });

  it('asks for the file, and refuses a name on two lines', async () => {
    const { body, headers } = fieldUploadWithoutFile({ name: 'Sans fichier' });
    const noFile = await staff.request('POST', '/api/calling/recordings', body, headers);
    expect(problemOf(noFile)).toEqual({ status: 400, code: 'file_required' });
    const twoLines = await upload(STUDIO_WAV, 'a.wav', { name: 'Ligne\nautre' });
    expect(problemOf(twoLines)).toEqual({ status: 400, code: 'validation_failed' });
    expect(twoLines.json()).toMatchObject({ errors: [{ field: 'name' }] });
  });

  it('lists recordings newest first, without their audio', async () => {
    const first = await uploaded(STUDIO_WAV, 'un.wav', 'Premier');
    const second = await uploaded(mp3File({ seconds: 3 }), 'deux.mp3', 'Second');
    const { items } = expectStatus<{ items: Recording[] }>(
      await staff.get('/api/calling/recordings'),
      200,
    );
    expect(items.map((item) => item.id).slice(0, 2)).toEqual([second.id, first.id]);
    expect(items[0]).toEqual(second);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(
        ['contentType', 'createdAt', 'durationSeconds', 'fileName', 'format', 'id', 'name'].sort(),
      );
    }
  });

  it('lets staff listen to the converted audio, by byte ranges too; not supporters', async () => {
    const recording = await uploaded(STUDIO_WAV, 'écoute.wav', 'Écoute');
    const { data } = await stored(recording.id);
    const url = `/api/calling/recordings/${recording.id}/audio`;

    const whole = await staff.get(url);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/wav');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.equals(data)).toBe(true);

    const head = await staff.request('GET', url, undefined, { range: 'bytes=0-43' });
    expect(head.statusCode).toBe(206);
    expect(head.headers['content-range']).toBe(`bytes 0-43/${data.length}`);
    expect(head.rawPayload.equals(data.subarray(0, 44))).toBe(true);
    const tail = await staff.request('GET', url, undefined, { range: 'bytes=-10' });
    expect(tail.rawPayload.equals(data.subarray(data.length - 10))).toBe(true);
    const beyond = await staff.request('GET', url, undefined, { range: `bytes=${data.length}-` });
    expect(beyond.statusCode).toBe(416);

    const supporter = await supporterBrowser(t, 'soutien@calling.example');
    expect(problemOf(await supporter.browser.get(url))).toEqual({ status: 403, code: 'forbidden' });
    const finance = await staffBrowser(t, 'finance@calling.example', ['finance']);
    expect(problemOf(await finance.get(url))).toEqual({ status: 403, code: 'forbidden' });
    expect(problemOf(await anonymous(url))).toEqual({ status: 401, code: 'unauthenticated' });
    expect(problemOf(await staff.get('/api/calling/recordings/999999/audio'))).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it('serves the carrier the audio by its tokened URL, without login, cached a day', async () => {
    const recording = await uploaded(STUDIO_WAV, 'diffusion.wav', 'Diffusion');
    const { data } = await stored(recording.id);
    const path = carrierPath(recording.id);
    expect(
      path.startsWith(`${CALLBACK_PREFIX}/${t.ctx.campaignId}/recordings/${recording.id}/`),
    ).toBe(true);

    const served = await anonymous(path);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('audio/wav');
    expect(served.headers['cache-control']).toBe('public, max-age=86400');
    const etag = served.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(served.rawPayload.equals(data)).toBe(true);

    const again = await anonymous(path, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const otherEtag = await anonymous(path, { 'if-none-match': '"autre"' });
    expect(otherEtag.statusCode).toBe(200);
  });

  it('answers 404 to a wrong token, another recording’s token and another campaign’s URL', async () => {
    const recording = await uploaded(STUDIO_WAV, 'secret.wav', 'Secret');
    const other = await uploaded(mp3File({ seconds: 3 }), 'autre.mp3', 'Autre');
    const { campaignId, config } = t.ctx;
    const secret = config.sessionSecret;
    const base = `${CALLBACK_PREFIX}/${campaignId}/recordings/${recording.id}`;
    const token = recordingToken(secret, campaignId, recording.id);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const url of [
      `${base}/${flipped}`,
      `${base}/${token.slice(0, 10)}`,
      `${base}/${recordingToken(secret, campaignId, other.id)}`,
      `${base}/${recordingToken('another secret', campaignId, recording.id)}`,
      `${CALLBACK_PREFIX}/${campaignId + 1}/recordings/${recording.id}/${recordingToken(secret, campaignId + 1, recording.id)}`,
    ]) {
      expect(problemOf(await anonymous(url)), url).toEqual({ status: 404, code: 'not_found' });
    }

    const otherCampaign = await createCampaignApp(t, 'Autre campagne (messages)');
    try {
      const theirs = otherCampaign.ctx.campaignId;
      for (const url of [
        // Our URL, asked of the other campaign's server.
        carrierPath(recording.id),
        // A URL well formed for the other campaign, for our recording.
        `${CALLBACK_PREFIX}/${theirs}/recordings/${recording.id}/${recordingToken(secret, theirs, recording.id)}`,
      ]) {
        const response = await otherCampaign.app.inject({ method: 'GET', url });
        expect(problemOf(response), url).toEqual({ status: 404, code: 'not_found' });
      }
      const theirStaff = await staffBrowser(otherCampaign, 'hq@other-recordings.example', [
        'staff',
      ]);
      expect((await theirStaff.get('/api/calling/recordings')).json()).toEqual({ items: [] });
      for (const response of [
        await theirStaff.get(`/api/calling/recordings/${recording.id}/audio`),
        await theirStaff.delete(`/api/calling/recordings/${recording.id}`),
      ]) {
        expect(problemOf(response)).toEqual({ status: 404, code: 'not_found' });
      }
      expect(await stored(recording.id)).toBeDefined();
    } finally {
      await otherCampaign.close();
    }
  });

  // 'running' is refused by the same condition as 'paused' (any status but completed and
  // canceled); a running row without targets would be finished by the calling worker meanwhile.
  it('refuses to delete a recording a broadcast still to finish plays, then deletes it', async () => {
    const message = await uploaded(STUDIO_WAV, 'message.wav', 'Message');
    const machine = await uploaded(mp3File({ seconds: 3 }), 'répondeur.mp3', 'Répondeur');
    const paused = await insertBroadcast('paused', { recordingId: message.id });
    await insertBroadcast('awaiting_approval', { recordingId: message.id });
    const draft = await insertBroadcast('draft', { machineRecordingId: machine.id });
    await insertBroadcast('completed', { recordingId: machine.id });

    for (const recording of [message, machine]) {
      const refused = await staff.delete(`/api/calling/recordings/${recording.id}`);
      expect(problemOf(refused)).toEqual({ status: 409, code: 'recording_in_use' });
      expect(await stored(recording.id)).toBeDefined();
    }
    expect((await staff.delete(`/api/calling/recordings/${message.id}`)).json()).toMatchObject({
      detail: expect.stringContaining('« Diffusion paused », « Diffusion awaiting_approval »'),
    });

    await endBroadcast(draft, 'canceled');
    expect(expectStatus(await staff.delete(`/api/calling/recordings/${machine.id}`), 200)).toEqual({
      ok: true,
    });
    expect(await stored(machine.id)).toBeUndefined();
    expect(problemOf(await anonymous(carrierPath(machine.id)))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(problemOf(await staff.delete(`/api/calling/recordings/${machine.id}`))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(await auditOf('calling.recording.delete')).toEqual([
      { actor_id: staffId, target: `call_recording:${machine.id}`, details: { name: 'Répondeur' } },
    ]);

    await endBroadcast(paused, 'completed');
    expect(problemOf(await staff.delete(`/api/calling/recordings/${message.id}`))).toEqual({
      status: 409,
      code: 'recording_in_use',
    });
    await t.ctx.database.query(
      `UPDATE call_broadcasts SET status = 'draft' WHERE campaign_id = $1 AND status = 'awaiting_approval'`,
      [t.ctx.campaignId],
    );
    expect(problemOf(await staff.delete(`/api/calling/recordings/${message.id}`))).toEqual({
      status: 409,
      code: 'recording_in_use',
    });
    await t.ctx.database.query(
      `UPDATE call_broadcasts SET status = 'canceled', finished_at = now() - interval '2 days'
        WHERE campaign_id = $1 AND status = 'draft'`,
      [t.ctx.campaignId],
    );
    expect((await staff.delete(`/api/calling/recordings/${message.id}`)).statusCode).toBe(200);
  });
});

/** A multipart body with a `name` field and no file. */
function fieldUploadWithoutFile(fields: Record<string, string>) {
  const boundary = '----levierSansFichier';
  const body = Buffer.from(
    Object.entries(fields)
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`,
  );
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
