import { sql } from 'drizzle-orm';
import type { DuplicateReason, MergePreview } from '../../../../contracts/duplicates.ts';
import type { AppContext } from '../../../core/context.ts';
import { runSql } from '../../../core/db/statement.ts';
import { badRequest, notFound } from '../../../core/http/errors.ts';
import { personValuesOf } from '../custom-fields/values.ts';
import { accountAccessOf } from '../../accounts/access.ts';
import { versionOf } from './merge.ts';

interface SideRow {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  postal_code: string | null;
  commune_name: string | null;
  source: string;
  created_at: Date;
}

const sideColumns = (alias: string) =>
  [
    'id',
    'first_name',
    'last_name',
    'email',
    'phone',
    'postal_code',
    'commune_name',
    'source',
    'created_at',
  ]
    .map((c) => `${alias}.${c} AS ${alias}_${c}`)
    .join(', ');

/** One side of a pair as the contract has it, from its row. */
const toSide = (r: SideRow) => ({
  id: Number(r.id),
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  phone: r.phone,
  postalCode: r.postal_code,
  communeName: r.commune_name,
  source: r.source,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The columns of one alias (`a_id`, `a_email`…) of a pair's row. */
const side = (row: Record<string, unknown>, alias: string) =>
  toSide(
    Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => k.startsWith(`${alias}_`))
        .map(([k, v]) => [k.slice(alias.length + 1), v]),
    ) as unknown as SideRow,
  );

