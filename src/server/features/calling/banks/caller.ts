import { sql } from 'drizzle-orm';
import type { CallerBank, MyPhoneBanks } from '../../../../contracts/phone-banks.ts';
import type { ElectionRound } from '../../../../contracts/compliance.ts';
import type { AppContext } from '../../../core/context.ts';
import { allRounds } from '../../compliance/elections.ts';
import { questionnaireById } from '../../field/questionnaires/service.ts';
import { sessionsOf } from '../../events/rsvp.ts';
import { bankGrant, grantFacts, grantFrom, type Caller } from './access.ts';
import { callableNow } from './claims.ts';
import { bankCounts, bankRow, type BankRow } from './service.ts';
import { upcomingShifts } from './shifts.ts';
import { myCounts } from './stats.ts';

/** Whether a claim would be served now, and why not. */
async function callingNow(ctx: AppContext, bank: BankRow, rounds?: readonly ElectionRound[]) {
  if (bank.status !== 'open') return { callingNow: false, closedReason: 'not_open' as const };
  const where = await callableNow(ctx, bank, new Date(), rounds);
  return { callingNow: where.closed === null, closedReason: where.closed };
}

/** A bank as a volunteer who may call in it sees it: script, questionnaire, shifts, own counts. */
export async function callerBank(
  ctx: AppContext,
  caller: Caller,
  bankId: number,
): Promise<CallerBank> {
  const bank = await bankRow(ctx.database.query, ctx.campaignId, bankId);
  await bankGrant(ctx, caller, bank);
  const questionnaire = bank.questionnaire_id
    ? await questionnaireById(ctx, Number(bank.questionnaire_id)).catch(() => null)
    : null;
  const counts = (await bankCounts(ctx.database.query, ctx.campaignId, [bank])).get(bankId)!;
  const going = new Set(await sessionsOf(ctx, caller.personId, 'phone_bank', 0));
  const shifts = ((await upcomingShifts(ctx, [bankId])).get(bankId) ?? []).map((shift) => ({
    ...shift,
    mine: going.has(shift.eventId),
  }));
  return {
    id: bankId,
    name: bank.name,
    status: bank.status,
    script: bank.script,
    questionnaire:
      questionnaire && !questionnaire.archived
        ? { versionId: questionnaire.current.id, definition: questionnaire.current.definition }
        : null,
    ...(await callingNow(ctx, bank)),
    windows: bank.windows,
    due: counts.due,
    mine: await myCounts(ctx, bankId, caller.personId),
    shifts,
  };
}

/** The open (or paused) banks a person may call in, for their space. */
export async function myBanks(ctx: AppContext, caller: Caller): Promise<MyPhoneBanks> {
  const [banks, facts, rounds] = await Promise.all([
    ctx.database.query<BankRow>(
      sql`SELECT * FROM phone_banks WHERE campaign_id = ${ctx.campaignId} AND status IN ('open', 'paused')
           ORDER BY opened_at DESC, id DESC`,
    ),
    grantFacts(ctx, caller),
    allRounds(ctx.database, ctx.campaignId),
  ]);
  const mine = banks.filter((bank) => grantFrom(bank, facts) !== null);
  const counts = await bankCounts(ctx.database.query, ctx.campaignId, mine);
  const shifts = await upcomingShifts(
    ctx,
    mine.map((bank) => Number(bank.id)),
  );
  return Promise.all(
    mine.map(async (bank) => {
      const id = Number(bank.id);
      return {
        id,
        name: bank.name,
        ...(await callingNow(ctx, bank, rounds)),
        due: counts.get(id)!.due,
        nextShift: shifts.get(id)?.[0] ?? null,
      };
    }),
  );
}
