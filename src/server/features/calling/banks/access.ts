import { rankAtLeast } from '../../../../contracts/access.ts';
import type { AppContext } from '../../../core/context.ts';
import type { AuthState } from '../../../core/http/session.ts';
import { AppError } from '../../../core/http/errors.ts';
import { membershipOf } from '../../committees/service.ts';
import { sessionsOf } from '../../events/rsvp.ts';
import { shiftEventIds } from './shifts.ts';
import type { BankRow } from './service.ts';

/** Why a person may call in a bank. */
export type BankGrant = 'staff' | 'supporter' | 'committee' | 'shift';

export type Caller = Pick<AuthState, 'personId' | 'permissions'>;

const notYours = () =>
  new AppError(
    403,
    'phone_bank_not_yours',
    'Cette banque d’appels ne vous est pas ouverte. Inscrivez-vous à l’un de ses créneaux ou demandez à votre comité.',
  );

/**
 * Who may call in a bank besides staff who manage calls: any supporter when it is open to
 * all, the members of its committee, and those going to one of its shifts. Anyone else gets
 * 403 `phone_bank_not_yours`.
 */
export async function bankGrant(
  ctx: AppContext,
  caller: Caller,
  bank: BankRow,
): Promise<BankGrant> {
  const grant = await grantOf(ctx, caller, bank);
  if (!grant) throw notYours();
  return grant;
}

/** The grant, or null when the person may not call there. */
export async function grantOf(
  ctx: AppContext,
  caller: Caller,
  bank: BankRow,
): Promise<BankGrant | null> {
  if (bank.access === 'supporters') return 'supporter';
  if (bank.committee_id !== null) {
    const membership = await membershipOf(
      ctx.database,
      ctx.campaignId,
      Number(bank.committee_id),
      caller.personId,
    );
    if (membership && rankAtLeast(membership.rank, 'member')) return 'committee';
  }
  const going = await sessionsOf(ctx, caller.personId, 'phone_bank', 0);
  if (going.length > 0) {
    const shifts = await shiftEventIds(ctx, Number(bank.id));
    if (going.some((id) => shifts.includes(id))) return 'shift';
  }
  if (caller.permissions.includes('calling.manage')) return 'staff';
  return null;
}
