import { AppError } from '../../../core/http/errors.ts';

export type RecordingRefusalCode =
  | 'not_audio'
  | 'unsupported_audio'
  | 'corrupt_audio'
  | 'too_short'
  | 'too_long'
  | 'too_large'
  | 'silent';

/**
 * A recording refused: `code` is stable, `message` a French sentence the staff can act on. An
 * AppError (413 when too large, else 422), so that a route that lets it through answers a
 * problem+json.
 */
export class RecordingError extends AppError {
  declare readonly code: RecordingRefusalCode;

  constructor(code: RecordingRefusalCode, message: string) {
    super(code === 'too_large' ? 413 : 422, code, message);
    this.name = 'RecordingError';
  }
}

const SEND = 'Envoyez le message enregistré au format WAV ou MP3.';
const CONVERT =
  "Exportez ou convertissez l'enregistrement en WAV ou en MP3 (Audacity, par exemple, le fait : Fichier › Exporter), puis envoyez ce fichier.";
const EXPORT_AGAIN =
  "Le fichier a sans doute été mal copié ou son envoi interrompu : exportez-le de nouveau depuis le logiciel d'enregistrement, réécoutez-le, puis envoyez-le.";

/** Refusals of the file called `name` (as uploaded), in words naming it. */
export function recordingRefusals(fileName: string) {
  const file = `« ${displayName(fileName)} »`;
  return {
    empty: () =>
      new RecordingError(
        'not_audio',
        `${file} est vide : l'enregistrement n'a pas été transmis. ${SEND}`,
      ),
    notAudio: (what: string | null) =>
      new RecordingError(
        'not_audio',
        what
          ? `${file} n'est pas un enregistrement sonore : c'est ${what}. ${SEND}`
          : `${file} n'est pas un enregistrement sonore que Levier reconnaît. ${SEND}`,
      ),
    otherFormat: (format: string) =>
      new RecordingError(
        'unsupported_audio',
        `${file} est ${format}, un format que les opérateurs téléphoniques ne diffusent pas. ${CONVERT}`,
      ),
    wavEncoding: (name: string) =>
      new RecordingError(
        'unsupported_audio',
        `${file} est un fichier WAV codé en ${name}, un codage que Levier ne sait pas lire. Exportez-le en WAV « PCM 16 bits » ou en MP3, puis envoyez ce fichier.`,
      ),
    wavTruncated: () =>
      new RecordingError(
        'corrupt_audio',
        `${file} est un fichier WAV incomplet : il s'arrête avant le début du son. ${EXPORT_AGAIN}`,
      ),
    wavDataMissing: (declaredSeconds: number, availableSeconds: number) =>
      new RecordingError(
        'corrupt_audio',
        `${file} est un fichier WAV incomplet : son en-tête annonce ${duration(declaredSeconds, Math.floor)} de son, mais le fichier n'en contient que ${duration(availableSeconds, Math.floor)}. ${EXPORT_AGAIN}`,
      ),
    wavBadFormat: (detail: string) =>
      new RecordingError(
        'corrupt_audio',
        `${file} est un fichier WAV dont l'en-tête est invalide (${detail}). ${EXPORT_AGAIN}`,
      ),
    mp3WithoutAudio: () =>
      new RecordingError(
        'corrupt_audio',
        `${file} porte l'étiquette d'un MP3 (titre, artiste…) mais ne contient aucun son. ${EXPORT_AGAIN}`,
      ),
    mp3Unreadable: () =>
      new RecordingError(
        'corrupt_audio',
        `${file} est un MP3 dont le son est illisible. ${EXPORT_AGAIN}`,
      ),
    tooShort: (seconds: number, minSeconds: number) =>
      new RecordingError(
        'too_short',
        `${file} dure ${duration(seconds, Math.floor)} : un message doit durer au moins ${duration(minSeconds, Math.ceil)}. Vérifiez que l'enregistrement est complet (il a pu être coupé au début ou à la fin), puis envoyez-le de nouveau.`,
      ),
    tooLong: (seconds: number, maxSeconds: number) =>
      new RecordingError(
        'too_long',
        `${file} dure ${duration(seconds, Math.ceil)}, au-delà de la limite de ${duration(maxSeconds, Math.floor)} par appel. Raccourcissez le message (les personnes appelées écoutent rarement un long message jusqu'au bout), puis envoyez-le de nouveau.`,
      ),
    tooLarge: (bytes: number, maxBytes: number) =>
      new RecordingError(
        'too_large',
        `${file} pèse ${megabytes(bytes, Math.ceil)}, au-delà de la limite de ${megabytes(maxBytes, Math.floor)}. Exportez-le en MP3, ou en WAV mono (un seul canal) à 8 000 ou 16 000 Hz : le fichier sera bien plus léger, sans différence audible au téléphone.`,
      ),
    silent: () =>
      new RecordingError(
        'silent',
        `${file} ne contient que du silence : le micro était sans doute coupé ou mal branché pendant l'enregistrement. Réécoutez le fichier, enregistrez de nouveau le message, puis envoyez-le.`,
      ),
  };
}

/** The name without the folders some browsers send, and not so long that it drowns the message. */
function displayName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop()?.trim() || 'Le fichier';
  return name.length > 80 ? `${name.slice(0, 79)}…` : name;
}

const decimal = (value: number) => String(value).replace('.', ',');

/** « 1,9 s », « 45 s », « 2 min », « 2 min 1 s »: rounded by `round` so a limit is never blurred. */
function duration(seconds: number, round: (value: number) => number): string {
  if (seconds < 10) return `${decimal(round(seconds * 10) / 10)} s`;
  const whole = round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return `${rest} s`;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

const megabytes = (bytes: number, round: (value: number) => number) =>
  `${decimal(round((bytes / (1024 * 1024)) * 10) / 10)} Mo`;
