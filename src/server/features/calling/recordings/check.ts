/**
 * Checks a recording uploaded for a voice broadcast: a WAV or MP3 file (recognised by its
 * content, whatever its name), of a length a call can play, with sound in it.
 */
import { parseBuffer } from 'music-metadata';
import { decodeMono, peakDeviation } from './pcm.ts';
import { recordingRefusals, RecordingError } from './refusal.ts';
import { sniffRecording } from './sniff.ts';
import { readWav, WavError, type WavEncoding, type WavFile } from './wav.ts';

export { RecordingError };
export type { RecordingRefusalCode } from './refusal.ts';

export interface RecordingInfo {
  format: 'wav' | 'mp3';
  durationSeconds: number;
  sampleRate: number;
  channels: number;
  /** WAV only: significant bits of a sample. */
  bitsPerSample?: number;
  /** 'PCM', 'IEEE float', 'mu-law', 'a-law', 'MPEG 1 Layer 3'… */
  codec: string;
}

export interface RecordingLimits {
  minSeconds: number;
  maxSeconds: number;
  maxBytes: number;
}

export const recordingLimits: Readonly<RecordingLimits> = {
  minSeconds: 2,
  maxSeconds: 120,
  maxBytes: 10 * 1024 * 1024,
};

/**
 * A recording whose samples never stray further than this from their mean (−60 dBFS, about 33
 * on a 16-bit scale) holds nothing a callee would hear: a muted or unplugged microphone.
 */
const SILENCE_PEAK = 0.001;

const codecs: Record<WavEncoding, string> = {
  pcm: 'PCM',
  float: 'IEEE float',
  mulaw: 'mu-law',
  alaw: 'a-law',
};

/** The recording's format and length, or a RecordingError saying what to send instead. */
export async function inspectRecording(
  data: Buffer,
  fileName: string,
  limits: Partial<RecordingLimits> = {},
): Promise<RecordingInfo> {
  const { minSeconds, maxSeconds, maxBytes } = { ...recordingLimits, ...limits };
  const refuse = recordingRefusals(fileName);
  if (data.length === 0) throw refuse.empty();
  const sniffed = sniffRecording(data);
  switch (sniffed.kind) {
    case 'not_audio':
      throw refuse.notAudio(sniffed.what);
    case 'other_audio':
      throw refuse.otherFormat(sniffed.format);
    case 'tag_without_audio':
      throw refuse.mp3WithoutAudio();
  }
  if (data.length > maxBytes) throw refuse.tooLarge(data.length, maxBytes);

  const wav = sniffed.kind === 'wav' ? openWav(data, refuse) : null;
  const info = wav ? wavInfo(wav) : await mp3Info(data, refuse);
  if (info.durationSeconds < minSeconds) throw refuse.tooShort(info.durationSeconds, minSeconds);
  if (info.durationSeconds > maxSeconds) throw refuse.tooLong(info.durationSeconds, maxSeconds);
  // MP3 frames would have to be decoded to tell silence from sound: they are let through.
  if (wav && peakDeviation(decodeMono(wav)) < SILENCE_PEAK) throw refuse.silent();
  return info;
}

type Refusals = ReturnType<typeof recordingRefusals>;

function openWav(data: Buffer, refuse: Refusals): WavFile {
  try {
    return readWav(data);
  } catch (error) {
    if (!(error instanceof WavError)) throw error;
    const problem = error.problem;
    switch (problem.kind) {
      case 'truncated':
        throw refuse.wavTruncated();
      case 'data_overrun':
        throw refuse.wavDataMissing(
          problem.declaredBytes / problem.byteRate,
          problem.availableBytes / problem.byteRate,
        );
      case 'bad_format':
        throw refuse.wavBadFormat(problem.detail);
      case 'unsupported_encoding':
        throw refuse.wavEncoding(problem.name);
    }
  }
}

function wavInfo(wav: WavFile): RecordingInfo {
  const { encoding, sampleRate, channels, bitsPerSample } = wav.format;
  return {
    format: 'wav',
    durationSeconds: wav.frames / sampleRate,
    sampleRate,
    channels,
    bitsPerSample,
    codec: codecs[encoding],
  };
}

async function mp3Info(data: Buffer, refuse: Refusals): Promise<RecordingInfo> {
  // The MIME type makes music-metadata read MPEG frames rather than guess; `duration` makes it
  // count a VBR file's frames when no Xing/LAME header gives their number.
  const metadata = await parseBuffer(
    data,
    { mimeType: 'audio/mpeg', size: data.length },
    { duration: true, skipCovers: true },
  ).catch(() => null);
  const format = metadata?.format;
  if (!format?.duration || !format.sampleRate || !format.numberOfChannels || !format.codec) {
    throw refuse.mp3Unreadable();
  }
  return {
    format: 'mp3',
    durationSeconds: format.duration,
    sampleRate: format.sampleRate,
    channels: format.numberOfChannels,
    codec: format.codec,
  };
}
