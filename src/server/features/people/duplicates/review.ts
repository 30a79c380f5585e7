import type { DuplicateReason, MergePreview } from '../../../../contracts/duplicates.ts';
import type { AppContext } from '../../../core/context.ts';
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
  const rows = await ctx.database.query<Record<string, unknown> & { reasons: DuplicateReason[] }>(
    `SELECT c.reasons, ${sideColumns('a')}, ${sideColumns('b')}
       FROM duplicate_candidates c
       JOIN people a ON a.campaign_id = c.campaign_id AND a.id = c.first_person_id AND a.erased_at IS NULL
       JOIN people b ON b.campaign_id = c.campaign_id AND b.id = c.second_person_id AND b.erased_at IS NULL
      WHERE c.campaign_id = $1
      ORDER BY cardinality(c.reasons) DESC, c.second_person_id DESC, c.first_person_id DESC
      LIMIT $2 OFFSET $3`,
    [campaignId, pageSize, (page - 1) * pageSize],
  );
  const [{ total }] = await ctx.database.query<{ total: number }>(
    'SELECT count(*)::int AS total FROM duplicate_candidates WHERE campaign_id = $1',
    [campaignId],
  );
  const [search] = await ctx.database.query<{
    requested_at: Date | null;
    started_at: Date | null;
    finished_at: Date | null;
  }>(
    'SELECT requested_at, started_at, finished_at FROM duplicate_searches WHERE campaign_id = $1',
    [campaignId],
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

/** Both people in full, for the side-by-side comparison. */
export async function mergePreview(ctx: AppContext, a: number, b: number): Promise<MergePreview> {
  if (a === b) throw badRequest('same_person', 'Choose two different people.');
  const campaignId = ctx.campaignId;
  const [first, second] = ordered(a, b);
  const rows = await ctx.database.query<
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
    `SELECT p.id, p.first_name, p.last_name, p.email, p.phone, p.postal_code, p.commune_name,
            p.source, p.created_at, p.commune_code, p.locale,
            nullif(concat_ws(', ', to_jsonb(p) ->> 'address_street', to_jsonb(p) ->> 'address_complement'), '') AS address,
            p.consent_email, p.consent_sms, p.consent_phone, p.confirmed_at, p.updated_at,
            (SELECT array_agg(t.name ORDER BY t.name) FROM person_tags pt
               JOIN tags t ON t.campaign_id = pt.campaign_id AND t.id = pt.tag_id
              WHERE pt.campaign_id = p.campaign_id AND pt.person_id = p.id) AS tags
       FROM people p
      WHERE p.campaign_id = $1 AND p.id = ANY($2::bigint[]) AND p.erased_at IS NULL`,
    [campaignId, [first, second]],
  );
  if (rows.length !== 2) throw notFound('person');
  const values = await personValuesOf(ctx, [first, second]);
  const accounts = await accountAccessOf(ctx.database, campaignId, [first, second]);
  const [candidate] = await ctx.database.query<{ reasons: unknown }>(
    'SELECT reasons FROM duplicate_candidates WHERE campaign_id = $1 AND first_person_id = $2 AND second_person_id = $3',
    [campaignId, first, second],
  );
  const [dismissal] = await ctx.database.query(
    'SELECT 1 FROM duplicate_dismissals WHERE campaign_id = $1 AND first_person_id = $2 AND second_person_id = $3',
    [campaignId, first, second],
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
  const found = await ctx.database.query(
    'SELECT 1 FROM people WHERE campaign_id = $1 AND id = ANY($2::bigint[]) AND erased_at IS NULL',
    [campaignId, [first, second]],
  );
  if (found.length !== 2) throw notFound('person');
  await ctx.database.query(
    `INSERT INTO duplicate_dismissals (campaign_id, first_person_id, second_person_id, dismissed_by)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [campaignId, first, second, actorId],
  );
  await ctx.database.query(
    'DELETE FROM duplicate_candidates WHERE campaign_id = $1 AND first_person_id = $2 AND second_person_id = $3',
    [campaignId, first, second],
  );
}
