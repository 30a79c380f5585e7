import { describe, expect, it } from 'vitest';
import { inspectRecording, RecordingError, recordingLimits, type RecordingInfo } from './check.ts';
import { mp3File, tone, wavFile, type TestEncoding } from './testing.ts';

const speech = (seconds: number, sampleRate = 8000) => tone(440, seconds, sampleRate);

/** The refusal of `data`, which must be one. */
async function refusalOf(
  data: Buffer,
  fileName = 'message.wav',
  limits?: Parameters<typeof inspectRecording>[2],
): Promise<RecordingError> {
  const error: unknown = await inspectRecording(data, fileName, limits).then(
    (info) => new Error(`accepted: ${JSON.stringify(info)}`),
    (refusal: unknown) => refusal,
  );
  if (!(error instanceof RecordingError)) throw error;
  return error;
}

describe('inspectRecording: WAV', () => {
  const cases: [string, TestEncoding, number, number, Partial<RecordingInfo>][] = [
    ['8-bit PCM', 'pcm8', 11025, 1, { codec: 'PCM', bitsPerSample: 8 }],
    ['16-bit PCM stereo', 'pcm16', 44100, 2, { codec: 'PCM', bitsPerSample: 16 }],
    ['24-bit PCM', 'pcm24', 96000, 1, { codec: 'PCM', bitsPerSample: 24 }],
    ['32-bit PCM', 'pcm32', 48000, 1, { codec: 'PCM', bitsPerSample: 32 }],
    ['32-bit float', 'float32', 48000, 2, { codec: 'IEEE float', bitsPerSample: 32 }],
    ['64-bit float', 'float64', 22050, 1, { codec: 'IEEE float', bitsPerSample: 64 }],
    ['mu-law', 'mulaw', 8000, 1, { codec: 'mu-law', bitsPerSample: 8 }],
    ['a-law', 'alaw', 8000, 1, { codec: 'a-law', bitsPerSample: 8 }],
    ['5.1 PCM', 'pcm16', 48000, 6, { codec: 'PCM', bitsPerSample: 16 }],
  ];

  it.each(cases)('reads %s', async (_, encoding, sampleRate, channels, expected) => {
    const samples = speech(2.5, sampleRate);
    const file = wavFile({ sampleRate, encoding, channels: Array(channels).fill(samples) });
    expect(await inspectRecording(file, 'message.wav')).toEqual({
      format: 'wav',
      durationSeconds: samples.length / sampleRate,
      sampleRate,
      channels,
      ...expected,
    });
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with 24-bit samples in 32-bit containers', async () => {
    const file = wavFile({
      sampleRate: 48000,
      channels: [speech(3, 48000), speech(3, 48000)],
      encoding: 'pcm24',
      extensible: true,
      containerBytes: 4,
    });
    expect(await inspectRecording(file, 'message.wav')).toMatchObject({
      codec: 'PCM',
      bitsPerSample: 24,
      channels: 2,
      durationSeconds: 3,
    });
  });

  it('recognises WAV and MP3 by their content, not their names', async () => {
    const wav = wavFile({ sampleRate: 8000, channels: [speech(3)] });
    expect(await inspectRecording(wav, 'message.mp3')).toMatchObject({ format: 'wav' });
    expect(await inspectRecording(mp3File({ seconds: 3 }), 'message.wav')).toMatchObject({
      format: 'mp3',
    });
    expect(await inspectRecording(mp3File({ seconds: 3 }), 'sans-extension')).toMatchObject({
      format: 'mp3',
    });
  });
});

describe('inspectRecording: MP3', () => {
  it('reads MPEG-1 Layer III frames, with or without an ID3v2 tag', async () => {
    const plain = await inspectRecording(mp3File({ seconds: 3 }), 'message.mp3');
    expect(plain).toEqual({
      format: 'mp3',
      durationSeconds: expect.closeTo(3, 1) as number,
      sampleRate: 44100,
      channels: 1,
      codec: 'MPEG 1 Layer 3',
    });
    // 115 frames of 1,152 samples at 44.1 kHz.
    expect(plain.durationSeconds).toBeCloseTo((115 * 1152) / 44100, 6);

    const tagged = mp3File({ seconds: 10, sampleRate: 48000, stereo: true, id3: true });
    expect(await inspectRecording(tagged, 'message.mp3')).toEqual({
      format: 'mp3',
      // 417 frames of 1,152 samples at 48 kHz.
      durationSeconds: (417 * 1152) / 48000,
      sampleRate: 48000,
      channels: 2,
      codec: 'MPEG 1 Layer 3',
    });
  });

  it('reads MPEG-2 Layer III', async () => {
    const info = await inspectRecording(mp3File({ seconds: 5, sampleRate: 22050 }), 'm.mp3');
    expect(info).toMatchObject({ format: 'mp3', sampleRate: 22050, codec: 'MPEG 2 Layer 3' });
    expect(info.durationSeconds).toBeCloseTo(5, 1);
  });

  it('accepts a cut MP3 at the length it still has', async () => {
    const whole = mp3File({ seconds: 6 });
    const info = await inspectRecording(whole.subarray(0, whole.length / 2 + 100), 'm.mp3');
    expect(info.durationSeconds).toBeCloseTo(3, 1);
  });
});

