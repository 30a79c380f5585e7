/** Helpers of the field feature's integration tests. */
import { readFileSync } from 'node:fs';
import type { FieldImport } from '../../../contracts/field.ts';
import type { Browser, TestApp } from '../../testing/harness.ts';
import { multipartUpload } from '../../testing/multipart.ts';

export const fieldFixture = (folder: 'results' | 'stations' | 'addresses', name: string) =>
  readFileSync(new URL(`./${folder}/fixtures/${name}`, import.meta.url));

/** A multipart body with text fields before the file, as the import form sends it. */
export const fieldUpload = multipartUpload;

/** Uploads a field file and waits for its import to end; answers the import as it ended. */
export async function importFieldFile(
  t: TestApp,
  staff: Browser,
  fields: Record<string, string>,
  file: Buffer,
  fileName: string,
): Promise<FieldImport> {
  const { body, headers } = fieldUpload(fields, file, fileName);
  const started = await staff.request('POST', '/api/field/imports', body, headers);
  if (started.statusCode !== 202) throw new Error(`import refused: ${started.body}`);
  const { id } = started.json() as FieldImport;
  for (let tries = 0; tries < 400; tries++) {
    const response = await staff.get(`/api/field/imports/${id}`);
    const current = response.json() as FieldImport;
    if (current.status === 'succeeded' || current.status === 'failed') return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} did not end on ${t.engine}`);
}
