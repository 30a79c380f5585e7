/** Samples of a WAV file as numbers in [-1, 1], and back to 16-bit integers. */
import type { WavFile } from './wav.ts';

/** G.711 mu-law byte → 16-bit linear value (ITU-T G.711, as Sun's reference g711.c does it). */
function muLawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const magnitude = (((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 0x07);
  return u & 0x80 ? 0x84 - magnitude : magnitude - 0x84;
}

/** G.711 A-law byte → 16-bit linear value. */
function aLawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const segment = (a >> 4) & 0x07;
  let magnitude = (a & 0x0f) << 4;
  if (segment === 0) magnitude += 8;
  else magnitude = (magnitude + 0x108) << (segment - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

const byteTable = (decode: (byte: number) => number) =>
  Float32Array.from({ length: 256 }, (_, byte) => decode(byte) / 32768);

const muLaw = byteTable(muLawToLinear);
const aLaw = byteTable(aLawToLinear);
const unsigned8 = byteTable((byte) => (byte - 128) * 256);

/** One reader of a sample at a byte offset, per encoding and size. */
function sampleReader(wav: WavFile): (view: DataView, offset: number) => number {
  const { encoding, bytesPerSample } = wav.format;
  if (encoding === 'mulaw') return (view, at) => muLaw[view.getUint8(at)];
  if (encoding === 'alaw') return (view, at) => aLaw[view.getUint8(at)];
  if (encoding === 'float') {
    const read =
      bytesPerSample === 8
        ? (view: DataView, at: number) => view.getFloat64(at, true)
        : (view: DataView, at: number) => view.getFloat32(at, true);
    // NaN or infinity from a broken encoder would poison the filter's every later sample.
    return (view, at) => {
      const value = read(view, at);
      return Number.isFinite(value) ? value : 0;
    };
  }
  switch (bytesPerSample) {
    case 1:
      return (view, at) => unsigned8[view.getUint8(at)];
    case 2:
      return (view, at) => view.getInt16(at, true) / 0x8000;
    case 3:
      return (view, at) =>
        ((view.getInt8(at + 2) << 16) | (view.getUint8(at + 1) << 8) | view.getUint8(at)) /
        0x800000;
    default:
      return (view, at) => view.getInt32(at, true) / 0x80000000;
  }
}

/** The file's samples, its channels averaged into one. */
export function decodeMono(wav: WavFile): Float32Array {
  const { channels, bytesPerSample, blockAlign } = wav.format;
  const view = new DataView(wav.data.buffer, wav.data.byteOffset, wav.data.byteLength);
  const read = sampleReader(wav);
  const mono = new Float32Array(wav.frames);
  for (let frame = 0; frame < wav.frames; frame++) {
    const start = frame * blockAlign;
    let sum = 0;
    for (let channel = 0; channel < channels; channel++) {
      sum += read(view, start + channel * bytesPerSample);
    }
    mono[frame] = sum / channels;
  }
  return mono;
}

/** Samples in [-1, 1] as 16-bit integers; louder ones are clipped. */
export function toPcm16(samples: Float32Array): Int16Array {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    pcm[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767)));
  }
  return pcm;
}

/**
 * The largest distance of a sample from the samples' mean: a recording with a constant offset
 * (a cheap sound card's DC bias) and nothing else is as silent as one of zeros.
 */
export function peakDeviation(samples: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i];
  const mean = samples.length ? sum / samples.length : 0;
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i] - mean));
  return peak;
}
