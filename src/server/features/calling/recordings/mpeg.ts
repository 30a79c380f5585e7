/**
 * MPEG audio frames (MP3 and its Layer I/II siblings), found by their headers: an ID3v2 tag may
 * come first, then frames that follow one another at the lengths their headers give.
 */

export interface MpegFrameHeader {
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  sampleRate: number;
  /** Bytes of the whole frame, header included. */
  length: number;
}

const versions = [2.5, null, 2, 1] as const;
const layers = [null, 3, 2, 1] as const;

/** kbit/s by bitrate index (1–14), for MPEG-1 Layer I, II, III and MPEG-2/2.5 Layer I, II–III. */
const bitrates = {
  v1l1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l23: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};

const sampleRates = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  2.5: [11025, 12000, 8000],
};

/** The frame header at `offset`, or null when the 4 bytes there are not one. */
export function readFrameHeader(bytes: Uint8Array, offset: number): MpegFrameHeader | null {
  if (offset + 4 > bytes.length) return null;
  const [b0, b1, b2] = [bytes[offset], bytes[offset + 1], bytes[offset + 2]];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = versions[(b1 >> 3) & 0x03];
  const layer = layers[(b1 >> 1) & 0x03];
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0x03;
  // Free-format bitrate (index 0) has no length in its header: too rare to be worth following.
  if (version === null || layer === null || bitrateIndex === 0 || bitrateIndex === 15) return null;
  if (rateIndex === 3) return null;
  const table =
    version === 1
      ? [bitrates.v1l1, bitrates.v1l2, bitrates.v1l3][layer - 1]
      : layer === 1
        ? bitrates.v2l1
        : bitrates.v2l23;
  const bitrate = table[bitrateIndex - 1] * 1000;
  const sampleRate = sampleRates[version][rateIndex];
  const padding = (b2 >> 1) & 0x01;
  const length =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((layer === 3 && version !== 1 ? 72 : 144) * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, length };
}

/** Bytes of the ID3v2 tag at the start of the file (0 when there is none). */
export function id3v2Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  // The size is "syncsafe": 4 bytes of 7 bits each. A footer (flag 0x10) adds 10 bytes.
  const size = (bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9];
  return 10 + size + (bytes[5] & 0x10 ? 10 : 0);
}

/** How far after an ID3v2 tag (whose size some writers get wrong) or junk to look for frames. */
const SEARCH_BYTES = 64 * 1024;
/** Frames that must follow the first at the lengths headers give, so noise is not taken for audio. */
const CHAINED_FRAMES = 3;

/**
 * The first frame of an MPEG audio stream starting at or shortly after `from`, confirmed by the
 * frames after it; null when there is none.
 */
export function findMpegAudio(
  bytes: Uint8Array,
  from: number,
): { offset: number; header: MpegFrameHeader } | null {
  const end = Math.min(bytes.length - 4, from + SEARCH_BYTES);
  for (let offset = from; offset <= end; offset++) {
    const header = readFrameHeader(bytes, offset);
    if (header && framesChain(bytes, offset, header)) return { offset, header };
  }
  return null;
}

function framesChain(bytes: Uint8Array, offset: number, first: MpegFrameHeader): boolean {
  let next = offset + first.length;
  for (let i = 0; i < CHAINED_FRAMES; i++) {
    // A stream this short (or one ending in an ID3v1 / APE tag) ends where a frame ends.
    if (next + 4 > bytes.length || endTagAt(bytes, next)) return next <= bytes.length;
    const header = readFrameHeader(bytes, next);
    if (!header || header.version !== first.version || header.layer !== first.layer) return false;
    if (header.sampleRate !== first.sampleRate) return false;
    next += header.length;
  }
  return true;
}

function endTagAt(bytes: Uint8Array, offset: number): boolean {
  const text = String.fromCharCode(...bytes.subarray(offset, offset + 8));
  return text.startsWith('TAG') || text === 'APETAGEX';
}
