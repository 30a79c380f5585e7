import { parseBuffer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { inspectRecording } from './check.ts';
import { prepareForCarrier } from './convert.ts';
import {
  mp3File,
  pcm16Samples,
  rms,
  tone,
  wavFile,
  zeroCrossingFrequency,
  type TestEncoding,
} from './testing.ts';

/** Inspects then prepares, as the upload will; answers the 8 kHz samples too. */
async function prepare(file: Buffer) {
  const info = await inspectRecording(file, 'message.wav');
  const prepared = prepareForCarrier(file, info);
  return { info, prepared, samples: pcm16Samples(prepared.data) };
}

/** The samples away from both ends, where the filter has its full input. */
const middle = (samples: Float64Array) => [800, samples.length - 800] as const;

describe('prepareForCarrier', () => {
  it('turns 44.1 kHz stereo into 8 kHz mono 16-bit WAV, keeping length, pitch and level', async () => {
    const left = tone(440, 3, 44100, 0.5);
    const file = wavFile({ sampleRate: 44100, channels: [left, left] });
    const { prepared, samples } = await prepare(file);

    expect(prepared.contentType).toBe('audio/wav');
    // Read by another parser than ours: what the carrier will see.
    const { format } = await parseBuffer(prepared.data, { mimeType: 'audio/wav' });
    expect(format).toMatchObject({
      container: 'WAVE',
      codec: 'PCM',
      sampleRate: 8000,
      numberOfChannels: 1,
      bitsPerSample: 16,
    });
    expect(format.duration).toBeCloseTo(3, 1);
    expect(Math.abs(prepared.durationSeconds - 3) / 3).toBeLessThan(0.01);
    expect(samples.length).toBe(24000);

    const [from, to] = middle(samples);
    expect(zeroCrossingFrequency(samples, 8000, from, to)).toBeCloseTo(440, 0);
    // A sine of amplitude 0.5 has an RMS of 0.5 / √2.
    expect(rms(samples, from, to)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('averages the channels', async () => {
    const left = tone(440, 3, 16000, 0.8);
    const silence = new Float64Array(left.length);
    const { samples } = await prepare(wavFile({ sampleRate: 16000, channels: [left, silence] }));
    const [from, to] = middle(samples);
    expect(rms(samples, from, to)).toBeCloseTo(0.4 / Math.SQRT2, 2);

    const inverted = left.map((value) => -value);
    const quad = wavFile({ sampleRate: 16000, channels: [left, left, left, inverted] });
    const { samples: mixed } = await prepare(quad);
    expect(rms(mixed, from, to)).toBeCloseTo(0.4 / Math.SQRT2, 2);
  });

  it.each([44100, 48000, 22050])(
    'keeps a 3 kHz tone and removes a 6 kHz one from %i Hz rather than folding it to 2 kHz',
    async (sampleRate) => {
      const kept = await prepare(
        wavFile({ sampleRate, channels: [tone(3000, 3, sampleRate, 0.5)] }),
      );
      const [from, to] = middle(kept.samples);
      expect(zeroCrossingFrequency(kept.samples, 8000, from, to)).toBeCloseTo(3000, -1);
      expect(rms(kept.samples, from, to) / (0.5 / Math.SQRT2)).toBeGreaterThan(0.97);

      // A 6 kHz tone plus a faint 440 Hz one, so that the file is not silent.
      const high = tone(6000, 3, sampleRate, 0.5);
      const faint = tone(440, 3, sampleRate, 0.01);
      const mixed = high.map((value, i) => value + faint[i]);
      const removed = await prepare(wavFile({ sampleRate, channels: [mixed] }));
      // What is left is the faint tone: the 6 kHz one is more than 60 dB down.
      expect(rms(removed.samples, from, to)).toBeCloseTo(0.01 / Math.SQRT2, 3);
      expect(zeroCrossingFrequency(removed.samples, 8000, from, to)).toBeCloseTo(440, -1);
    },
  );

  const encodings: [TestEncoding, number, number][] = [
    ['pcm8', 11025, 1],
    ['pcm16', 8000, 1],
    ['pcm24', 96000, 2],
    ['pcm32', 32000, 1],
    ['float32', 48000, 2],
    ['float64', 16000, 1],
    ['mulaw', 8000, 1],
    ['alaw', 8000, 2],
    ['pcm16', 6000, 1],
  ];

  it.each(encodings)('converts %s at %i Hz with %i channel(s)', async (encoding, rate, count) => {
    const samples = tone(440, 2.5, rate, 0.5);
    const file = wavFile({ sampleRate: rate, encoding, channels: Array(count).fill(samples) });
    const { prepared, samples: out } = await prepare(file);
    expect(prepared.durationSeconds).toBeCloseTo(2.5, 2);
    const [from, to] = middle(out);
    expect(zeroCrossingFrequency(out, 8000, from, to)).toBeCloseTo(440, 0);
    // 8-bit and G.711 quantisation cost a little level precision.
    expect(rms(out, from, to)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('clips floating-point samples beyond full scale rather than wrapping them', async () => {
    const loud = tone(440, 2.5, 8000, 1.5);
    const { samples } = await prepare(
      wavFile({ sampleRate: 8000, encoding: 'float32', channels: [loud] }),
    );
    expect(Math.max(...samples)).toBeCloseTo(32767 / 32768, 4);
    expect(Math.min(...samples)).toBe(-1);
    expect(samples.filter((value) => value > 0.99).length).toBeGreaterThan(2000);
  });

  it('keeps an MP3 as it is', async () => {
    const mp3 = mp3File({ seconds: 3, id3: true });
    const info = await inspectRecording(mp3, 'message.mp3');
    const prepared = prepareForCarrier(mp3, info);
    expect(prepared).toEqual({
      data: mp3,
      contentType: 'audio/mpeg',
      durationSeconds: info.durationSeconds,
    });
  });
});
