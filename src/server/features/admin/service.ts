import type { AppContext } from '../../core/context.ts';
import { auditLogPage } from '../../core/audit.ts';
import { caughtMailById, caughtMailList } from '../../core/mail/caught.ts';
import { notFound } from '../../core/http/errors.ts';
import { contactsOf, displayName } from '../people/directory.ts';
import {
  ADMIN_PAGE_SIZE,
  type AuditPage,
  type CaughtMail,
  type CaughtMailPage,
} from '../../../contracts/admin.ts';

const PAGE = ADMIN_PAGE_SIZE;

const pageOf = (page: number) => ({ limit: PAGE, offset: (page - 1) * PAGE });

const iso = <T extends { at: Date }>(row: T) => ({ ...row, at: new Date(row.at).toISOString() });

export async function caughtMailPage(ctx: AppContext, page: number): Promise<CaughtMailPage> {
  const list = await caughtMailList(ctx.database, ctx.campaignId, pageOf(page));
  return { items: list.items.map(iso), total: list.total, transport: ctx.mailer.transport.name };
}

export async function caughtMail(ctx: AppContext, id: number): Promise<CaughtMail> {
  const row = await caughtMailById(ctx.database, ctx.campaignId, id);
  if (!row) throw notFound('mail');
  return iso(row);
}

/**
 * Staff accounts are often made from a bare email, so the actor is named by their email when they
 * have no name, and by their id once erased: a null name means the system acted.
 */
export async function auditPage(ctx: AppContext, page: number): Promise<AuditPage> {
  const list = await auditLogPage(ctx.database, ctx.campaignId, pageOf(page));
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
