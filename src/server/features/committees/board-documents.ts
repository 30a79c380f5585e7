import type { FastifyRequest } from 'fastify';
import { DOCUMENT_MAX_BYTES, type DocumentType } from '../../../contracts/committee-board.ts';
import { AppError, badRequest } from '../../core/http/errors.ts';

/** Each type the board takes: what people call it, and the names its files may end with. */
const KINDS: Record<DocumentType, { label: string; extensions: readonly string[] }> = {
  'application/pdf': { label: 'a PDF', extensions: ['pdf'] },
  'image/jpeg': { label: 'a JPEG image', extensions: ['jpg', 'jpeg', 'jfif'] },
  'image/png': { label: 'a PNG image', extensions: ['png'] },
  'image/gif': { label: 'a GIF image', extensions: ['gif'] },
  'image/webp': { label: 'a WebP image', extensions: ['webp'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'a Word document',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'an Excel workbook',
    extensions: ['xlsx'],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    label: 'a PowerPoint presentation',
    extensions: ['pptx'],
  },
  'application/vnd.oasis.opendocument.text': { label: 'an OpenDocument text', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': {
    label: 'an OpenDocument spreadsheet',
    extensions: ['ods'],
  },
  'application/vnd.oasis.opendocument.presentation': {
    label: 'an OpenDocument presentation',
    extensions: ['odp'],
  },
  'text/plain': { label: 'plain text', extensions: ['txt', 'md'] },
  'text/csv': { label: 'a CSV table', extensions: ['csv'] },
};

const ACCEPTED_TEXT =
  'PDF, JPEG, PNG, GIF, WebP, Word, Excel or PowerPoint (.docx, .xlsx, .pptx), OpenDocument, plain text or CSV';

export const documentTooLarge = () =>
  new AppError(
    413,
    'document_too_large',
    `The document is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB: send a smaller one (a PDF, or a lighter export).`,
  );
const refused = (why: string) =>
  badRequest('document_type_refused', `${why} The board takes ${ACCEPTED_TEXT}.`, [
    { field: 'file', code: 'document_type_refused', message: why },
  ]);

const startsWith = (bytes: Buffer, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Buffer, text: string, at = 0) =>
  bytes.subarray(at, at + text.length).toString('latin1') === text;

/** The names of a ZIP archive's entries, from its central directory; null if it is not one. */
function zipEntries(bytes: Buffer): string[] | null {
  const from = Math.max(0, bytes.length - 65_557);
  for (let end = bytes.length - 22; end >= from; end -= 1) {
    if (bytes.readUInt32LE(end) !== 0x06054b50) continue;
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = bytes.readUInt16LE(at + 28);
      const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
      names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
      at += 46 + nameLength + extra;
    }
    return names;
  }
  return null;
}

/** An OpenDocument's type: its first entry, `mimetype`, stored uncompressed. */
function openDocumentType(bytes: Buffer): string | null {
  if (bytes.length < 38 || !ascii(bytes, 'mimetype', 30)) return null;
  const size = bytes.readUInt32LE(18);
  const start = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
  return bytes.subarray(start, start + Math.min(size, 100)).toString('latin1');
}

function officeType(bytes: Buffer): DocumentType {
  const names = zipEntries(bytes);
  if (!names) throw refused('The file is a damaged or unknown archive.');
  if (names.some((name) => /vbaProject\.bin$|^Basic\/|^Scripts\//i.test(name))) {
    throw refused('The document contains macros, which could run on members’ computers.');
  }
  const odf = openDocumentType(bytes);
  if (odf === 'application/vnd.oasis.opendocument.text') return odf;
  if (odf === 'application/vnd.oasis.opendocument.spreadsheet') return odf;
  if (odf === 'application/vnd.oasis.opendocument.presentation') return odf;
  const has = (name: string) => names.includes(name);
  if (has('[Content_Types].xml')) {
    if (has('word/document.xml'))
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (has('xl/workbook.xml'))
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (has('ppt/presentation.xml'))
      return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  }
  throw refused('The file is an archive (ZIP), not a document.');
}

/** Text: no byte that only binary files hold (controls other than tab, line breaks, page). */
function isText(bytes: Buffer) {
  for (const byte of bytes) {
    if (
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) ||
      byte === 0x7f
    )
      return false;
  }
  return true;
}

/**
 * What a file is, read from its bytes alone; then its name must agree (a PDF is called
 * `….pdf`), or get the right ending when it had none. Legacy Office files (.doc, .xls) are
 * refused: they cannot be told apart by their bytes and often carry macros.
 */
export function sniffDocument(bytes: Buffer, name: string): { type: DocumentType; name: string } {
  if (bytes.length === 0) {
    throw badRequest('document_empty', 'The file is empty: choose the document again.', [
      { field: 'file', code: 'document_empty', message: 'Empty file.' },
    ]);
  }
  let type: DocumentType;
  if (ascii(bytes, '%PDF-')) type = 'application/pdf';
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) type = 'image/jpeg';
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) type = 'image/png';
  else if (ascii(bytes, 'GIF87a') || ascii(bytes, 'GIF89a')) type = 'image/gif';
  else if (ascii(bytes, 'RIFF') && ascii(bytes, 'WEBP', 8)) type = 'image/webp';
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) type = officeType(bytes);
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw refused(
      'Old Office files (.doc, .xls, .ppt) may hold macros: save it as .docx, .xlsx or .pptx, or as a PDF.',
    );
  } else if (isText(bytes)) {
    type = /\.csv$/i.test(name) ? 'text/csv' : 'text/plain';
  } else {
    throw refused('Levier cannot tell what this file is.');
  }
  const safe = safeFileName(name);
  const dot = safe.lastIndexOf('.');
  const extension = dot > 0 ? safe.slice(dot + 1).toLowerCase() : '';
  const { label, extensions } = KINDS[type];
  if (!extension) return { type, name: `${safe}.${extensions[0]}` };
  if (!extensions.includes(extension)) {
    throw badRequest(
      'document_type_mismatch',
      `The file “${safe}” is not what its name says: its content is ${label}. Rename it, or choose the right file.`,
      [{ field: 'file', code: 'document_type_mismatch', message: `Its content is ${label}.` }],
    );
  }
  return { type, name: safe };
}

/**
 * A file name that is safe to show and to send back: no folder, no control or quoting
 * character, at most 120 characters (keeping its ending), never empty.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"*:<>?|;`]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!clean) return 'document';
  if (clean.length <= 120) return clean;
  const dot = clean.lastIndexOf('.');
  const ending = dot > 0 && clean.length - dot <= 6 ? clean.slice(dot) : '';
  return clean.slice(0, 120 - ending.length) + ending;
}

/** `Content-Disposition` for a download: an ASCII name, and the exact one in UTF-8. */
export function attachmentHeader(name: string): string {
  const fallback = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The `file` part of a multipart upload, within the board's size. */
export async function receiveDocument(
  request: FastifyRequest,
): Promise<{ bytes: Buffer; name: string }> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the document as multipart/form-data.');
  }
  const part = await request.file({ limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file')
    throw badRequest('file_required', 'Attach the document in a "file" field.');
  const bytes = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw documentTooLarge();
    throw error;
  });
  if (part.file.truncated) throw documentTooLarge();
  return { bytes, name: part.filename };
}
