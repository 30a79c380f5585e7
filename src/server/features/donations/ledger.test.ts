import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engines, signupAndConfirm, type TestApp } from '../../testing/harness.ts';
import {
  donorTotal,
  expirePendingGifts,
  GiftRefused,
  releaseGift,
  settleGift,
  takeGift,
  type GiftIntake,
} from './ledger.ts';

describe.each(engines)('the donations ledger on %s', (engine) => {
  let t: TestApp;
  let donors = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  const donor = () => signupAndConfirm(t, { email: `donor${++donors}@ledger.example` });
  const gift = (personId: number, overrides: Partial<GiftIntake> = {}): GiftIntake => ({
    personId,
    mode: 'candidate',
    capKey: 'election:1',
    amountCents: 10_000,
    means: 'card',
    attestations: { naturalPerson: true, frenchOrResident: true },
    status: 'succeeded',
    day: '2027-03-01',
    ...overrides,
  });
  const refusalOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GiftRefused);
    return error as GiftRefused;
  };
  const rows = async () =>
    (await t.ctx.database.query('SELECT count(*)::int AS n FROM donations'))[0] as { n: number };

  it('counts every gift of the election up to 4,600 EUR, and refuses one cent more in words', async () => {
    const personId = await donor();
    await takeGift(t.ctx, gift(personId, { amountCents: 200_000, means: 'card' }));
    await takeGift(t.ctx, gift(personId, { amountCents: 150_000, means: 'cheque' }));
    await takeGift(t.ctx, gift(personId, { amountCents: 100_000, means: 'transfer' }));
    await takeGift(t.ctx, gift(personId, { amountCents: 10_000, means: 'cash' }));
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(460_000);
    const before = await rows();
    const refused = await refusalOf(takeGift(t.ctx, gift(personId, { amountCents: 1 })));
    expect([refused.status, refused.code]).toEqual([422, 'above_cap']);
    expect(refused.message.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Ce don porterait votre total pour cette élection à 4 600,01 € ; le maximum légal est de 4 600 €.',
    );
    expect(await rows()).toEqual(before);
    // Another election, another cap.
    await takeGift(t.ctx, gift(personId, { capKey: 'election:2', amountCents: 460_000 }));
  });

  it('takes exactly one of two gifts sent at the same moment that together pass the cap', async () => {
    const personId = await donor();
    await takeGift(t.ctx, gift(personId, { amountCents: 400_000 }));
    const outcomes = await Promise.allSettled([
      takeGift(t.ctx, gift(personId, { amountCents: 50_000 })),
      takeGift(t.ctx, gift(personId, { amountCents: 50_000 })),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(GiftRefused);
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(450_000);
    // Many at once: never past the cap.
    const many = await Promise.allSettled(
      Array.from({ length: 12 }, () => takeGift(t.ctx, gift(personId, { amountCents: 3_000 }))),
    );
    expect(many.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(459_000);
  });

  it('counts a card payment from its start, and gives its room back when it fails or expires', async () => {
    const personId = await donor();
    const paying = await takeGift(
      t.ctx,
      gift(personId, {
        amountCents: 460_000,
        status: 'pending',
        pendingUntil: new Date(Date.now() + 60_000),
      }),
    );
    await refusalOf(takeGift(t.ctx, gift(personId, { amountCents: 100 })));
    expect(await releaseGift(t.ctx, paying, 'failed')).toBe(true);
    expect(await releaseGift(t.ctx, paying, 'failed')).toBe(false);
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(0);

    const late = await takeGift(
      t.ctx,
      gift(personId, {
        amountCents: 300_000,
        status: 'pending',
        pendingUntil: new Date(Date.now() - 1),
      }),
    );
    expect(await expirePendingGifts(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await settleGift(t.ctx, late)).toBe(false);
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(0);

    const paid = await takeGift(
      t.ctx,
      gift(personId, {
        amountCents: 300_000,
        status: 'pending',
        pendingUntil: new Date(Date.now() + 60_000),
      }),
    );
    expect(await settleGift(t.ctx, paid)).toBe(true);
    expect(await expirePendingGifts(t.ctx, new Date(Date.now() + 120_000))).toBe(0);
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(300_000);
    // A refund gives the room back; a refund of a refund does nothing.
    expect(await releaseGift(t.ctx, paid, 'refunded')).toBe(true);
    expect(await releaseGift(t.ctx, paid, 'refunded')).toBe(false);
    expect(await donorTotal(t.ctx, personId, 'election:1')).toBe(0);
  });

  it('refuses cash above 150 EUR, and any gift the donor did not attest, changing nothing', async () => {
    const personId = await donor();
    const before = await rows();
    const cash = await refusalOf(
      takeGift(t.ctx, gift(personId, { means: 'cash', amountCents: 15_001, locale: 'en' })),
    );
    expect(cash.code).toBe('cash_above_150');
    expect(cash.message).toMatch(/^A cash gift may not be more than €150/);
    const attest = await refusalOf(
      takeGift(
        t.ctx,
        gift(personId, { attestations: { naturalPerson: true, frenchOrResident: false } }),
      ),
    );
    expect(attest.refusals.map((r) => r.code)).toEqual(['not_french_nor_resident']);
    expect(await rows()).toEqual(before);
  });
});
