import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleUpdateSchema, staffAccountSchema } from '../../../contracts/accounts.ts';
import { idParamSchema, okSchema } from '../../../contracts/common.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { listStaffAccounts, personForEmail, setRoles } from '../accounts/admin.ts';
import { sendStaffInvitation } from '../accounts/invitation.ts';
import {
  auditPageSchema,
  caughtMailPageSchema,
  caughtMailSchema,
} from '../../../contracts/admin.ts';
import { auditPage, caughtMail, caughtMailPage } from './service.ts';

const pageQuery = z.object({ page: z.coerce.number().int().min(1).default(1) });

export const adminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const roles = { access: { permission: 'roles.manage' } } as const;

    app.get(
      '/api/admin/accounts',
      {
        config: roles,
        schema: {
          summary: 'Staff accounts with their roles and grants',
          tags: ['admin'],
          response: { 200: z.array(staffAccountSchema) },
        },
      },
      async () => listStaffAccounts(ctx),
    );

    app.put(
      '/api/admin/accounts/:id',
      {
        config: roles,
        schema: {
          summary: "Set a staff account's roles and grants",
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
          summary: 'Give roles to a person by email (made if unknown) and mail an invitation',
          tags: ['admin'],
          body: roleUpdateSchema.extend({ email: z.string().max(254) }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        const actorId = currentAuth(request).personId;
        const personId = await personForEmail(ctx, request.body.email);
        await setRoles(ctx, personId, request.body.roles, request.body.grants, actorId, request.ip);
        await sendStaffInvitation(ctx, personId, actorId);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/admin/mail',
      {
        config: { access: { permission: 'mail.catcher.read' } },
        schema: {
          summary: 'Mail caught by the development mail catcher, newest first',
          tags: ['admin'],
          querystring: pageQuery,
          response: { 200: caughtMailPageSchema },
        },
      },
      async (request) => caughtMailPage(ctx, request.query.page),
    );

    app.get(
      '/api/admin/mail/:id',
      {
        config: { access: { permission: 'mail.catcher.read' } },
        schema: {
          summary: 'One caught mail, with its text and HTML bodies',
          tags: ['admin'],
          params: idParamSchema,
          response: { 200: caughtMailSchema },
        },
      },
      async (request) => caughtMail(ctx, request.params.id),
    );

    app.get(
      '/api/admin/audit',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          summary: 'The audit log, newest first',
          tags: ['admin'],
          querystring: pageQuery,
          response: { 200: auditPageSchema },
        },
      },
      async (request) => auditPage(ctx, request.query.page),
    );
  };