/** A page of likely duplicates: pairs found by more reasons first, then the newest. */
export async function listDuplicates(ctx: AppContext, page: number, pageSize: number) {
  const campaignId = ctx.campaignId;
  const rows = await runSql<Record<string, unknown> & { reasons: DuplicateReason[] }>(
    ctx.database,
    sql`SELECT c.reasons, ${sql.raw(sideColumns('a'))}, ${sql.raw(sideColumns('b'))}
       FROM duplicate_candidates c
       JOIN people a ON a.campaign_id = c.campaign_id AND a.id = c.first_person_id AND a.erased_at IS NULL
       JOIN people b ON b.campaign_id = c.campaign_id AND b.id = c.second_person_id AND b.erased_at IS NULL
      WHERE c.campaign_id = ${campaignId}
      ORDER BY cardinality(c.reasons) DESC, c.second_person_id DESC, c.first_person_id DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const [{ total }] = await runSql<{ total: number }>(
    ctx.database,
    sql`SELECT count(*)::int AS total FROM duplicate_candidates WHERE campaign_id = ${campaignId}`,
  );
  const [search] = await runSql<{
    requested_at: Date | null;
    started_at: Date | null;
    finished_at: Date | null;
  }>(
    ctx.database,
    sql`SELECT requested_at, started_at, finished_at FROM duplicate_searches WHERE campaign_id = ${campaignId}`,
  );
  const after = (a: Date | null, b: Date | null) => !!a && (!b || new Date(a) > new Date(b));
  return {
    items: rows.map((row) => ({
      first: side(row, 'a'),
      second: side(row, 'b'),
      reasons: parseReasons(row.reasons),
    })),
    total,
    page,
    pageSize,
    foundAt: search?.finished_at ? new Date(search.finished_at).toISOString() : null,
    searching:
      !!search &&
      (after(search.requested_at, search.finished_at) ||
        after(search.started_at, search.finished_at)),
  };
}

/** A text[] read back as an array, whichever driver read it. */
const parseReasons = (value: unknown): DuplicateReason[] =>
  (Array.isArray(value)
    ? value
    : String(value)
        .replace(/^\{|\}$/g, '')
        .split(',')
  ).filter(Boolean) as DuplicateReason[];

const ordered = (a: number, b: number) => (a < b ? [a, b] : [b, a]);

/** The rows of this pair (ordered) in a table keyed by the pair. */
const pairIs = (campaignId: number, first: number, second: number) =>
  sql`campaign_id = ${campaignId} AND first_person_id = ${first} AND second_person_id = ${second}`;

/** Both people in full, for the side-by-side comparison. */
export async function mergePreview(ctx: AppContext, a: number, b: number): Promise<MergePreview> {
  if (a === b) throw badRequest('same_person', 'Choose two different people.');
  const campaignId = ctx.campaignId;
  const [first, second] = ordered(a, b);
  const rows = await runSql<
    SideRow & {
      commune_code: string | null;
      locale: string;
      address: string | null;
      consent_email: boolean;
      consent_sms: boolean;
      consent_phone: boolean;
      confirmed_at: Date | null;
      updated_at: Date;
      tags: string[] | null;
    }
  >(
    ctx.database,
    sql`SELECT p.id, p.first_name, p.last_name, p.email, p.phone, p.postal_code, p.commune_name,
            p.source, p.created_at, p.commune_code, p.locale,
            nullif(concat_ws(', ', to_jsonb(p) ->> 'address_street', to_jsonb(p) ->> 'address_complement'), '') AS address,
            p.consent_email, p.consent_sms, p.consent_phone, p.confirmed_at, p.updated_at,
            (SELECT array_agg(t.name ORDER BY t.name) FROM person_tags pt
               JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
              WHERE pt.campaign_id = p.campaign_id AND pt.person_id = p.id) AS tags
       FROM people p
      WHERE p.campaign_id = ${campaignId} AND p.id = ANY(${[first, second]}::bigint[])
        AND p.erased_at IS NULL`,
  );
  if (rows.length !== 2) throw notFound('person');
  const values = await personValuesOf(ctx, [first, second]);
  const accounts = await accountAccessOf(ctx.database, campaignId, [first, second]);
  const pair = pairIs(campaignId, first, second);
  const [candidate] = await runSql<{ reasons: unknown }>(
    ctx.database,
    sql`SELECT reasons FROM duplicate_candidates WHERE ${pair}`,
  );
  const [dismissal] = await runSql(
    ctx.database,
    sql`SELECT 1 FROM duplicate_dismissals WHERE ${pair}`,
  );
  const full = (id: number) => {
    const r = rows.find((row) => Number(row.id) === id)!;
    return {
      ...toSide(r),
      communeCode: r.commune_code,
      locale: r.locale,
      address: r.address,
      consents: { email: r.consent_email, sms: r.consent_sms, phone: r.consent_phone },
      confirmed: r.confirmed_at !== null,
      tags: r.tags ?? [],
      hasAccount: accounts.has(id),
      customFields: values.get(id) ?? {},
      version: versionOf(new Date(r.updated_at)),
    };
  };
  return {
    first: full(first),
    second: full(second),
    reasons: candidate ? parseReasons(candidate.reasons) : [],
    dismissed: !!dismissal,
  };
}

/** "Not a duplicate": remembered, and the pair leaves the list now. */
export async function dismissPair(ctx: AppContext, a: number, b: number, actorId: number | null) {
  if (a === b) throw badRequest('same_person', 'Choose two different people.');
  const campaignId = ctx.campaignId;
  const [first, second] = ordered(a, b);
  const found = await runSql(
    ctx.database,
    sql`SELECT 1 FROM people WHERE campaign_id = ${campaignId}
           AND id = ANY(${[first, second]}::bigint[]) AND erased_at IS NULL`,
  );
  if (found.length !== 2) throw notFound('person');
  await runSql(
    ctx.database,
    sql`INSERT INTO duplicate_dismissals (campaign_id, first_person_id, second_person_id, dismissed_by)
        VALUES (${campaignId}, ${first}, ${second}, ${actorId}) ON CONFLICT DO NOTHING`,
  );
  await runSql(
    ctx.database,
    sql`DELETE FROM duplicate_candidates WHERE ${pairIs(campaignId, first, second)}`,
  );
}