describe('inspectRecording: refusals', () => {
  it('names what a file that is not a recording is', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const refusal = await refusalOf(pdf, 'message.wav');
    expect(refusal).toMatchObject({ code: 'not_audio', status: 422 });
    expect(refusal.message).toBe(
      "« message.wav » n'est pas un enregistrement sonore : c'est un document PDF. Envoyez le message enregistré au format WAV ou MP3.",
    );

    const png = Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'latin1');
    expect((await refusalOf(png, 'message.mp3')).message).toContain('une image PNG');
    const text = Buffer.from('Bonjour, voici le texte du message à enregistrer.\n');
    expect((await refusalOf(text, 'message.mp3')).message).toContain("c'est un fichier texte");
    const html = Buffer.from('\n<!DOCTYPE html>\n<html><head><title>WeTransfer</title>');
    expect((await refusalOf(html, 'message.mp3')).message).toContain('une page web (HTML)');
    const docx = Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1');
    expect((await refusalOf(docx)).message).toContain('un document Word');
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
    expect(await refusalOf(binary)).toMatchObject({
      code: 'not_audio',
      message: expect.stringContaining("n'est pas un enregistrement sonore que Levier reconnaît"),
    });
    expect(await refusalOf(Buffer.alloc(0), 'C:\\fakepath\\vide.wav')).toMatchObject({
      code: 'not_audio',
      message: expect.stringMatching(/^« vide\.wav » est vide/),
    });
  });

  it('names other sound formats and asks for WAV or MP3', async () => {
    const oggPage = (packet: string) =>
      Buffer.concat([
        Buffer.from('OggS\x00\x02', 'latin1'),
        Buffer.alloc(20),
        Buffer.from([1, packet.length]),
        Buffer.from(packet, 'latin1'),
      ]);
    const others: [string, Buffer, string][] = [
      ['ogg opus', oggPage('OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00'), 'un fichier Ogg Opus'],
      ['ogg vorbis', oggPage('\x01vorbis\x00\x00\x00\x00\x01'), 'un fichier Ogg Vorbis'],
      ['flac', Buffer.from('fLaC\x00\x00\x00\x22', 'latin1'), 'un fichier FLAC'],
      ['m4a', Buffer.from('\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00', 'latin1'), 'M4A (AAC)'],
      ['mp4', Buffer.from('\x00\x00\x00\x20ftypisom\x00\x00\x02\x00', 'latin1'), 'MP4'],
      ['aac', Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]), 'un fichier AAC'],
      ['webm', Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86]), 'WebM'],
      ['aiff', Buffer.from('FORM\x00\x00\x10\x00AIFFCOMM', 'latin1'), 'un fichier AIFF'],
      ['amr', Buffer.from('#!AMR\n\x3c', 'latin1'), 'AMR'],
      ['mp2', mp3File({ seconds: 3, layer2: true }), 'couche II (MP2)'],
    ];
    for (const [name, data, words] of others) {
      const refusal = await refusalOf(data, `message.${name}`);
      expect(refusal.code, name).toBe('unsupported_audio');
      expect(refusal.message, name).toContain(words);
      expect(refusal.message, name).toContain('en WAV ou en MP3');
    }
    expect((await refusalOf(others[0][1], 'message.ogg')).message).toBe(
      "« message.ogg » est un fichier Ogg Opus, un format que les opérateurs téléphoniques ne diffusent pas. Exportez ou convertissez l'enregistrement en WAV ou en MP3 (Audacity, par exemple, le fait : Fichier › Exporter), puis envoyez ce fichier.",
    );
  });

  it('refuses a WAV of compressed samples, naming the encoding', async () => {
    for (const [formatTag, name] of [
      [0x0002, 'ADPCM Microsoft'],
      [0x0011, 'ADPCM IMA'],
      [0x0031, 'GSM 6.10'],
      [0x0055, 'MP3'],
    ] as const) {
      const file = wavFile({ sampleRate: 8000, channels: [speech(3)], formatTag });
      expect(await refusalOf(file)).toMatchObject({
        code: 'unsupported_audio',
        message: expect.stringContaining(`un fichier WAV codé en ${name},`),
      });
    }
  });

  it('refuses a truncated WAV, a WAV whose data chunk lies about its size and an empty MP3', async () => {
    const file = wavFile({ sampleRate: 8000, channels: [speech(3)] });
    expect(await refusalOf(file.subarray(0, 30))).toMatchObject({
      code: 'corrupt_audio',
      message: expect.stringContaining("il s'arrête avant le début du son"),
    });
    expect((await refusalOf(file.subarray(0, 44 + 16000 + 8000))).message).toContain(
      "son en-tête annonce 3 s de son, mais le fichier n'en contient que 1,5 s",
    );
    const lying = wavFile({ sampleRate: 8000, channels: [speech(3)], declaredDataBytes: 480_000 });
    expect(await refusalOf(lying)).toMatchObject({
      code: 'corrupt_audio',
      message: expect.stringContaining('annonce 30 s de son'),
    });
    const noChannels = Buffer.from(file);
    noChannels.writeUInt16LE(0, 22);
    expect(await refusalOf(noChannels)).toMatchObject({
      code: 'corrupt_audio',
      message: expect.stringContaining("l'en-tête est invalide (aucun canal)"),
    });
    const tagOnly = mp3File({ seconds: 3, id3: true }).subarray(0, 200);
    expect(await refusalOf(tagOnly, 'message.mp3')).toMatchObject({
      code: 'corrupt_audio',
      message: expect.stringContaining('ne contient aucun son'),
    });
  });

  it('refuses a recording too short or too long, within limits an option may change', async () => {
    const short = wavFile({ sampleRate: 8000, channels: [speech(1.5)] });
    expect(await refusalOf(short)).toMatchObject({
      code: 'too_short',
      message: expect.stringContaining('dure 1,5 s : un message doit durer au moins 2 s'),
    });
    expect(await refusalOf(mp3File({ seconds: 1 }), 'message.mp3')).toMatchObject({
      code: 'too_short',
    });
    const long = wavFile({ sampleRate: 8000, encoding: 'pcm8', channels: [speech(121)] });
    expect(await refusalOf(long)).toMatchObject({
      code: 'too_long',
      message: expect.stringContaining('dure 2 min 1 s, au-delà de la limite de 2 min'),
    });
    expect(await refusalOf(mp3File({ seconds: 125 }), 'message.mp3')).toMatchObject({
      code: 'too_long',
    });

    const forty = wavFile({ sampleRate: 8000, channels: [speech(40)] });
    expect(await inspectRecording(forty, 'message.wav')).toMatchObject({ durationSeconds: 40 });
    expect(await refusalOf(forty, 'message.wav', { maxSeconds: 30 })).toMatchObject({
      code: 'too_long',
      message: expect.stringContaining('au-delà de la limite de 30 s'),
    });
    expect(await inspectRecording(long, 'message.wav', { maxSeconds: 180 })).toMatchObject({
      durationSeconds: 121,
    });
    expect((await refusalOf(forty, 'message.wav', { minSeconds: 45 })).code).toBe('too_short');
    expect(recordingLimits).toEqual({ minSeconds: 2, maxSeconds: 120, maxBytes: 10 * 1024 * 1024 });
  });

  it('refuses a file over the size limit, before reading it', async () => {
    // 65 s of CD-quality stereo: 11.5 MB, within the length limit but not the size one.
    const cd = wavFile({ sampleRate: 44100, channels: [speech(65, 44100), speech(65, 44100)] });
    expect(await refusalOf(cd)).toMatchObject({
      code: 'too_large',
      status: 413,
      message: expect.stringContaining('pèse 11 Mo, au-delà de la limite de 10 Mo'),
    });
    const mp3 = mp3File({ seconds: 10 });
    expect(await refusalOf(mp3, 'message.mp3', { maxBytes: 100_000 })).toMatchObject({
      code: 'too_large',
    });
    // Even cut, a file this large says how large it is rather than what it lacks.
    expect((await refusalOf(cd.subarray(0, cd.length - 1000))).code).toBe('too_large');
  });

  it('refuses a silent WAV, not a quiet one', async () => {
    const three = 3 * 8000;
    const silences: [string, Buffer][] = [
      ['zeros', wavFile({ sampleRate: 8000, channels: [new Float64Array(three)] })],
      [
        'unsigned 8-bit silence',
        wavFile({ sampleRate: 8000, encoding: 'pcm8', channels: [new Float64Array(three)] }),
      ],
      [
        'hiss under -60 dBFS',
        wavFile({
          sampleRate: 8000,
          channels: [Float64Array.from({ length: three }, (_, i) => ((i * 7919) % 41) - 20)].map(
            (lsb) => lsb.map((v) => v / 32768),
          ),
        }),
      ],
      [
        'a constant offset',
        wavFile({ sampleRate: 8000, channels: [new Float64Array(three).fill(0.2)] }),
      ],
      [
        'float zeros',
        wavFile({ sampleRate: 48000, encoding: 'float32', channels: [new Float64Array(144000)] }),
      ],
    ];
    for (const [name, file] of silences) {
      const refusal = await refusalOf(file);
      expect(refusal.code, name).toBe('silent');
      expect(refusal.message, name).toContain('ne contient que du silence');
    }
    // -50 dBFS: very quiet, but a voice a callee can hear once the carrier's gain applies.
    const quiet = wavFile({ sampleRate: 8000, channels: [tone(440, 3, 8000, 0.00316)] });
    expect(await inspectRecording(quiet, 'message.wav')).toMatchObject({ format: 'wav' });
    // One silent channel beside a spoken one is not a silent recording.
    const oneSided = wavFile({
      sampleRate: 8000,
      channels: [speech(3), new Float64Array(three)],
    });
    expect(await inspectRecording(oneSided, 'message.wav')).toMatchObject({ channels: 2 });
  });
});
