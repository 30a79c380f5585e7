import type { AppContext } from '../../core/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { contactsOf, displayName } from '../people/directory.ts';
import {
  ADMIN_PAGE_SIZE,
  type AuditPage,
  type CaughtMail,
  type CaughtMailPage,
} from '../../../contracts/admin.ts';

const PAGE = ADMIN_PAGE_SIZE;

/**
 * One page of a list read newest first, with its total: the admin views share it. `counted`
 * is the FROM and WHERE the total counts; both statements take the same parameters.
 */
async function newestFirst<T>(
  ctx: AppContext,
  select: string,
  counted: string,
  page: number,
  params: unknown[] = [],
) {
  const offset = (page - 1) * PAGE;
  const [items, total] = await Promise.all([
    ctx.database.query<T>(`${select} ORDER BY id DESC LIMIT ${PAGE} OFFSET ${offset}`, params),
    ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${counted}`, params),
  ]);
  return { items, total: total[0].n };
}

const iso = <T extends { at: Date }>(row: T) => ({ ...row, at: new Date(row.at).toISOString() });

export async function caughtMailPage(ctx: AppContext, page: number): Promise<CaughtMailPage> {
  const list = await newestFirst<Omit<CaughtMailPage['items'][number], 'at'> & { at: Date }>(
    ctx,
    `SELECT id, to_address AS "to", from_address AS "from", subject, at FROM caught_mail WHERE campaign_id = $1`,
    'caught_mail WHERE campaign_id = $1',
    page,
    [ctx.campaignId],
  );
  return { items: list.items.map(iso), total: list.total, transport: ctx.mailer.transport.name };
}

export async function caughtMail(ctx: AppContext, id: number): Promise<CaughtMail> {
  const rows = await ctx.database.query<Omit<CaughtMail, 'at'> & { at: Date }>(
    `SELECT id, to_address AS "to", from_address AS "from", subject, text_body AS text, html_body AS html, at
       FROM caught_mail WHERE campaign_id = $1 AND id = $2`,
    [ctx.campaignId, id],
  );
  if (!rows[0]) throw notFound('mail');
  return iso(rows[0]);
}

type AuditRow = Omit<AuditPage['items'][number], 'at' | 'actorName'> & {
  at: Date;
  actor_id: number | null;
};

/**
 * Staff accounts are often made from a bare email, so the actor is named by their email when they
 * have no name, and by their id once erased: a null name means the system acted.
 */
export async function auditPage(ctx: AppContext, page: number): Promise<AuditPage> {
  const list = await newestFirst<AuditRow>(
    ctx,
    `SELECT id, at, actor_id, action, target, details FROM audit_log WHERE campaign_id = $1`,
    'audit_log WHERE campaign_id = $1',
    page,
    [ctx.campaignId],
  );
  const actors = await contactsOf(
    ctx,
    list.items.flatMap((row) => (row.actor_id === null ? [] : [Number(row.actor_id)])),
  );
  return {
    total: list.total,
    items: list.items.map(({ actor_id: actorId, ...row }) => ({
      ...iso(row),
      actorName:
        actorId === null ? null : (displayName(actors.get(Number(actorId))) ?? `#${actorId}`),
    })),
  };
}
