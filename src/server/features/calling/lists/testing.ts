/** Helpers of the call lists' integration tests. */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { CallList } from '../../../../contracts/calling-lists.ts';
import type { Browser, TestApp } from '../../../testing/harness.ts';
import { multipartUpload } from '../../../testing/multipart.ts';

/** A file's bytes from its lines (header first), UTF-8 unless told, CRLF as a spreadsheet saves. */
export const listFile = (lines: string[], encoding: BufferEncoding = 'utf8') =>
  Buffer.from(lines.map((line) => `${line}\r\n`).join(''), encoding);

/** A multipart body with the list's name before the file, as the import form sends it. */
export const listUpload = (fields: Record<string, string>, file: Buffer, fileName: string) =>
  multipartUpload(fields, file, fileName, 'text/csv');

export const uploadList = (
  browser: Browser,
  name: string,
  file: Buffer,
  fileName = 'liste.csv',
) => {
  const { body, headers } = listUpload({ name }, file, fileName);
  return browser.request('POST', '/api/calling/lists', body, headers);
};

export const problemOf = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  code: (response.json() as { code?: string }).code,
});

/** Fails with the response's body unless it has this status; answers its JSON. */
export function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response.json() as T;
}

/** Waits for a list's import to end; answers the list as it ended. */
export async function endOf(t: TestApp, staff: Browser, listId: number): Promise<CallList> {
  for (let tries = 0; tries < 400; tries++) {
    const current = expectStatus<CallList>(await staff.get(`/api/calling/lists/${listId}`), 200);
    if (current.status === 'succeeded' || current.status === 'failed') return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`call list ${listId} did not end on ${t.engine}`);
}

/** Uploads a list and waits for its import to end. */
export async function importList(
  t: TestApp,
  staff: Browser,
  name: string,
  file: Buffer,
  fileName = 'liste.csv',
): Promise<CallList> {
  const started = expectStatus<CallList>(await uploadList(staff, name, file, fileName), 202);
  return endOf(t, staff, started.id);
}

/** Rows of the test's database. */
export const dbRows = <T>(t: TestApp, text: string, params: unknown[] = []) =>
  t.ctx.database.query<T>(text, params);

/** What a list left in the database: its numbers and file chunks. */
export async function leftOf(t: TestApp, listId: number) {
  const campaignId = t.ctx.campaignId;
  const [row] = await t.ctx.database.query<{ numbers: number; chunks: number }>(
    sql`SELECT (SELECT count(*)::int FROM call_list_numbers WHERE campaign_id = ${campaignId} AND list_id = ${listId}) AS numbers,
               (SELECT count(*)::int FROM call_list_files WHERE campaign_id = ${campaignId} AND list_id = ${listId}) AS chunks`,
  );
  return row;
}
