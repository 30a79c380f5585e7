import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { contentApi } from '../../../contracts/content-api.ts';
import type { AppContext } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { richTextToHtml } from '../../core/rich-text.ts';
import { BOM, csvLine } from '../people/export.ts';
import { leaderboard, shareCountsOf, shareRef } from './attribution.ts';
import { receiveImage } from './image.ts';
import {
  createItem,
  deleteItem,
  getItem,
  listItems,
  publishItem,
  removeItemImage,
  setItemImage,
  unpublishItem,
  updateItem,
} from './service.ts';

const LEADERBOARD_HEADERS = ['Personne', 'Nom', 'Visites', 'Inscriptions', 'Dons'];

/** Staff write and publish items (`content.publish`); a supporter reads their own shares. */
export const contentRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const actor = (request: FastifyRequest) => currentAuth(request).personId;
    serve(app, contentApi.list, (request) => listItems(ctx, request.query));
    serve(app, contentApi.create, (request) => createItem(ctx, request.body, actor(request)));
    serve(app, contentApi.get, (request) => getItem(ctx, request.params.id));
    serve(app, contentApi.update, (request) =>
      updateItem(ctx, request.params.id, request.body, actor(request)),
    );
    serve(app, contentApi.delete, async (request) => {
      await deleteItem(ctx, request.params.id, actor(request));
      return { ok: true as const };
    });
    serve(app, contentApi.publish, (request) =>
      publishItem(ctx, request.params.id, request.body.at, actor(request)),
    );
    serve(app, contentApi.unpublish, (request) =>
      unpublishItem(ctx, request.params.id, actor(request)),
    );
    serve(app, contentApi.preview, (request) => ({ html: richTextToHtml(request.body.body) }));
    serve(app, contentApi.setImage, async (request) =>
      setItemImage(ctx, request.params.id, await receiveImage(request), actor(request)),
    );
    serve(app, contentApi.removeImage, async (request) => {
      await removeItemImage(ctx, request.params.id, actor(request));
      return { ok: true as const };
    });
    serve(app, contentApi.leaderboard, (request) => leaderboard(ctx, request.query.limit));
    serve(app, contentApi.leaderboardCsv, async (request, reply) => {
      const rows = await leaderboard(ctx, 10_000);
      await audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId: actor(request),
        action: 'content.leaderboard_export',
        target: 'content_share_credits',
        details: { rows: rows.length },
        ip: request.ip,
      });
      const csv =
        BOM +
        csvLine(LEADERBOARD_HEADERS, ';') +
        rows
          .map((row) =>
            csvLine([row.personId, row.name, row.visits, row.signups, row.donations], ';'),
          )
          .join('');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="relais-classement.csv"')
        .header('cache-control', 'private, no-store')
        .send(csv);
    });
    serve(app, contentApi.myShares, async (request) => {
      const { personId } = currentAuth(request);
      return { ref: shareRef(ctx, personId), ...(await shareCountsOf(ctx, personId)) };
    });
  };
