import { sql } from 'drizzle-orm';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { importOptionsSchema, type ImportOptions } from '../../../../contracts/people.ts';
import type { Database } from '../../../core/db/index.ts';
import { refuseBadCharacters } from '../../../core/http/control-characters.ts';
import { AppError, badRequest } from '../../../core/http/errors.ts';
import { binaryReason, EncodingDetector, type CsvEncoding } from './encoding.ts';
import type { Query } from './session.ts';

/** An uploaded CSV spooled to a temporary file, with what its bytes told us. */
export interface Upload {
  path: string;
  fileName: string;
  size: number;
  encoding: CsvEncoding;
  options: ImportOptions;
  dispose(): Promise<void>;
}

const HEAD_BYTES = 64 * 1024;
/**
 * Stored chunk size: small enough that writing or reading one holds PGlite (the server's
 * thread) only briefly (reading back a 1 MiB chunk took 110 ms).
 */
const CHUNK_BYTES = 256 * 1024;

/**
 * Reads a multipart request with a `file` part and an `options` part (JSON, either order) and
 * spools the file to disk, so nothing large stays in memory and the file can be read twice.
 */
export async function receiveUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
  }
  const dir = await mkdtemp(join(tmpdir(), 'levier-import-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    let rawOptions: unknown;
    let file: Omit<Upload, 'options' | 'dispose'> | undefined;
    let head = Buffer.alloc(0);
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'options') rawOptions = part.value;
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer().catch(() => undefined);
        continue;
      }
      const path = join(dir, 'upload.csv');
      const handle = await open(path, 'w');
      const detector = new EncodingDetector();
      let size = 0;
      try {
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          if (head.length < HEAD_BYTES)
            head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
          detector.push(chunk);
          size += chunk.length;
          await handle.write(chunk);
        }
      } finally {
        await handle.close();
      }
      if (part.file.truncated) throw tooLarge();
      file = { path, fileName: part.filename || 'import.csv', size, encoding: detector.result() };
    }
    if (!file) throw badRequest('file_required', 'Attach the CSV file in a "file" field.');
    if (file.size === 0) throw badRequest('empty_file', 'The file is empty.');
    const binary = binaryReason(head);
    if (binary) throw badRequest('unreadable_csv', binary);
    return { ...file, options: parseOptions(rawOptions), dispose };
  } catch (error) {
    await dispose();
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
}

const tooLarge = () =>
  new AppError(
    413,
    'payload_too_large',
    'The file is larger than this server accepts for an import (IMPORT_LIMIT_BYTES).',
  );

export function parseOptions(raw: unknown): ImportOptions {
  let value: unknown = raw ?? { mapping: {} };
  if (typeof value === 'string') {
    try {
      value = value.trim() === '' ? { mapping: {} } : JSON.parse(value);
    } catch {
      throw badRequest('invalid_options', 'The "options" field is not valid JSON.');
    }
  }
  refuseBadCharacters(value, 'options');
  if (value && typeof value === 'object' && !('mapping' in value))
    value = { ...value, mapping: {} };
  const parsed = importOptionsSchema.safeParse(value);
  if (!parsed.success) {
    throw badRequest(
      'invalid_options',
      'Some import options are invalid; see errors.',
      parsed.error.issues.map((i) => ({
        field: i.path.join('.'),
        code: i.code,
        message: i.message,
      })),
    );
  }
  return parsed.data;
}

/** The spooled file as a stream of chunks. */
export function fileChunks(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: CHUNK_BYTES });
}

/** Keeps the file in the database, so that the job can run in any process, after a restart too. */
export async function storeFile(
  query: Query,
  campaignId: number,
  importId: number,
  path: string,
): Promise<void> {
  let seq = 0;
  for await (const chunk of fileChunks(path)) {
    await query(
      sql`INSERT INTO import_files (campaign_id, import_id, seq, data) VALUES (${campaignId}, ${importId}, ${seq++}, ${chunk})`,
    );
  }
}

/** The stored file, chunk by chunk (one in memory at a time). */
export async function* storedChunks(
  database: Database,
  campaignId: number,
  importId: number,
): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const rows = await database.query<{ data: Uint8Array }>(
      sql`SELECT data FROM import_files WHERE campaign_id = ${campaignId} AND import_id = ${importId} AND seq = ${seq}`,
    );
    if (rows.length === 0) return;
    yield rows[0].data;
  }
}
