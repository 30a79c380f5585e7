import type { FastifyPluginAsync } from 'fastify';
import { adminApi } from '../../../contracts/admin-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { listStaffAccounts, personForEmail, setRoles } from '../accounts/admin.ts';
import { sendStaffInvitation } from '../accounts/invitation.ts';
import { auditPage, caughtMail, caughtMailPage } from './service.ts';

export const adminRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, adminApi.accounts, () => listStaffAccounts(ctx));

    serve(app, adminApi.updateAccount, async (request) => {
      await setRoles(
        ctx,
        request.params.id,
        request.body.roles,
        request.body.grants,
        currentAuth(request).personId,
        request.ip,
      );
      return { ok: true as const };
    });

    serve(app, adminApi.addAccount, async (request) => {
      const actorId = currentAuth(request).personId;
      const personId = await personForEmail(ctx, request.body.email);
      await setRoles(ctx, personId, request.body.roles, request.body.grants, actorId, request.ip);
      await sendStaffInvitation(ctx, personId, actorId);
      return { ok: true as const };
    });

    serve(app, adminApi.mailList, (request) => caughtMailPage(ctx, request.query.page));

    serve(app, adminApi.mail, (request) => caughtMail(ctx, request.params.id));

    serve(app, adminApi.audit, (request) => auditPage(ctx, request.query.page));
  };
