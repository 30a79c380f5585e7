import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { AppContext } from '../../core/context.ts';
import { sha256 } from '../../core/crypto.ts';
import { runSql } from '../../core/db/statement.ts';
import { AppError, badRequest } from '../../core/http/errors.ts';

/** The largest photo accepted, and the most pixels decoded (a "decompression bomb" is refused). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_MAX_PIXELS = 40_000_000;
const PHOTO_SIDE = 1200;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif']);

const notAnImage = () =>
  badRequest(
    'not_an_image',
    'The file is not a photo Levier can read (JPEG, PNG, WebP, GIF, HEIC or AVIF).',
    [{ field: 'file', code: 'not_an_image', message: 'Not a photo.' }],
  );
const tooLarge = () =>
  new AppError(
    413,
    'image_too_large',
    `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB or ${PHOTO_MAX_PIXELS / 1_000_000} million pixels.`,
  );

/** The `file` part of a multipart upload, within the photo's size. */
export async function receivePhoto(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the photo as multipart/form-data.');
  }
  const part = await request.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file')
    throw badRequest('file_required', 'Attach the photo in a "file" field.');
  const bytes = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  });
  if (part.file.truncated) throw tooLarge();
  return bytes;
}

/**
 * Re-encodes a photo (whatever it claimed to be): read by its content, at most 40 million
 * pixels, turned upright, at most 1,200 px a side, as WebP without its metadata (no place
 * or camera), so that what is served is an image Levier made.
 */
export async function reencodePhoto(bytes: Buffer) {
  const refusal = (error: unknown) =>
    /pixel limit/i.test(String((error as Error).message)) ? tooLarge() : notAnImage();
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS }).metadata()).format;
  } catch (error) {
    throw refusal(error);
  }
  if (!format || !ACCEPTED.has(format)) throw notAnImage();
  try {
    return await sharp(bytes, {
      limitInputPixels: PHOTO_MAX_PIXELS,
      failOn: 'error',
      animated: false,
    })
      .rotate()
      .resize({ width: PHOTO_SIDE, height: PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw refusal(error);
  }
}

export async function setCommitteePhoto(ctx: AppContext, committeeId: number, bytes: Buffer) {
  const { data, info } = await reencodePhoto(bytes);
  const etag = sha256(data.toString('base64')).slice(0, 16);
  await runSql(
    ctx.database,
    sql`INSERT INTO committee_photos (campaign_id, committee_id, image, width, height, etag)
        VALUES (${ctx.campaignId}, ${committeeId}, ${data}, ${info.width}, ${info.height}, ${etag})
        ON CONFLICT (campaign_id, committee_id) DO UPDATE
           SET image = EXCLUDED.image, width = EXCLUDED.width, height = EXCLUDED.height,
               etag = EXCLUDED.etag, updated_at = now()`,
  );
  return { url: photoUrl(committeeId, etag), width: info.width, height: info.height };
}

export async function removeCommitteePhoto(ctx: AppContext, committeeId: number) {
  await runSql(
    ctx.database,
    sql`DELETE FROM committee_photos WHERE campaign_id = ${ctx.campaignId} AND committee_id = ${committeeId}`,
  );
}

export const photoUrl = (committeeId: number, etag: string) =>
  `/committees/${committeeId}/photo.webp?v=${etag}`;

/** The photo's URL for committees' answers, or null. */
export async function photoUrls(ctx: AppContext, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await runSql<{ committee_id: number; etag: string }>(
    ctx.database,
    sql`SELECT committee_id, etag FROM committee_photos
         WHERE campaign_id = ${ctx.campaignId} AND committee_id = ANY(${[...ids]})`,
  );
  return new Map(
    rows.map((r) => [Number(r.committee_id), photoUrl(Number(r.committee_id), r.etag)]),
  );
}

/** The photo's bytes for a published committee (the public page shows it). */
export async function publishedPhoto(ctx: AppContext, committeeId: number) {
  const [row] = await runSql<{ image: Uint8Array; etag: string }>(
    ctx.database,
    sql`SELECT p.image, p.etag FROM committee_photos p
          JOIN committees c ON c.campaign_id = p.campaign_id AND c.id = p.committee_id
         WHERE p.campaign_id = ${ctx.campaignId} AND p.committee_id = ${committeeId} AND c.status = 'published'`,
  );
  return row ? { image: Buffer.from(row.image), etag: row.etag } : null;
}
