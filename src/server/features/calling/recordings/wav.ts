/**
 * WAV (RIFF/WAVE) files: finding the `fmt ` and `data` chunks among the others (LIST, bext,
 * cue…), reading WAVE_FORMAT_EXTENSIBLE, and writing a plain 16-bit PCM file.
 */

export type WavEncoding = 'pcm' | 'float' | 'mulaw' | 'alaw';

export interface WavFormat {
  encoding: WavEncoding;
  channels: number;
  sampleRate: number;
  /** Significant bits of a sample (24 for 24-bit audio stored in 32-bit containers). */
  bitsPerSample: number;
  /** Bytes one sample of one channel takes in the file. */
  bytesPerSample: number;
  /** Bytes of one frame (one sample of every channel). */
  blockAlign: number;
}

export interface WavFile {
  format: WavFormat;
  /** The samples: whole frames only (a partial last frame is left out). */
  data: Buffer;
  frames: number;
}

/** Why a RIFF/WAVE file cannot be read. */
export type WavProblem =
  /** The file ends before its `fmt ` chunk or the start of its `data` chunk. */
  | { kind: 'truncated' }
  /** The `data` chunk declares more bytes than the file holds after it. */
  | { kind: 'data_overrun'; declaredBytes: number; availableBytes: number; byteRate: number }
  /** The `fmt ` chunk contradicts itself (no channels, no sample rate, odd sample size). */
  | { kind: 'bad_format'; detail: string }
  /** A compressed or exotic encoding (ADPCM, GSM, MP3 in WAV…). */
  | { kind: 'unsupported_encoding'; name: string };

export class WavError extends Error {
  constructor(readonly problem: WavProblem) {
    super(`Unreadable WAV file: ${problem.kind}`);
    this.name = 'WavError';
  }
}

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_ALAW = 0x0006;
const WAVE_FORMAT_MULAW = 0x0007;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Written by streaming encoders (ffmpeg to a pipe) that cannot go back to fill the size in. */
const UNKNOWN_SIZE = 0xffffffff;

/** The bytes shared by every KSDATAFORMAT_SUBTYPE GUID after its first two (the format tag). */
const SUBTYPE_GUID_TAIL = Buffer.from('000000001000800000aa00389b71', 'hex');

const encodingsByTag: Record<number, WavEncoding> = {
  [WAVE_FORMAT_PCM]: 'pcm',
  [WAVE_FORMAT_IEEE_FLOAT]: 'float',
  [WAVE_FORMAT_ALAW]: 'alaw',
  [WAVE_FORMAT_MULAW]: 'mulaw',
};

/** Encodings a staff member may meet, named so that the refusal tells what the file holds. */
const unsupportedTagNames: Record<number, string> = {
  0x0002: 'ADPCM Microsoft',
  0x0011: 'ADPCM IMA',
  0x0022: 'DSP Group TrueSpeech',
  0x0031: 'GSM 6.10',
  0x0040: 'G.721 ADPCM',
  0x0050: 'MPEG',
  0x0055: 'MP3',
  0x0064: 'G.726 ADPCM',
  0x00ff: 'AAC',
  0x0161: 'Windows Media Audio',
  0x0162: 'Windows Media Audio',
  0x0163: 'Windows Media Audio',
  0x1610: 'AAC',
  0x2000: 'Dolby AC-3',
};

export const isWav = (bytes: Uint8Array) =>
  bytes.length >= 12 && ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WAVE';

/** The format and samples of a RIFF/WAVE file (check `isWav` first), or a WavError. */
export function readWav(bytes: Buffer): WavFile {
  let format: WavFormat | undefined;
  let data: { start: number; declared: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length && !(format && data)) {
    const id = ascii(bytes, offset);
    const size = bytes.readUInt32LE(offset + 4);
    const start = offset + 8;
    if (id === 'data') {
      data = { start, declared: size };
      // The samples run to the end of the file or of their chunk: a `fmt ` after them is rare
      // but valid, so the search goes on past a data chunk whose size is known.
      if (size === UNKNOWN_SIZE || start + size > bytes.length) break;
    } else if (id === 'fmt ') {
      if (start + size > bytes.length) break;
      format = readFormat(bytes.subarray(start, start + size));
    }
    offset = nextChunk(bytes, start, size);
  }
  if (!format || !data) throw new WavError({ kind: 'truncated' });

  const available = bytes.length - data.start;
  let length = data.declared;
  if (length === UNKNOWN_SIZE) length = available;
  else if (length > available) {
    throw new WavError({
      kind: 'data_overrun',
      declaredBytes: length,
      availableBytes: available,
      byteRate: format.blockAlign * format.sampleRate,
    });
  }
  const frames = Math.floor(length / format.blockAlign);
  return {
    format,
    data: bytes.subarray(data.start, data.start + frames * format.blockAlign),
    frames,
  };
}

