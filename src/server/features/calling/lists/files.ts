import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { callListFieldsSchema } from '../../../../contracts/calling-lists.ts';
import { storeFileChunks } from '../../../core/uploads/chunks.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Database } from '../../../core/db/index.ts';
import { refuseBadCharacters } from '../../../core/http/control-characters.ts';
import { AppError, badRequest } from '../../../core/http/errors.ts';

/**
 * Stored chunk size: small enough that writing or reading one holds PGlite (the server's
 * thread) only briefly.
 */

export interface ReceivedList {
  listId: number;
  name: string;
  fileName: string;
  size: number;
}

const tooLarge = () =>
  new AppError(
    413,
    'payload_too_large',
    'Le fichier dépasse la taille que ce serveur accepte pour un import (IMPORT_LIMIT_BYTES) : coupez la liste en plusieurs fichiers.',
  );

/**
 * Reads a multipart request whose `name` field comes before its `file`, and stores the file
 * in the database as it arrives, under a new list row (status `uploading`, shown to nobody):
 * the job that reads it may run in any process, after a restart too. A refused upload leaves
 * nothing behind.
 */
export async function receiveCallListFile(
  ctx: AppContext,
  request: FastifyRequest,
  startedBy: number,
): Promise<ReceivedList> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  let received: ReceivedList | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || received) {
        await part.toBuffer().catch(() => undefined);
        continue;
      }
      const name = readName(fields);
      const fileName = (part.filename || 'liste.csv').slice(0, 200);
      const [row] = await ctx.database.query<{ id: number }>(
        sql`INSERT INTO call_lists (campaign_id, name, file_name, size, status, started_by)
            VALUES (${ctx.campaignId}, ${name}, ${fileName}, 0, 'uploading', ${startedBy})
            RETURNING id`,
      );
      received = { listId: Number(row.id), name, fileName, size: 0 };
      received.size = await storeChunks(ctx, received.listId, part.file);
      if (part.file.truncated) throw tooLarge();
    }
    if (!received) throw badRequest('file_required', 'Joignez le fichier dans un champ « file ».');
    if (received.size === 0) throw badRequest('empty_file', 'Le fichier est vide.');
    return received;
  } catch (error) {
    if (received) await forgetUpload(ctx, received.listId);
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
}

function readName(fields: Record<string, string>): string {
  refuseBadCharacters(fields, 'fields');
  const parsed = callListFieldsSchema.safeParse({ name: fields.name ?? '' });
  if (!parsed.success) {
    throw badRequest(
      'invalid_fields',
      'Nommez la liste (champ « name », 120 caractères au plus), avant le fichier.',
      parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        code: issue.message,
        message: issue.message,
      })),
    );
  }
  return parsed.data.name;
}

const storeChunks = (ctx: AppContext, listId: number, file: AsyncIterable<Buffer>) =>
  storeFileChunks(file, (seq, data) =>
    ctx.database.query(
      sql`INSERT INTO call_list_files (campaign_id, list_id, seq, data)
          VALUES (${ctx.campaignId}, ${listId}, ${seq}, ${data})`,
    ),
  );

async function forgetUpload(ctx: AppContext, listId: number) {
  await ctx.database.transaction(async (query) => {
    await query(
      sql`DELETE FROM call_list_files WHERE campaign_id = ${ctx.campaignId} AND list_id = ${listId}`,
    );
    await query(
      sql`DELETE FROM call_lists WHERE campaign_id = ${ctx.campaignId} AND id = ${listId}`,
    );
  });
}

/** A stored file that ends before the size its upload had: never read as a shorter list. */
export const fileCutShort = (read: number, expected: number) =>
  new AppError(
    500,
    'file_cut_short',
    `Le fichier enregistré s’arrête avant sa fin (${read} octets sur ${expected}) : aucun numéro n’a été gardé. Importez-le à nouveau.`,
  );

/**
 * The stored file, chunk by chunk (one in memory at a time). Throws `file_cut_short` at its
 * end when fewer bytes were read than the upload stored.
 */
export async function* storedCallListFile(
  database: Database,
  campaignId: number,
  listId: number,
  size: number,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  for (let seq = 0; ; seq++) {
    const rows = await database.query<{ data: Uint8Array }>(
      sql`SELECT data FROM call_list_files WHERE campaign_id = ${campaignId} AND list_id = ${listId} AND seq = ${seq}`,
    );
    if (rows.length === 0) break;
    read += rows[0].data.length;
    yield rows[0].data;
  }
  if (read !== size) throw fileCutShort(read, size);
}
