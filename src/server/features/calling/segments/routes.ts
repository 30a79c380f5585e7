import type { FastifyPluginAsync } from 'fastify';
import { callingSegmentsApi } from '../../../../contracts/calling-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { serve } from '../../../core/http/contract.ts';
import { segmentReach } from './reach.ts';

/** The editors' preview of a segment's reach (`calling.manage`). */
export const callingSegmentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, callingSegmentsApi.reach, (request) => segmentReach(ctx, request.params.id));
  };
