import type { PrivacyRequest } from '../../../contracts/person-records.ts';
import type { AppContext } from '../../core/context.ts';
import { conflict } from '../../core/http/errors.ts';
import { exportMyData } from './me.ts';
import { assertPersonExists } from './records.ts';
import { accountAccessOf, holdsAccess } from '../accounts/access.ts';
import { erasePerson } from './service.ts';

/**
 * What the audit log keeps of a request received by post or email: how it came and the
 * campaign's reference for it, so the paper trail can be found, and nothing about the person.
 */
const requestDetails = (request: PrivacyRequest) => ({
  by: 'staff',
  channel: request.channel,
  reference: request.reference,
});

/** The person's data file, the same one they download themselves (GDPR art. 15). */
export async function carryOutAccessRequest(
  ctx: AppContext,
  personId: number,
  request: PrivacyRequest,
  actorId: number,
  ip?: string,
) {
  await assertPersonExists(ctx, personId);
  return exportMyData(ctx, personId, { actorId, details: requestDetails(request), ip });
}

/**
 * The same erasure as the person's own (GDPR art. 17). A staff account is not erased this
 * way: its roles are removed first (a request must not take away someone's access by mistake).
 */
export async function carryOutErasureRequest(
  ctx: AppContext,
  personId: number,
  request: PrivacyRequest,
  actorId: number,
) {
  await assertPersonExists(ctx, personId);
  const accounts = await accountAccessOf(ctx.database, ctx.campaignId, [personId]);
  if (holdsAccess(accounts.get(personId)))
    throw conflict(
      'staff_account',
      'This person has a staff account: remove their roles first, then erase their data.',
    );
  await erasePerson(ctx, personId, actorId, requestDetails(request));
}
