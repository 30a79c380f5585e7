import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  PhoneBankShift,
  phoneBankShiftInputSchema,
} from '../../../../contracts/phone-banks.ts';
import type { AppContext } from '../../../core/context.ts';
import { conflict } from '../../../core/http/errors.ts';
import { assertOutsideSilence } from '../../compliance/schedule.ts';
import { createEvent, eventsByIds } from '../../events/service.ts';
import { bankRow } from './service.ts';

/** The banks these events are shifts of. */
export async function banksOfShifts(
  ctx: AppContext,
  eventIds: readonly number[],
): Promise<number[]> {
  if (eventIds.length === 0) return [];
  const rows = await ctx.database.query<{ bank_id: number }>(
    sql`SELECT DISTINCT bank_id FROM phone_bank_shifts
         WHERE campaign_id = ${ctx.campaignId} AND event_id = ANY(${[...eventIds]}::bigint[])`,
  );
  return rows.map((row) => Number(row.bank_id));
}

/** Banks' shifts, soonest first, with how full each is, by bank: one read for them all. */
async function shiftsByBank(
  ctx: AppContext,
  bankIds: readonly number[],
): Promise<Map<number, PhoneBankShift[]>> {
  const links = await ctx.database.query<{ bank_id: number; event_id: number }>(
    sql`SELECT bank_id, event_id FROM phone_bank_shifts
         WHERE campaign_id = ${ctx.campaignId} AND bank_id = ANY(${[...bankIds]}::bigint[])`,
  );
  const bankOf = new Map(links.map((link) => [Number(link.event_id), Number(link.bank_id)]));
  const events = await eventsByIds(ctx, [...bankOf.keys()]);
  const byBank = new Map<number, PhoneBankShift[]>();
  for (const event of events.sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const bankId = bankOf.get(event.id)!;
    byBank.set(bankId, [
      ...(byBank.get(bankId) ?? []),
      {
        eventId: event.id,
        title: event.title,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        capacity: event.capacity,
        going: event.going,
        open: event.capacity === null ? null : Math.max(0, event.capacity - event.going),
        status: event.status,
      },
    ]);
  }
  return byBank;
}

/** A bank's shifts, soonest first, with how full each is. */
export async function listShifts(ctx: AppContext, bankId: number): Promise<PhoneBankShift[]> {
  await bankRow(ctx.database.query, ctx.campaignId, bankId);
  return (await shiftsByBank(ctx, [bankId])).get(bankId) ?? [];
}

/** Banks' shifts still to come (published, not ended), soonest first, by bank. */
export async function upcomingShifts(
  ctx: AppContext,
  bankIds: readonly number[],
): Promise<Map<number, PhoneBankShift[]>> {
  const now = Date.now();
  const byBank = await shiftsByBank(ctx, bankIds);
  for (const [id, shifts] of byBank) {
    byBank.set(
      id,
      shifts.filter((shift) => shift.status === 'published' && Date.parse(shift.endsAt) > now),
    );
  }
  return byBank;
}

/**
 * Adds a shift: a published phone-bank event of HQ (or of the bank's committee) whose online
 * link is the bank's calling page; volunteers sign up on its page and get its reminders. A
 * shift in the pre-election silence is refused (serial calls are propaganda, L49).
 */
export async function addShift(
  ctx: AppContext,
  bankId: number,
  input: z.infer<typeof phoneBankShiftInputSchema>,
  actorId: number,
): Promise<PhoneBankShift> {
  const bank = await bankRow(ctx.database.query, ctx.campaignId, bankId);
  if (bank.status === 'closed') {
    throw conflict('phone_bank_closed', 'Cette banque d’appels est fermée : plus de créneau.');
  }
  await assertOutsideSilence(ctx, null, new Date(input.startsAt), new Date(input.endsAt));
  const eventId = await createEvent(
    ctx,
    bank.committee_id === null ? null : Number(bank.committee_id),
    actorId,
    {
      type: 'phone_bank',
      title: `${bank.name} — créneau d’appels`,
      description:
        'Des appels aux sympathisants depuis votre téléphone, avec le script et le questionnaire à l’écran.',
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      capacity: input.capacity,
      onlineUrl: `${ctx.config.publicUrl}/calls/${bankId}`,
      ...(input.postalCode && { place: { postalCode: input.postalCode } }),
      // Open to anyone: a shift is how someone outside the committee joins its calls.
      visibility: 'public',
    },
  );
  await ctx.database.query(
    sql`INSERT INTO phone_bank_shifts (campaign_id, bank_id, event_id) VALUES (${ctx.campaignId}, ${bankId}, ${eventId})`,
  );
  const shifts = await listShifts(ctx, bankId);
  return shifts.find((shift) => shift.eventId === eventId)!;
}
