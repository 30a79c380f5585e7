import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { fieldImportFieldsSchema, type FieldImportKind } from '../../../../contracts/field.ts';
import { storeFileChunks } from '../../../core/uploads/chunks.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Database } from '../../../core/db/index.ts';
import { refuseBadCharacters } from '../../../core/http/control-characters.ts';
import { AppError, badRequest } from '../../../core/http/errors.ts';
import { electionForList } from './elector-retention.ts';

/**
 * Stored chunk size: small enough that writing or reading one holds PGlite (the server's
 * thread) only briefly.
 */

export interface ReceivedFile {
  importId: number;
  kind: FieldImportKind;
  fileName: string;
  size: number;
}

const tooLarge = () =>
  new AppError(
    413,
    'payload_too_large',
    'Le fichier dépasse la taille que ce serveur accepte pour un import (IMPORT_LIMIT_BYTES) : importez un fichier par département.',
  );

/**
 * Reads a multipart request whose text fields (`kind`, `label`) come before its `file`, and
 * stores the file in the database as it arrives, under a new import row: the job that reads it
 * may run in any process, after a restart too. A refused upload leaves nothing behind.
 */
export async function receiveFieldFile(
  ctx: AppContext,
  request: FastifyRequest,
  startedBy: number,
): Promise<ReceivedFile> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  let received: ReceivedFile | undefined;
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
      const { kind, label, electionId } = readFields(fields);
      if (electionId !== undefined) await assertElection(ctx, electionId);
      const fileName = (part.filename || 'import').slice(0, 200);
      const [row] = await ctx.database.query<{ id: number }>(
        sql`INSERT INTO field_imports (campaign_id, kind, file_name, size, status, label, election_id, started_by)
            VALUES (${ctx.campaignId}, ${kind}, ${fileName}, 0, 'uploading', ${label ?? null},
                    ${electionId ?? null}, ${startedBy})
            RETURNING id`,
      );
      received = { importId: Number(row.id), kind, fileName, size: 0 };
      received.size = await storeChunks(ctx, received.importId, part.file);
      if (part.file.truncated) throw tooLarge();
    }
    if (!received) throw badRequest('file_required', 'Joignez le fichier dans un champ « file ».');
    if (received.size === 0) throw badRequest('empty_file', 'Le fichier est vide.');
    return received;
  } catch (error) {
    if (received) await forgetUpload(ctx, received.importId);
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
}

function readFields(fields: Record<string, string>) {
  refuseBadCharacters(fields, 'fields');
  const parsed = fieldImportFieldsSchema.safeParse({
    kind: fields.kind,
    ...(fields.label?.trim() ? { label: fields.label } : {}),
    ...(fields.electionId?.trim() ? { electionId: fields.electionId } : {}),
  });
  if (!parsed.success) {
    throw badRequest(
      'invalid_fields',
      'Dites quel fichier vous importez (champ « kind » : results, reu, addresses ou electoral_list), avant le fichier.',
      parsed.error.issues.map((i) => ({
        field: i.path.join('.'),
        code: i.message,
        message: i.message,
      })),
    );
  }
  if (parsed.data.kind === 'results' && !parsed.data.label) {
    throw badRequest('label_required', 'Nommez l’élection de ce fichier de résultats.', [
      { field: 'label', code: 'required', message: 'required' },
    ]);
  }
  if (parsed.data.kind === 'electoral_list' && !parsed.data.electionId) {
    throw badRequest(
      'election_required',
      'Choisissez l’élection pour laquelle vous avez obtenu cette liste électorale : ses électeurs seront effacés le lendemain de son dernier tour.',
      [{ field: 'electionId', code: 'required', message: 'required' }],
    );
  }
  return {
    ...parsed.data,
    electionId: parsed.data.kind === 'electoral_list' ? parsed.data.electionId : undefined,
  };
}

/** An electoral list serves one of the campaign's elections, whose rounds are known. */
async function assertElection(ctx: AppContext, electionId: number) {
  const election = await electionForList(ctx, electionId);
  if (!election) {
    throw new AppError(
      422,
      'unknown_election',
      'Cette élection n’existe pas dans la campagne : déclarez-la d’abord (Conformité → Élections).',
      [{ field: 'electionId', code: 'unknown', message: 'unknown' }],
    );
  }
  if (election.lastRound === null) {
    throw new AppError(
      422,
      'election_without_rounds',
      'Donnez les dates des tours de cette élection (Conformité → Élections) : la liste électorale est effacée le lendemain du dernier.',
      [{ field: 'electionId', code: 'no_rounds', message: 'no_rounds' }],
    );
  }
}

const storeChunks = (ctx: AppContext, importId: number, file: AsyncIterable<Buffer>) =>
  storeFileChunks(file, (seq, data) =>
    ctx.database.query(
      sql`INSERT INTO field_import_files (campaign_id, import_id, seq, data)
          VALUES (${ctx.campaignId}, ${importId}, ${seq}, ${data})`,
    ),
  );

async function forgetUpload(ctx: AppContext, importId: number) {
  await ctx.database.query(
    sql`DELETE FROM field_import_files WHERE campaign_id = ${ctx.campaignId} AND import_id = ${importId}`,
  );
  await ctx.database.query(
    sql`DELETE FROM field_imports WHERE campaign_id = ${ctx.campaignId} AND id = ${importId}`,
  );
}

/** The stored file, chunk by chunk (one in memory at a time). */
export async function* storedFieldFile(
  database: Database,
  campaignId: number,
  importId: number,
): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const rows = await database.query<{ data: Uint8Array }>(
      sql`SELECT data FROM field_import_files WHERE campaign_id = ${campaignId} AND import_id = ${importId} AND seq = ${seq}`,
    );
    if (rows.length === 0) return;
    yield rows[0].data;
  }
}
