import { describe, expect, it } from 'vitest';
import { RecordingError } from './check.ts';
import { prepareOffThread } from './prepare-thread.ts';
import { prepareUpload } from './prepare-upload.ts';
import { mp3File, tone, wavFile } from './testing.ts';

const log = { warn: () => undefined };

describe('prepareOffThread', () => {
  it('gives what the check and conversion give on this thread, byte for byte', async () => {
    const left = tone(440, 3, 44100);
    const wav = wavFile({ sampleRate: 44100, channels: [left, left] });
    const mp3 = mp3File({ seconds: 3 });
    for (const [file, name] of [
      [wav, 'message.wav'],
      [mp3, 'message.mp3'],
    ] as const) {
      const here = await prepareUpload(file, name);
      const there = await prepareOffThread(file, name, log);
      expect(here.ok).toBe(true);
      if (!here.ok) return;
      expect(Buffer.isBuffer(there.data)).toBe(true);
      expect(there.data.equals(here.prepared.data)).toBe(true);
      expect({ ...there, data: null }).toEqual({ ...here.prepared, data: null });
    }
  });

  it('throws the refusal as the RecordingError it was: code, status and message', async () => {
    const silent = wavFile({ sampleRate: 8000, channels: [new Float64Array(8000 * 3)] });
    const here = await prepareUpload(silent, 'muet.wav');
    const refused = await prepareOffThread(silent, 'muet.wav', log).catch((error) => error);
    expect(refused).toBeInstanceOf(RecordingError);
    expect(refused).toMatchObject({ code: 'silent', status: 422 });
    expect(here.ok ? null : here.message).toBe((refused as RecordingError).message);
  });

  it('leaves this thread free while it converts', async () => {
    // 100 s at 44.1 kHz: about 0.4 s of resampling, which would stall this thread as long.
    const file = wavFile({ sampleRate: 44100, channels: [tone(440, 100, 44100)] });
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    try {
      const prepared = await prepareOffThread(file, 'long.wav', log);
      expect(prepared.durationSeconds).toBeCloseTo(100, 2);
    } finally {
      clearInterval(ticker);
      longestGap = Math.max(longestGap, performance.now() - last);
    }
    const took = performance.now() - started;
    expect(took).toBeGreaterThan(300);
    expect(longestGap).toBeLessThan(took / 2);
  });
});
