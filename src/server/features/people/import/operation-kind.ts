import { audit } from '../../../core/audit.ts';
import type { OperationKind } from '../../../core/operations/index.ts';
import { importRequestAudit } from '../import-audit.ts';
import { IMPORT_OPERATION } from './operation.ts';
import { cancelImport } from './service.ts';

/** An import can be cancelled from the operations list as from its own page (same audit). */
export const importOperation: OperationKind = {
  kind: IMPORT_OPERATION,
  async cancel(ctx, importId, actor) {
    const report = await cancelImport(ctx, importId);
    await audit(
      ctx.database,
      importRequestAudit(
        ctx.campaignId,
        'import.cancel',
        importId,
        actor.personId,
        { status: report.status },
        actor.ip,
      ),
    );
  },
};
