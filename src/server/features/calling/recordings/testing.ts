/**
 * Recordings built in memory for the tests: WAV files in every encoding the reader accepts and
 * MP3 files of silent MPEG frames. The encoders here are written apart from the code under test
 * (G.711 as in Sun's reference g711.c), so that a test checks one against the other.
 */

export type TestEncoding =
  'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32' | 'float64' | 'mulaw' | 'alaw';

export interface TestChunk {
  id: string;
  body: Buffer;
  /** Leave out the pad byte an odd-sized chunk is owed (a common writer bug). */
  unpadded?: boolean;
}

export interface WavFixture {
  sampleRate: number;
  /** One array of samples in [-1, 1] per channel. */
  channels: ArrayLike<number>[];
  encoding?: TestEncoding;
  /** Write a WAVE_FORMAT_EXTENSIBLE `fmt ` chunk. */
  extensible?: boolean;
  /** Extensible only: store `encoding`'s samples left-aligned in containers this wide. */
  containerBytes?: number;
  /** Write this format tag instead (a compressed encoding's, to be refused). */
  formatTag?: number;
  /** Chunks before `fmt `, between `fmt ` and `data`, and after `data`. */
  before?: TestChunk[];
  between?: TestChunk[];
  after?: TestChunk[];
  /** The size the `data` chunk declares, whatever it holds. */
  declaredDataBytes?: number;
}

const sizes: Record<TestEncoding, number> = {
  pcm8: 1,
  pcm16: 2,
  pcm24: 3,
  pcm32: 4,
  float32: 4,
  float64: 8,
  mulaw: 1,
  alaw: 1,
};

const tags: Record<TestEncoding, number> = {
  pcm8: 1,
  pcm16: 1,
  pcm24: 1,
  pcm32: 1,
  float32: 3,
  float64: 3,
  mulaw: 7,
  alaw: 6,
};

export function wavFile(fixture: WavFixture): Buffer {
  const encoding = fixture.encoding ?? 'pcm16';
  const channels = fixture.channels.length;
  const frames = fixture.channels[0].length;
  const bits = sizes[encoding] * 8;
  const container = fixture.containerBytes ?? sizes[encoding];
  const blockAlign = channels * container;
  const data = Buffer.alloc(frames * blockAlign);
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channels; channel++) {
      const at = frame * blockAlign + channel * container + (container - sizes[encoding]);
      encodeSample(data, at, encoding, fixture.channels[channel][frame]);
    }
  }
  const tag = fixture.formatTag ?? tags[encoding];
  const fmt = Buffer.alloc(fixture.extensible ? 40 : 16);
  fmt.writeUInt16LE(fixture.extensible ? 0xfffe : tag, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(fixture.sampleRate, 4);
  fmt.writeUInt32LE(fixture.sampleRate * blockAlign, 8);
  fmt.writeUInt16LE(blockAlign, 12);
  fmt.writeUInt16LE(container * 8, 14);
  if (fixture.extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(bits, 18);
    fmt.writeUInt32LE(channels === 2 ? 0x3 : 0x4, 20);
    fmt.writeUInt16LE(tag, 24);
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(fmt, 26);
  }
  const body = Buffer.concat([
    Buffer.from('WAVE'),
    ...(fixture.before ?? []).map((extra) => chunk(extra)),
    chunk({ id: 'fmt ', body: fmt }),
    ...(fixture.between ?? []).map((extra) => chunk(extra)),
    chunk({ id: 'data', body: data }, fixture.declaredDataBytes),
    ...(fixture.after ?? []).map((extra) => chunk(extra)),
  ]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

function chunk({ id, body, unpadded }: TestChunk, declared = body.length): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'ascii');
  header.writeUInt32LE(declared, 4);
  const pad = body.length % 2 && !unpadded ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([header, body, pad]);
}

function encodeSample(data: Buffer, at: number, encoding: TestEncoding, value: number) {
  const clamped = Math.max(-1, Math.min(1, value));
  const int = (bits: number) =>
    Math.max(
      -(2 ** (bits - 1)),
      Math.min(2 ** (bits - 1) - 1, Math.round(clamped * 2 ** (bits - 1))),
    );
  switch (encoding) {
    case 'pcm8':
      return data.writeUInt8(int(8) + 128, at);
    case 'pcm16':
      return data.writeInt16LE(int(16), at);
    case 'pcm24':
      return data.writeIntLE(int(24), at, 3);
    case 'pcm32':
      return data.writeInt32LE(int(32), at);
    case 'float32':
      return data.writeFloatLE(value, at);
    case 'float64':
      return data.writeDoubleLE(value, at);
    case 'mulaw':
      return data.writeUInt8(linearToMuLaw(int(16)), at);
    case 'alaw':
      return data.writeUInt8(linearToALaw(int(16)), at);
  }
}

const segmentEnds = [0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff, 0x3fff, 0x7fff];
const aLawSegmentEnds = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
const segment = (value: number, ends: number[]) => {
  const found = ends.findIndex((end) => value <= end);
  return found === -1 ? 8 : found;
};

