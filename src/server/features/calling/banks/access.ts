import { rankAtLeast } from '../../../../contracts/access.ts';
import type { AppContext } from '../../../core/context.ts';
import type { AuthState } from '../../../core/http/session.ts';
import { AppError } from '../../../core/http/errors.ts';
import { myCommittees } from '../../committees/service.ts';
import { sessionsOf } from '../../events/rsvp.ts';
import { banksOfShifts } from './shifts.ts';
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

/** What decides a person's grants, read once for any number of banks. */
export interface GrantFacts {
  /** Committees they are a member of (or more). */
  memberOf: ReadonlySet<number>;
  /** Banks one of whose shifts they are going to. */
  shiftBanks: ReadonlySet<number>;
  staff: boolean;
}

/** Why a person may call in a bank, or null: the rule itself. */
export function grantFrom(bank: BankRow, facts: GrantFacts): BankGrant | null {
  if (bank.access === 'supporters') return 'supporter';
  if (bank.committee_id !== null && facts.memberOf.has(Number(bank.committee_id))) {
    return 'committee';
  }
  if (facts.shiftBanks.has(Number(bank.id))) return 'shift';
  if (facts.staff) return 'staff';
  return null;
}

/** The facts of a person's grants: their committees, the shifts they go to, their rights. */
export async function grantFacts(ctx: AppContext, caller: Caller): Promise<GrantFacts> {
  const [committees, going] = await Promise.all([
    myCommittees(ctx, caller.personId),
    sessionsOf(ctx, caller.personId, 'phone_bank', 0),
  ]);
  return {
    memberOf: new Set(
      committees.filter((c) => rankAtLeast(c.rank, 'member')).map((c) => Number(c.id)),
    ),
    shiftBanks: new Set(await banksOfShifts(ctx, going)),
    staff: caller.permissions.includes('calling.manage'),
  };
}

/** The grant for one bank, or null when the person may not call there. */
export async function grantOf(
  ctx: AppContext,
  caller: Caller,
  bank: BankRow,
): Promise<BankGrant | null> {
  if (bank.access === 'supporters') return 'supporter';
  return grantFrom(bank, await grantFacts(ctx, caller));
}