/** A 16-bit PCM WAV file of interleaved samples. */
export function writeWav16(samples: Int16Array, sampleRate: number, channels = 1): Buffer {
  const dataBytes = samples.length * 2;
  const file = Buffer.alloc(44 + dataBytes);
  file.write('RIFF', 0, 'ascii');
  file.writeUInt32LE(file.length - 8, 4);
  file.write('WAVE', 8, 'ascii');
  file.write('fmt ', 12, 'ascii');
  file.writeUInt32LE(16, 16);
  file.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  file.writeUInt16LE(channels, 22);
  file.writeUInt32LE(sampleRate, 24);
  file.writeUInt32LE(sampleRate * channels * 2, 28);
  file.writeUInt16LE(channels * 2, 32);
  file.writeUInt16LE(16, 34);
  file.write('data', 36, 'ascii');
  file.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) file.writeInt16LE(samples[i], 44 + i * 2);
  return file;
}

function readFormat(fmt: Buffer): WavFormat {
  if (fmt.length < 16) throw new WavError({ kind: 'truncated' });
  let tag = fmt.readUInt16LE(0);
  const channels = fmt.readUInt16LE(2);
  const sampleRate = fmt.readUInt32LE(4);
  let blockAlign = fmt.readUInt16LE(12);
  const containerBits = fmt.readUInt16LE(14);
  let bitsPerSample = containerBits;
  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (fmt.length < 40) throw new WavError({ kind: 'truncated' });
    bitsPerSample = fmt.readUInt16LE(18) || containerBits;
    if (!fmt.subarray(26, 40).equals(SUBTYPE_GUID_TAIL)) {
      throw new WavError({ kind: 'unsupported_encoding', name: 'WAVE_FORMAT_EXTENSIBLE' });
    }
    tag = fmt.readUInt16LE(24);
  }
  const encoding = encodingsByTag[tag];
  if (!encoding) {
    const name = unsupportedTagNames[tag] ?? `code 0x${tag.toString(16).padStart(4, '0')}`;
    throw new WavError({ kind: 'unsupported_encoding', name });
  }
  if (channels === 0) throw new WavError({ kind: 'bad_format', detail: 'aucun canal' });
  if (sampleRate === 0) {
    throw new WavError({ kind: 'bad_format', detail: "fréquence d'échantillonnage nulle" });
  }
  // Some writers leave blockAlign at 0 or wrong; the sample size then says it.
  if (blockAlign === 0 || blockAlign % channels !== 0) {
    blockAlign = channels * Math.ceil(containerBits / 8);
  }
  const bytesPerSample = blockAlign / channels;
  const sizes: Record<WavEncoding, number[]> = {
    pcm: [1, 2, 3, 4],
    float: [4, 8],
    mulaw: [1],
    alaw: [1],
  };
  if (!sizes[encoding].includes(bytesPerSample) || bitsPerSample > bytesPerSample * 8) {
    throw new WavError({
      kind: 'bad_format',
      detail: `échantillons de ${bitsPerSample || '?'} bits sur ${bytesPerSample} octet(s)`,
    });
  }
  return {
    encoding,
    channels,
    sampleRate,
    bitsPerSample: bitsPerSample || bytesPerSample * 8,
    bytesPerSample,
    blockAlign,
  };
}

/**
 * Where the chunk after one starting its body at `start` begins. A chunk of odd size is followed
 * by a pad byte; some writers forget it, which shows as a pad position that starts no chunk id.
 */
function nextChunk(bytes: Buffer, start: number, size: number): number {
  const end = start + size;
  if (size % 2 === 0) return end;
  return !looksLikeChunkId(bytes, end + 1) && looksLikeChunkId(bytes, end) ? end : end + 1;
}

function looksLikeChunkId(bytes: Buffer, offset: number): boolean {
  if (offset + 4 > bytes.length) return false;
  for (let i = offset; i < offset + 4; i++) if (bytes[i] < 0x20 || bytes[i] > 0x7e) return false;
  return true;
}

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}