function linearToMuLaw(sample: number): number {
  const bias = 0x84;
  const [magnitude, mask] = sample < 0 ? [bias - sample, 0x7f] : [sample + bias, 0xff];
  const seg = segment(magnitude, segmentEnds);
  if (seg >= 8) return 0x7f ^ mask;
  return ((seg << 4) | ((magnitude >> (seg + 3)) & 0x0f)) ^ mask;
}

function linearToALaw(sample: number): number {
  let value = sample >> 3;
  let mask = 0xd5;
  if (value < 0) {
    mask = 0x55;
    value = -value - 1;
  }
  const seg = segment(value, aLawSegmentEnds);
  if (seg >= 8) return 0x7f ^ mask;
  const quantised = seg < 2 ? (value >> 1) & 0x0f : (value >> seg) & 0x0f;
  return ((seg << 4) | quantised) ^ mask;
}

/** A sine wave of `seconds`, sampled at `sampleRate`. */
export function tone(frequency: number, seconds: number, sampleRate: number, amplitude = 0.5) {
  const samples = new Float64Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) {
    samples[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  }
  return samples;
}

export interface Mp3Fixture {
  seconds: number;
  /** 44100, 48000 or 32000 (MPEG-1), 22050, 24000 or 16000 (MPEG-2). */
  sampleRate?: number;
  stereo?: boolean;
  /** Start with an ID3v2.3 tag holding a title. */
  id3?: boolean;
  /** Layer II frames (an MP2 file) instead of Layer III. */
  layer2?: boolean;
}

/**
 * An MP3 of silent frames: a valid header, then side information and main data all zero, which
 * decoders play as silence (no Huffman bits, main_data_begin 0). 128 kbit/s for MPEG-1, 64 for
 * MPEG-2, no padding, so every frame has the same length.
 */
export function mp3File({ seconds, sampleRate = 44100, stereo, id3, layer2 }: Mp3Fixture) {
  const mpeg1 = [44100, 48000, 32000].indexOf(sampleRate);
  const mpeg2 = [22050, 24000, 16000].indexOf(sampleRate);
  const version1 = mpeg1 !== -1;
  const layerBits = layer2 ? 0b10 : 0b01;
  const header = Buffer.from([
    0xff,
    0xe0 | ((version1 ? 0b11 : 0b10) << 3) | (layerBits << 1) | 1,
    ((version1 ? (layer2 ? 8 : 9) : 8) << 4) | ((version1 ? mpeg1 : mpeg2) << 2),
    stereo ? 0x00 : 0xc0,
  ]);
  const bitrate = version1 ? 128_000 : 64_000;
  const samplesPerFrame = version1 || layer2 ? 1152 : 576;
  const frameBytes = Math.floor(((samplesPerFrame / 8) * bitrate) / sampleRate);
  const frame = Buffer.alloc(frameBytes);
  header.copy(frame);
  const frames = Math.round((seconds * sampleRate) / samplesPerFrame);
  const audio = Buffer.concat(Array.from({ length: frames }, () => frame));
  return id3 ? Buffer.concat([id3Tag('Message de test'), audio]) : audio;
}

function id3Tag(title: string): Buffer {
  const text = Buffer.concat([Buffer.from([0]), Buffer.from(title, 'latin1')]);
  const frameHeader = Buffer.alloc(10);
  frameHeader.write('TIT2', 0, 'ascii');
  frameHeader.writeUInt32BE(text.length, 4);
  const body = Buffer.concat([frameHeader, text, Buffer.alloc(64)]);
  const size = body.length;
  const header = Buffer.from([
    0x49,
    0x44,
    0x33,
    3,
    0,
    0,
    (size >> 21) & 0x7f,
    (size >> 14) & 0x7f,
    (size >> 7) & 0x7f,
    size & 0x7f,
  ]);
  return Buffer.concat([header, body]);
}

/** The samples of a 16-bit mono WAV file with a 44-byte header, in [-1, 1]. */
export function pcm16Samples(file: Buffer): Float64Array {
  const samples = new Float64Array(file.readUInt32LE(40) / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = file.readInt16LE(44 + i * 2) / 32768;
  return samples;
}

/** Root mean square of samples[from, to). */
export function rms(samples: ArrayLike<number>, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i] ** 2;
  return Math.sqrt(sum / (to - from));
}

/** The frequency of a tone, from its sign changes in samples[from, to). */
export function zeroCrossingFrequency(
  samples: ArrayLike<number>,
  sampleRate: number,
  from = 0,
  to = samples.length,
): number {
  let crossings = 0;
  for (let i = from + 1; i < to; i++) {
    if ((samples[i - 1] < 0 && samples[i] >= 0) || (samples[i - 1] >= 0 && samples[i] < 0)) {
      crossings++;
    }
  }
  return (crossings / 2) * (sampleRate / (to - from - 1));
}
