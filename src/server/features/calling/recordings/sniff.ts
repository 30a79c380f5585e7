/**
 * What an uploaded file is, from its first bytes: WAV, MP3, another sound format (named, so the
 * staff know what to convert), or something else (named when we can, so they see the mix-up).
 */
import { findMpegAudio, id3v2Length } from './mpeg.ts';
import { isWav } from './wav.ts';

export type SniffedFile =
  | { kind: 'wav' }
  | { kind: 'mp3' }
  /** `format`: the format in French words, « un fichier FLAC ». */
  | { kind: 'other_audio'; format: string }
  /** `what`: the file in French words, « un document PDF »; null when unrecognised. */
  | { kind: 'not_audio'; what: string | null }
  /** An ID3 tag (the label of an MP3) with no sound after it. */
  | { kind: 'tag_without_audio' };

type Signature = [offset: number, bytes: string, words: string];

/** Sound and video formats carriers do not play, which a recorder or a phone may produce. */
const otherAudio: Signature[] = [
  [0, 'fLaC', 'un fichier FLAC'],
  [8, 'AIFF', 'un fichier AIFF'],
  [8, 'AIFC', 'un fichier AIFF'],
  [0, 'RF64', 'un fichier WAV au format RF64'],
  [0, 'BW64', 'un fichier WAV au format BW64'],
  [0, 'RIFX', 'un fichier WAV au format RIFX'],
  [0, '\x30\x26\xb2\x75\x8e\x66\xcf\x11', 'un fichier Windows Media (WMA)'],
  [0, '\x1a\x45\xdf\xa3', 'un fichier WebM ou Matroska (comme ceux que produit un navigateur)'],
  [0, '#!AMR', 'un fichier AMR (mémo vocal de téléphone)'],
  [0, '.snd', 'un fichier AU'],
  [0, 'caff', 'un fichier CAF (Apple Core Audio)'],
  [0, 'MAC ', "un fichier Monkey's Audio (APE)"],
  [0, 'wvpk', 'un fichier WavPack'],
  [0, 'MPCK', 'un fichier Musepack'],
  [8, 'AVI ', 'une vidéo AVI'],
];

const notAudio: Signature[] = [
  [0, '%PDF', 'un document PDF'],
  [0, '\x89PNG', 'une image PNG'],
  [0, '\xff\xd8\xff', 'une image JPEG'],
  [0, 'GIF8', 'une image GIF'],
  [8, 'WEBP', 'une image WebP'],
  [0, 'II*\x00', 'une image TIFF'],
  [0, 'MM\x00*', 'une image TIFF'],
  [0, 'PK\x03\x04', 'une archive ZIP ou un document Word, Excel ou OpenDocument'],
  [0, '\xd0\xcf\x11\xe0', 'un document Microsoft Office (.doc, .xls ou .ppt)'],
  [0, '\x1f\x8b', 'une archive compressée (gzip)'],
  [0, 'Rar!', 'une archive RAR'],
  [0, '7z\xbc\xaf', 'une archive 7-Zip'],
  [0, '{\\rtf', 'un document RTF'],
  [0, 'MThd', 'un fichier MIDI (une partition, pas un enregistrement)'],
  [0, '\x7fELF', 'un programme'],
];

/** ISO base media (MP4) brands: the audio-only ones, the images, and the rest (video). */
const m4aBrands = ['M4A ', 'M4B ', 'M4P '];
const imageBrands = ['heic', 'heix', 'mif1', 'msf1', 'avif'];

export function sniffRecording(bytes: Uint8Array): SniffedFile {
  if (isWav(bytes)) return { kind: 'wav' };
  const tag = id3v2Length(bytes);
  const start = Math.min(tag, bytes.length);
  const ogg = oggFormat(bytes, start);
  if (ogg) return { kind: 'other_audio', format: ogg };
  const mp4 = mp4Format(bytes, start);
  if (mp4) return mp4;
  if (isAdts(bytes, start)) return { kind: 'other_audio', format: 'un fichier AAC' };
  for (const [offset, signature, words] of otherAudio) {
    if (startsWith(bytes, start + offset, signature)) return { kind: 'other_audio', format: words };
  }
  if (tag === 0) {
    for (const [offset, signature, what] of notAudio) {
      if (startsWith(bytes, offset, signature)) return { kind: 'not_audio', what };
    }
  }
  const stream = findMpegAudio(bytes, start);
  if (stream?.header.layer === 3) return { kind: 'mp3' };
  if (stream) {
    const layer = stream.header.layer === 2 ? 'II (MP2)' : 'I (MP1)';
    return { kind: 'other_audio', format: `un fichier MPEG audio couche ${layer}` };
  }
  if (tag > 0) return { kind: 'tag_without_audio' };
  return { kind: 'not_audio', what: textKind(bytes) };
}

function oggFormat(bytes: Uint8Array, start: number): string | null {
  if (!startsWith(bytes, start, 'OggS')) return null;
  // The first page's packet (after a 27-byte header and its segment table) names the codec.
  const packet = start + 27 + (bytes[start + 26] ?? 0);
  if (startsWith(bytes, packet, 'OpusHead')) return 'un fichier Ogg Opus';
  if (startsWith(bytes, packet, '\x01vorbis')) return 'un fichier Ogg Vorbis';
  if (startsWith(bytes, packet, '\x7fFLAC')) return 'un fichier Ogg FLAC';
  return 'un fichier Ogg';
}

function mp4Format(bytes: Uint8Array, start: number): SniffedFile | null {
  if (!startsWith(bytes, start + 4, 'ftyp')) return null;
  const brand = String.fromCharCode(...bytes.subarray(start + 8, start + 12));
  if (imageBrands.includes(brand)) return { kind: 'not_audio', what: 'une image HEIF ou AVIF' };
  if (m4aBrands.includes(brand)) return { kind: 'other_audio', format: 'un fichier M4A (AAC)' };
  if (brand === 'qt  ') return { kind: 'other_audio', format: 'une vidéo QuickTime (.mov)' };
  if (brand.startsWith('3g')) {
    return { kind: 'other_audio', format: 'un fichier 3GP (enregistrement de téléphone)' };
  }
  return { kind: 'other_audio', format: 'un fichier MP4 (son ou vidéo)' };
}

/** AAC in ADTS frames: the MPEG sync word with the layer bits at 00, which MPEG audio reserves. */
function isAdts(bytes: Uint8Array, start: number): boolean {
  return bytes[start] === 0xff && (bytes[start + 1] & 0xf6) === 0xf0;
}

/** « un fichier texte » or « une page web » when the head holds no control character. */
function textKind(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 1024);
  if (head.length === 0) return null;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) {
      return null;
    }
  }
  const text = Buffer.from(head).toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) {
    return 'une page web (HTML), sans doute la page du lien de téléchargement plutôt que le fichier';
  }
  return 'un fichier texte';
}

function startsWith(bytes: Uint8Array, offset: number, signature: string): boolean {
  if (offset + signature.length > bytes.length) return false;
  for (let i = 0; i < signature.length; i++) {
    if (bytes[offset + i] !== signature.charCodeAt(i)) return false;
  }
  return true;
}
