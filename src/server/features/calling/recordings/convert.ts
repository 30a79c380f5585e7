/**
 * A checked recording in the form the carrier plays best. WAV becomes 16-bit PCM, mono, at the
 * telephone network's 8 kHz: the carrier then streams it without transcoding, and it weighs a
 * fraction of a CD-quality file. MP3 is kept as it is: carriers decode it themselves, and
 * decoding it here would need a decoder for no audible gain.
 */
import type { RecordingInfo } from './check.ts';
import { decodeMono, toPcm16 } from './pcm.ts';
import { resample } from './resample.ts';
import { readWav, writeWav16 } from './wav.ts';

export const CARRIER_SAMPLE_RATE = 8000;

export interface CarrierRecording {
  data: Buffer;
  contentType: 'audio/wav' | 'audio/mpeg';
  durationSeconds: number;
}

/** `data` and `info` as `inspectRecording` accepted them. */
export function prepareForCarrier(data: Buffer, info: RecordingInfo): CarrierRecording {
  if (info.format === 'mp3') {
    return { data, contentType: 'audio/mpeg', durationSeconds: info.durationSeconds };
  }
  const wav = readWav(data);
  const samples = resample(decodeMono(wav), wav.format.sampleRate, CARRIER_SAMPLE_RATE);
  return {
    data: writeWav16(toPcm16(samples), CARRIER_SAMPLE_RATE),
    contentType: 'audio/wav',
    durationSeconds: samples.length / CARRIER_SAMPLE_RATE,
  };
}
