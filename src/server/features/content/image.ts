import type { FastifyRequest } from 'fastify';
import { CONTENT_IMAGE_MAX_BYTES } from '../../../contracts/content.ts';
import { AppError, badRequest } from '../../core/http/errors.ts';

const tooLarge = () =>
  new AppError(
    413,
    'image_too_large',
    `The image is larger than the limit of ${CONTENT_IMAGE_MAX_BYTES / 1024 / 1024} MB.`,
  );

/**
 * The `file` part of a multipart upload, refused past CONTENT_IMAGE_MAX_BYTES while it streams
 * in (the limit is said in the error). It is re-encoded before it is kept (service.ts).
 */
export async function receiveImage(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the image as multipart/form-data.');
  }
  const part = await request.file({ limits: { fileSize: CONTENT_IMAGE_MAX_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file')
    throw badRequest('file_required', 'Attach the image in a "file" field.');
  const bytes = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  });
  if (part.file.truncated) throw tooLarge();
  return bytes;
}
