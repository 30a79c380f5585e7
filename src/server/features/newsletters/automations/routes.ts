import type { FastifyPluginAsync } from 'fastify';
import { newsletterAutomationsApi } from '../../../../contracts/newsletters-automations-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import {
  createAutomation,
  getAutomation,
  listAutomations,
  setAutomationStatus,
  updateAutomation,
} from './service.ts';
import { sendStepTest } from './step-test.ts';
import { registerAutomationTriggers } from './triggers.ts';

/** Staff write, test, pause and follow automations (`messaging.send`). */
export const automationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    registerAutomationTriggers();
    const actor = (request: Parameters<typeof currentAuth>[0]) => currentAuth(request).personId;
    serve(app, newsletterAutomationsApi.list, () => listAutomations(ctx));
    serve(app, newsletterAutomationsApi.create, (request) =>
      createAutomation(ctx, request.body, actor(request)),
    );
    serve(app, newsletterAutomationsApi.get, (request) => getAutomation(ctx, request.params.id));
    serve(app, newsletterAutomationsApi.update, (request) =>
      updateAutomation(ctx, request.params.id, request.body, actor(request)),
    );
    serve(app, newsletterAutomationsApi.setStatus, (request) =>
      setAutomationStatus(ctx, request.params.id, request.body.status, actor(request)),
    );
    serve(app, newsletterAutomationsApi.testStep, (request) =>
      sendStepTest(ctx, request.params.id, request.params.stepId, actor(request)),
    );
  };
