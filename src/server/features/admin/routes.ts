import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleUpdateSchema, staffAccountSchema } from '../../../contracts/accounts.ts';
import { idParamSchema, okSchema } from '../../../contracts/common.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { listStaffAccounts, personForEmail, setRoles } from '../accounts/admin.ts';

const pageQuery = z.object({ page: z.coerce.number().int().min(1).default(1) });
const PAGE = 50;

export const adminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const roles = { access: { permission: 'roles.manage' } } as const;

    app.get(
      '/api/admin/accounts',
      {
        config: roles,
        schema: { tags: ['admin'], response: { 200: z.array(staffAccountSchema) } },
      },
      async () => listStaffAccounts(ctx),
    );

    app.put(
      '/api/admin/accounts/:id',
      {
        config: roles,
        schema: {
          tags: ['admin'],
          params: idParamSchema,
          body: roleUpdateSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await setRoles(
          ctx,
          request.params.id,
          request.body.roles,
          request.body.grants,
          currentAuth(request).personId,
          request.ip,
        );
        return { ok: true as const };
      },
    );

    app.post(
      '/api/admin/accounts',
      {
        config: roles,
        schema: {
          tags: ['admin'],
          body: roleUpdateSchema.extend({ email: z.string().max(254) }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        const personId = await personForEmail(ctx, request.body.email);
        await setRoles(
          ctx,
          personId,
          request.body.roles,
          request.body.grants,
          currentAuth(request).personId,
          request.ip,
        );
        return { ok: true as const };
      },
    );

    app.get(
      '/api/admin/mail',
      {
        config: { access: { permission: 'mail.catcher.read' } },
        schema: { tags: ['admin'], querystring: pageQuery },
      },
      async (request) => {
        const offset = (request.query.page - 1) * PAGE;
        const items = await ctx.database.query<{
          id: number;
          to: string;
          from: string;
          subject: string;
          at: Date;
        }>(
          `SELECT id, to_address AS "to", from_address AS "from", subject, at FROM caught_mail ORDER BY id DESC LIMIT ${PAGE} OFFSET ${offset}`,
        );
        const total = await ctx.database.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM caught_mail',
        );
        return { items, total: total[0].n, transport: ctx.mailer.transport.name };
      },
    );

    app.get(
      '/api/admin/mail/:id',
      {
        config: { access: { permission: 'mail.catcher.read' } },
        schema: { tags: ['admin'], params: idParamSchema },
      },
      async (request) => {
        const rows = await ctx.database.query(
          `SELECT id, to_address AS "to", from_address AS "from", subject, text_body AS text, html_body AS html, at
             FROM caught_mail WHERE id = $1`,
          [request.params.id],
        );
        if (!rows[0]) throw notFound('mail');
        return rows[0];
      },
    );

    app.get(
      '/api/admin/audit',
      {
        config: { access: { permission: 'audit.read' } },
        schema: { tags: ['admin'], querystring: pageQuery },
      },
      async (request) => {
        const offset = (request.query.page - 1) * PAGE;
        const items = await ctx.database.query(
          `SELECT l.id, l.at, nullif(concat_ws(' ', p.first_name, p.last_name), '') AS "actorName", l.action, l.target, l.details
             FROM audit_log l LEFT JOIN people p ON p.id = l.actor_id ORDER BY l.id DESC LIMIT ${PAGE} OFFSET ${offset}`,
        );
        const total = await ctx.database.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM audit_log',
        );
        return { items, total: total[0].n };
      },
    );
  };
