import type { AppContext } from '../../core/context.ts';
import type { z } from 'zod';
import { notFound } from '../../core/http/errors.ts';
import type { auditPageSchema, caughtMailSchema, caughtMailSummarySchema } from './schemas.ts';

const PAGE = 50;

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

export async function caughtMailPage(ctx: AppContext, page: number) {
  const list = await newestFirst<z.infer<typeof caughtMailSummarySchema>>(
    ctx,
    `SELECT id, to_address AS "to", from_address AS "from", subject, at FROM caught_mail WHERE campaign_id = $1`,
    'caught_mail WHERE campaign_id = $1',
    page,
    [ctx.campaignId],
  );
  return { ...list, transport: ctx.mailer.transport.name };
}

export async function caughtMail(ctx: AppContext, id: number) {
  const rows = await ctx.database.query<z.infer<typeof caughtMailSchema>>(
    `SELECT id, to_address AS "to", from_address AS "from", subject, text_body AS text, html_body AS html, at
       FROM caught_mail WHERE campaign_id = $1 AND id = $2`,
    [ctx.campaignId, id],
  );
  if (!rows[0]) throw notFound('mail');
  return rows[0];
}

/**
 * Staff accounts are often made from a bare email, so the actor is named by their email when they
 * have no name, and by their id once erased: a null name means the system acted.
 */
export function auditPage(ctx: AppContext, page: number) {
  return newestFirst<z.infer<typeof auditPageSchema>['items'][number]>(
    ctx,
    `SELECT * FROM (
       SELECT l.id, l.at,
              CASE WHEN l.actor_id IS NOT NULL
                   THEN coalesce(nullif(concat_ws(' ', p.first_name, p.last_name), ''), p.email, '#' || l.actor_id)
              END AS "actorName",
              l.action, l.target, l.details
         FROM audit_log l
         LEFT JOIN people p ON p.campaign_id = l.campaign_id AND p.id = l.actor_id
        WHERE l.campaign_id = $1) entries`,
    'audit_log WHERE campaign_id = $1',
    page,
    [ctx.campaignId],
  );
}
