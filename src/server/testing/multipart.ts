import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOptions, type Upload } from '../features/people/import/upload.ts';
import type { Browser } from './harness.ts';

/** A multipart/form-data body as a browser's FormData would send it. */
export function multipart(
  file: string | Buffer,
  options?: unknown,
  { fileName = 'people.csv', optionsFirst = true } = {},
) {
  const boundary = `----levier${randomBytes(8).toString('hex')}`;
  const optionsPart =
    options === undefined
      ? Buffer.alloc(0)
      : Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${typeof options === 'string' ? options : JSON.stringify(options)}\r\n`,
        );
  const filePart = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(file) ? file : Buffer.from(file),
    Buffer.from('\r\n'),
  ]);
  const parts = optionsFirst ? [optionsPart, filePart] : [filePart, optionsPart];
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function upload(
  browser: Browser,
  url: string,
  file: string | Buffer,
  options?: unknown,
  how?: Parameters<typeof multipart>[2],
) {
  const { body, headers } = multipart(file, options, how);
  return browser.request('POST', url, body, headers);
}

/** A CSV file as the upload route spools it, for calling the import's service directly. */
export async function spooled(csv: string, options: Record<string, unknown> = {}): Promise<Upload> {
  const dir = await mkdtemp(join(tmpdir(), 'levier-import-test-'));
  const path = join(dir, 'people.csv');
  await writeFile(path, csv);
  return {
    path,
    fileName: 'people.csv',
    size: Buffer.byteLength(csv),
    encoding: 'utf-8',
    options: parseOptions({ mapping: {}, ...options }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A multipart body with text fields before the file, as the upload forms send it. */
export function multipartUpload(
  fields: Record<string, string>,
  file: Buffer,
  fileName: string,
  contentType = 'application/octet-stream',
) {
  const boundary = `----levier${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
  );
  const body = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
