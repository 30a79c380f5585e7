/**
 * Reading an uploaded recording from a multipart request: its `name` field and its `file`, of
 * which at most the accepted size is kept in memory. A larger file is still counted (to busboy's
 * limit), so that the refusal names its real size.
 */
import type { FastifyMultipartBaseOptions } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { recordingNameSchema } from '../../../../contracts/calling-media.ts';
import { refuseBadCharacters } from '../../../core/http/control-characters.ts';
import { AppError, badRequest } from '../../../core/http/errors.ts';
import { inspectRecording, RecordingError, recordingLimits } from './check.ts';
import { recordingRefusals } from './refusal.ts';

export interface ReceivedRecording {
  name: string;
  fileName: string;
  /** The whole file (a file over the accepted size is refused before this is returned). */
  data: Buffer;
}

/**
 * Busboy's limit for the file: above the accepted size, so that a larger file is refused by
 * our check with its size and advice, and no lower than what the server takes for imports.
 */
export const receiveLimitBytes = (importLimitBytes: number) =>
  Math.max(importLimitBytes, recordingLimits.maxBytes * 2);

export async function receiveRecording(
  request: FastifyRequest,
  importLimitBytes: number,
): Promise<ReceivedRecording> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  let file: { fileName: string; kept: Buffer; size: number; truncated: boolean } | undefined;
  // parts() reads throwFileSizeLimit as file() does, though its type leaves it out: declared
  // apart, the options pass. Not thrown, the limit leaves `truncated` set on the file.
  const options: FastifyMultipartBaseOptions = {
    limits: { fileSize: receiveLimitBytes(importLimitBytes), files: 1 },
    throwFileSizeLimit: false,
  };
  for await (const part of request.parts(options)) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file' || file) {
      await part.toBuffer().catch(() => undefined);
      continue;
    }
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      // One byte over the limit is enough for the check to refuse the file as too large.
      if (keptBytes <= recordingLimits.maxBytes) {
        kept.push(chunk);
        keptBytes += chunk.length;
      }
    }
    const fileName = uploadedFileName(part.filename);
    file = { fileName, kept: Buffer.concat(kept), size, truncated: part.file.truncated };
  }
  if (!file) {
    throw badRequest('file_required', 'Joignez l’enregistrement dans un champ « file ».', [
      { field: 'file', code: 'required', message: 'required' },
    ]);
  }
  const name = readName(fields.name, file.fileName);
  if (file.size > recordingLimits.maxBytes) {
    const declared = Number(request.headers['content-length']);
    // Past busboy's limit the rest was not counted: the request's length is the best measure.
    const size = file.truncated && declared > file.size ? declared : file.size;
    await refuseOversized(file.kept, file.fileName, size);
  }
  return { name, fileName: file.fileName, data: file.kept };
}

/**
 * Refuses a file over the accepted size as inspectRecording would (a PDF is named as such
 * rather than as too large), with its size as received rather than as kept.
 */
async function refuseOversized(kept: Buffer, fileName: string, size: number): Promise<never> {
  try {
    await inspectRecording(kept, fileName);
  } catch (error) {
    if (!(error instanceof RecordingError) || error.code !== 'too_large') throw error;
  }
  throw recordingRefusals(fileName).tooLarge(size, recordingLimits.maxBytes);
}

function readName(value: string | undefined, fileName: string): string {
  const given = value?.trim() ? value : fileName.replace(/\.[^.]{1,5}$/, '').slice(0, 120);
  refuseBadCharacters({ name: given });
  const parsed = recordingNameSchema.safeParse(given);
  if (!parsed.success) {
    throw badRequest(
      'validation_failed',
      'Some fields are invalid; see errors.',
      parsed.error.issues.map((issue) => ({
        field: 'name',
        code: issue.message,
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/** The name as shown to staff: no folders, no control characters, 200 characters at most. */
function uploadedFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/g, '').trim();
  return (clean || 'enregistrement').slice(0, 200);
}
