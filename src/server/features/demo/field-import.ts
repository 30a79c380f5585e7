import { sql } from 'drizzle-orm';
import type { FieldImport, FieldImportKind } from '../../../contracts/field.ts';
import type { AppContext } from '../../core/context.ts';
import { startOperation } from '../../core/operations/index.ts';
import { FIELD_IMPORT_OPERATION, fieldImport, runFieldImport } from '../field/imports/service.ts';

/** Stored chunk size, as uploads are stored (imports/files.ts). */
const CHUNK_BYTES = 256 * 1024;

/**
 * Imports a demo file as an upload would be: an import row and its operation, the file in
 * chunks, then the job's own reading (`runFieldImport`), which fills the field's tables and ends
 * the import with its report. Fails unless the import succeeded: the demo's files are meant to
 * be read without a refusal.
 */
export async function importDemoFile(
  ctx: AppContext,
  file: {
    kind: FieldImportKind;
    fileName: string;
    bytes: Buffer;
    label?: string;
    electionId?: number;
  },
  startedBy: number | null,
): Promise<FieldImport> {
  const importId = await ctx.database.transaction(async (query) => {
    const [row] = await query<{ id: number }>(
      sql`INSERT INTO field_imports (campaign_id, kind, file_name, size, status, label, election_id, started_by)
          VALUES (${ctx.campaignId}, ${file.kind}, ${file.fileName}, ${file.bytes.length}, 'queued',
                  ${file.label ?? null}, ${file.electionId ?? null}, ${startedBy})
          RETURNING id`,
    );
    const id = Number(row.id);
    for (let seq = 0; seq * CHUNK_BYTES < file.bytes.length; seq++) {
      const chunk = file.bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
      await query(
        sql`INSERT INTO field_import_files (campaign_id, import_id, seq, data)
            VALUES (${ctx.campaignId}, ${id}, ${seq}, ${chunk})`,
      );
    }
    await startOperation(query, ctx.campaignId, {
      kind: FIELD_IMPORT_OPERATION,
      subjectId: id,
      label: file.fileName,
      startedBy,
    });
    return id;
  });
  await runFieldImport(ctx, importId);
  const done = await fieldImport(ctx, importId);
  if (done.status !== 'succeeded') {
    throw new Error(
      `The demo's ${file.kind} file was not imported (${done.status}): ${done.error?.code ?? ''} ${done.error?.message ?? ''}`,
    );
  }
  return done;
}
