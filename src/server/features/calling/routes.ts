import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/context.ts';
import { callListRoutes } from './lists/routes.ts';
import { recordingRoutes } from './recordings/routes.ts';
import { callerIdRoutes } from './caller-ids/routes.ts';
import { broadcastRoutes } from './broadcasts/routes.ts';
import { carrierRoutes } from './broadcasts/carrier-routes.ts';
import { phoneBankRoutes } from './banks/routes.ts';
import { callingSegmentRoutes } from './segments/routes.ts';

/** Phone operations: voice broadcasts, their recordings, caller IDs, lists of numbers; phone banks. */
export const callingRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    await app.register(callListRoutes(ctx));
    await app.register(recordingRoutes(ctx));
    await app.register(callerIdRoutes(ctx));
    await app.register(broadcastRoutes(ctx));
    await app.register(carrierRoutes(ctx));
    await app.register(phoneBankRoutes(ctx));
    await app.register(callingSegmentRoutes(ctx));
  };
