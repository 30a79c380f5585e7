import { sql } from 'drizzle-orm';
import { giftRefusals } from '../../../contracts/donation-law.ts';
import type { AppContext } from '../../core/context.ts';
import type { Query } from '../../core/db/index.ts';
import { Batcher, type Queued } from '../../core/db/batcher.ts';
import { perCampaign } from '../../core/db/per-campaign.ts';
import { runSql } from '../../core/db/statement.ts';
import { peopleGivingIn, type GivingPerson } from '../people/directory.ts';
import { normalizeEmail } from '../people/normalize.ts';
import { GiftRefused, type GiftIntake } from './ledger.ts';

/** A one-off gift from the public page: its donor, and the gift as the ledger takes it. */
export interface OnlineGift {
  donor: GivingPerson;
  gift: Omit<GiftIntake, 'personId'>;
}

type Pending = Queued<OnlineGift, number>;

/**
 * Takes a batch of gifts in one transaction: donors found or made (one statement), their
 * locks taken in id order (donors never wait for each other, batches never deadlock), their
 * counted gifts summed after the locks (a fresh snapshot: nothing committed meanwhile is
 * missed), the law checked in order of arrival with the same pure function as every other
 * gift, then the accepted gifts inserted together. A refused gift is refused alone.
 */
async function takeBatch(ctx: AppContext, query: Query, batch: Pending[]) {
  const people = await peopleGivingIn(
    ctx,
    query,
    batch.map((p) => p.item.donor),
  );
  const personOf = (p: Pending) => people.get(normalizeEmail(p.item.donor.email) ?? '')!;
  const ids = [...new Set(batch.map(personOf))].sort((a, b) => a - b);
  await runSql(
    query,
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`donor:${ctx.campaignId}:`} || t.id, 0))
          FROM (SELECT unnest(${ids}::bigint[]) AS id ORDER BY 1) t`,
  );
  const keys = [...new Set(batch.map((p) => p.item.gift.capKey))];
  const sums = await runSql<{ person_id: number; cap_key: string; cents: number | string }>(
    query,
    sql`SELECT person_id, cap_key, sum(amount_cents) AS cents FROM donations
         WHERE campaign_id = ${ctx.campaignId} AND person_id = ANY(${ids}::bigint[])
           AND cap_key = ANY(${keys}::text[]) AND counts
         GROUP BY person_id, cap_key`,
  );
  const counted = new Map(sums.map((s) => [`${s.person_id}:${s.cap_key}`, Number(s.cents)]));
  const accepted: Array<{ pending: Pending; personId: number }> = [];
  const refused: Array<{ pending: Pending; error: GiftRefused }> = [];
  for (const pending of batch) {
    const { gift } = pending.item;
    const personId = personOf(pending);
    const key = `${personId}:${gift.capKey}`;
    const countedCents = counted.get(key) ?? 0;
    const refusals = giftRefusals({ ...gift, countedCents, campaignCashCents: 0 });
    if (refusals.length > 0) {
      refused.push({ pending, error: new GiftRefused(refusals, gift.locale ?? 'fr') });
      continue;
    }
    counted.set(key, countedCents + gift.amountCents);
    accepted.push({ pending, personId });
  }
  const column = <T>(of: (a: (typeof accepted)[number]) => T) => accepted.map(of);
  const inserted =
    accepted.length === 0
      ? []
      : await runSql<{ id: number; ord: number | string }>(
          query,
          // Ids drawn first, in arrival order, so each gift learns its own.
          sql`WITH g AS MATERIALIZED (
                SELECT u.*, nextval(pg_get_serial_sequence('donations', 'id')) AS id
                  FROM unnest(${column((a) => a.personId)}::bigint[],
                              ${column((a) => a.pending.item.gift.capKey)}::text[],
                              ${column((a) => a.pending.item.gift.amountCents)}::bigint[],
                              ${column((a) => a.pending.item.gift.day)}::text[],
                              ${column((a) => JSON.stringify(a.pending.item.gift.record?.donor ?? null))}::text[],
                              ${column((a) => a.pending.item.gift.record?.provider ?? 'manual')}::text[],
                              ${column((a) => a.pending.item.gift.locale ?? 'fr')}::text[],
                              ${column((a) => JSON.stringify(a.pending.item.gift.attribution ?? {}))}::text[],
                              ${column((a) => a.pending.item.gift.pendingUntil?.toISOString() ?? null)}::text[])
                       WITH ORDINALITY AS u(person_id, cap_key, amount_cents, given_on, donor, provider,
                                            locale, attribution, pending_until, ord)
              ), inserted AS (
                INSERT INTO donations (id, campaign_id, person_id, cap_key, kind, amount_cents, means,
                                       status, counts, given_on, donor, provider, locale,
                                       attribution, pending_until)
                OVERRIDING SYSTEM VALUE
                SELECT g.id, ${ctx.campaignId}, g.person_id, g.cap_key, 'gift', g.amount_cents, 'card',
                       'pending', true, g.given_on::date, g.donor::jsonb, g.provider, g.locale,
                       g.attribution::jsonb, g.pending_until::timestamptz
                  FROM g
              )
              SELECT id, ord FROM g ORDER BY ord`,
        );
  return { accepted, inserted, refused };
}

/**
 * Gifts taken in batches (core/db/batcher.ts), as sign-ups are written: at most 2 batches at
 * once (fewer, larger batches measured faster than 4), 100 gifts each.
 */
class GiftWriter {
  readonly batcher: Batcher<OnlineGift, number>;
  constructor(private readonly ctx: AppContext) {
    this.batcher = new Batcher((batch) => this.flush(batch), { maxInFlight: 2, maxBatch: 100 });
  }

  private async flush(batch: Pending[]) {
    const { accepted, inserted, refused } = await this.ctx.database.transaction((query) =>
      takeBatch(this.ctx, query, batch),
    );
    const ids = new Map(inserted.map((row) => [Number(row.ord), Number(row.id)]));
    accepted.forEach((a, i) => a.pending.resolve(ids.get(i + 1)!));
    for (const { pending, error } of refused) pending.reject(error);
  }
}

const writers = perCampaign<GiftWriter>();

/** Takes a one-off online gift (batched with others arriving at the same time). */
export function takeOnlineGift(ctx: AppContext, item: OnlineGift): Promise<number> {
  let writer = writers.get(ctx.database, ctx.campaignId);
  if (!writer) {
    writer = new GiftWriter(ctx);
    writers.set(ctx.database, ctx.campaignId, writer);
  }
  return writer.batcher.add(item);
}
