import type { PeopleFilter, PeopleQuery, PersonDetail, PersonSummary } from '../../../contracts/people.ts';
import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { filterToWhere, type WhereClause } from './filter-sql.ts';
import { segmentFilter } from './segments.ts';

/** Counting past this many matches is not worth the wait; the UI shows "10,000+". */
const COUNT_CAP = 10_000;

interface PersonRow {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  postal_code: string | null;
  commune_name: string | null;
  departement_code: string | null;
  source: string;
  confirmed_at: Date | null;
  consent_email: boolean;
  consent_sms: boolean;
  consent_phone: boolean;
  tags: string[] | null;
  created_at: Date;
}

const summaryColumns = `p.id, p.first_name, p.last_name, p.email, p.phone, p.postal_code, p.commune_name,
  p.departement_code, p.source, p.confirmed_at, p.consent_email, p.consent_sms, p.consent_phone, p.created_at,
  (SELECT array_agg(t.name ORDER BY t.name) FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = p.id) AS tags`;

function toSummary(row: PersonRow): PersonSummary {
  return {
    id: Number(row.id),
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    postalCode: row.postal_code,
    communeName: row.commune_name,
    departementCode: row.departement_code,
    source: row.source,
    confirmed: row.confirmed_at !== null,
    consents: { email: row.consent_email, sms: row.consent_sms, phone: row.consent_phone },
    tags: row.tags ?? [],
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function resolveFilter(ctx: AppContext, filter: PeopleFilter, startAt = 1): Promise<WhereClause> {
  const segment = filter.segmentId ? await segmentFilter(ctx, filter.segmentId) : undefined;
  return filterToWhere(filter, segment, startAt);
}

const orderBy: Record<PeopleQuery['sort'], string> = {
  created_desc: 'p.created_at DESC, p.id DESC',
  created_asc: 'p.created_at ASC, p.id ASC',
  name_asc: 'p.last_name ASC NULLS LAST, p.first_name ASC NULLS LAST, p.id ASC',
};

export async function listPeople(ctx: AppContext, query: PeopleQuery) {
  const where = await resolveFilter(ctx, query);
  const offset = (query.page - 1) * query.pageSize;
  const rows = await ctx.database.query<PersonRow>(
    `SELECT ${summaryColumns} FROM people p WHERE ${where.text}
      ORDER BY ${orderBy[query.sort]} LIMIT ${query.pageSize} OFFSET ${offset}`,
    where.params,
  );
  const { total, estimate } = await countPeople(ctx, where);
  return { items: rows.map(toSummary), total, totalIsEstimate: estimate, page: query.page, pageSize: query.pageSize };
}

export async function countPeople(ctx: AppContext, where: WhereClause): Promise<{ total: number; estimate: boolean }> {
  if (where.empty) {
    const rows = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM people p WHERE ${where.text}`);
    return { total: rows[0].n, estimate: false };
  }
  const rows = await ctx.database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM people p WHERE ${where.text} LIMIT ${COUNT_CAP + 1}) x`,
    where.params,
  );
  const n = rows[0].n;
  return n > COUNT_CAP ? { total: COUNT_CAP, estimate: true } : { total: n, estimate: false };
}

export async function personDetail(ctx: AppContext, id: number): Promise<PersonDetail> {
  const rows = await ctx.database.query<
    PersonRow & {
      commune_code: string | null;
      locale: string;
      recruit_code: string;
      recruited_by: number | null;
      recruiter_name: string | null;
      recruited_count: number;
      utm_source: string | null;
      utm_medium: string | null;
      utm_campaign: string | null;
      referrer_url: string | null;
    }
  >(
    `SELECT ${summaryColumns}, p.commune_code, p.locale, p.recruit_code, p.recruited_by,
            p.utm_source, p.utm_medium, p.utm_campaign, p.referrer_url,
            concat_ws(' ', r.first_name, r.last_name) AS recruiter_name,
            (SELECT count(*)::int FROM people x WHERE x.recruited_by = p.id AND x.erased_at IS NULL) AS recruited_count
       FROM people p LEFT JOIN people r ON r.id = p.recruited_by
      WHERE p.id = $1 AND p.erased_at IS NULL`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound('person');
  const events = await ctx.database.query<{ id: number; kind: string; data: Record<string, unknown>; at: Date; actor_name: string | null }>(
    `SELECT e.id, e.kind, e.data, e.at, nullif(concat_ws(' ', a.first_name, a.last_name), '') AS actor_name
       FROM person_events e LEFT JOIN people a ON a.id = e.actor_id
      WHERE e.person_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 500`,
    [id],
  );
  return {
    ...toSummary(row),
    communeCode: row.commune_code,
    locale: row.locale,
    recruitCode: row.recruit_code,
    recruitedBy: row.recruited_by ? { id: Number(row.recruited_by), name: row.recruiter_name ?? '' } : null,
    recruitedCount: row.recruited_count,
    utmSource: row.utm_source,
    utmMedium: row.utm_medium,
    utmCampaign: row.utm_campaign,
    referrerUrl: row.referrer_url,
    confirmedAt: row.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
    timeline: events.map((e) => ({
      id: Number(e.id),
      kind: e.kind,
      data: e.data,
      actorName: e.actor_name,
      at: new Date(e.at).toISOString(),
    })),
  };
}
