import { describe, expect, it } from 'vitest';
import { decodeMono } from './pcm.ts';
import { tone, wavFile } from './testing.ts';
import { readWav, WavError, writeWav16, type WavProblem } from './wav.ts';

const ramp = [0, 0.25, -0.25, 0.5, -0.5, 0.75, -0.75];

const problemOf = (bytes: Buffer): WavProblem | undefined => {
  try {
    readWav(bytes);
  } catch (error) {
    if (error instanceof WavError) return error.problem;
    throw error;
  }
};

describe('readWav', () => {
  it('finds fmt and data among other chunks, odd-sized ones padded or not', () => {
    const file = wavFile({
      sampleRate: 8000,
      channels: [ramp],
      before: [{ id: 'JUNK', body: Buffer.alloc(28) }],
      between: [
        { id: 'LIST', body: Buffer.from('INFOISFT\x05\x00\x00\x00Lavf\x00') },
        { id: 'bext', body: Buffer.from('odd') },
        { id: 'cue ', body: Buffer.from('xyz'), unpadded: true },
      ],
      after: [{ id: 'LIST', body: Buffer.from('INFOICMT\x03\x00\x00\x00ok\x00') }],
    });
    const wav = readWav(file);
    expect(wav.format).toMatchObject({ encoding: 'pcm', channels: 1, sampleRate: 8000 });
    expect(wav.frames).toBe(ramp.length);
    expect(Array.from(decodeMono(wav))).toEqual(ramp.map((v) => Math.round(v * 32768) / 32768));
  });

  it('reads a fmt chunk placed after the data chunk', () => {
    const normal = wavFile({ sampleRate: 8000, channels: [ramp] });
    // RIFF header, then data, then fmt: the same chunks swapped.
    const fmt = normal.subarray(12, 36);
    const data = normal.subarray(36);
    const swapped = Buffer.concat([normal.subarray(0, 12), data, fmt]);
    expect(readWav(swapped).frames).toBe(ramp.length);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE: the subformat, and 24 significant bits in 32-bit containers', () => {
    const file = wavFile({
      sampleRate: 48000,
      channels: [ramp, ramp],
      encoding: 'pcm24',
      extensible: true,
      containerBytes: 4,
    });
    const wav = readWav(file);
    expect(wav.format).toMatchObject({
      encoding: 'pcm',
      channels: 2,
      bitsPerSample: 24,
      bytesPerSample: 4,
      blockAlign: 8,
    });
    const decoded = Array.from(decodeMono(wav));
    ramp.forEach((value, i) => expect(decoded[i]).toBeCloseTo(value, 6));

    const float = readWav(
      wavFile({ sampleRate: 8000, channels: [ramp], encoding: 'float32', extensible: true }),
    );
    expect(float.format.encoding).toBe('float');
  });

  it('drops a partial last frame', () => {
    const file = wavFile({ sampleRate: 8000, channels: [ramp, ramp] });
    const cut = Buffer.concat([file, Buffer.from([1, 2])]);
    cut.writeUInt32LE(ramp.length * 4 + 2, 40);
    expect(readWav(cut).frames).toBe(ramp.length);
  });

  it('takes the samples to the end of the file when the size is the streaming placeholder', () => {
    const file = wavFile({ sampleRate: 8000, channels: [ramp], declaredDataBytes: 0xffffffff });
    expect(readWav(file).frames).toBe(ramp.length);
  });

  it('names what is wrong', () => {
    const file = wavFile({ sampleRate: 8000, channels: [tone(440, 1, 8000)] });
    expect(problemOf(file.subarray(0, 30))).toEqual({ kind: 'truncated' });
    expect(problemOf(file.subarray(0, 40))).toEqual({ kind: 'truncated' });
    expect(problemOf(file.subarray(0, 8044))).toEqual({
      kind: 'data_overrun',
      declaredBytes: 16000,
      availableBytes: 8000,
      byteRate: 16000,
    });
    expect(problemOf(wavFile({ sampleRate: 8000, channels: [ramp], formatTag: 2 }))).toEqual({
      kind: 'unsupported_encoding',
      name: 'ADPCM Microsoft',
    });
    const noRate = Buffer.from(file);
    noRate.writeUInt32LE(0, 24);
    expect(problemOf(noRate)).toMatchObject({ kind: 'bad_format' });
  });
});

describe('writeWav16', () => {
  it('writes what readWav reads back', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const wav = readWav(writeWav16(samples, 8000));
    expect(wav.format).toEqual({
      encoding: 'pcm',
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
      bytesPerSample: 2,
      blockAlign: 2,
    });
    expect(Array.from(decodeMono(wav)).map((v) => v * 32768)).toEqual(Array.from(samples));
  });
});
