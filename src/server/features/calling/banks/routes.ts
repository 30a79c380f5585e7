import type { FastifyPluginAsync } from 'fastify';
import { phoneBanksApi } from '../../../../contracts/phone-banks-api.ts';
import type { AppContext } from '../../../core/context.ts';
import { currentAuth } from '../../../core/http/access.ts';
import { serve } from '../../../core/http/contract.ts';
import { bankCallsCsv, sendCsv } from '../exports.ts';
import { bankGrant } from './access.ts';
import { callerBank, myBanks } from './caller.ts';
import { recordCall } from './calls.ts';
import { claimNext, releaseClaim } from './claims.ts';
import { openBank } from './open.ts';
import {
  bankRow,
  changeBank,
  createBank,
  deleteBank,
  getBank,
  listBanks,
  updateBank,
} from './service.ts';
import { addShift, listShifts } from './shifts.ts';
import { bankStats, banksOverview } from './stats.ts';

/** Staff build and follow phone banks (`calling.manage`); volunteers call in those open to them. */
export const phoneBankRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const actor = (request: Parameters<typeof currentAuth>[0]) => currentAuth(request).personId;
    serve(app, phoneBanksApi.list, () => listBanks(ctx));
    serve(app, phoneBanksApi.overview, () => banksOverview(ctx));
    serve(app, phoneBanksApi.create, (request) => createBank(ctx, request.body, actor(request)));
    serve(app, phoneBanksApi.get, (request) => getBank(ctx, request.params.id));
    serve(app, phoneBanksApi.update, (request) =>
      updateBank(ctx, request.params.id, request.body, actor(request)),
    );
    serve(app, phoneBanksApi.remove, async (request) => {
      await deleteBank(ctx, request.params.id, actor(request));
      return null;
    });
    serve(app, phoneBanksApi.open, (request) => openBank(ctx, request.params.id, actor(request)));
    for (const change of ['pause', 'resume', 'close'] as const) {
      serve(app, phoneBanksApi[change], (request) =>
        changeBank(ctx, request.params.id, change, actor(request)),
      );
    }
    serve(app, phoneBanksApi.stats, (request) => bankStats(ctx, request.params.id));
    serve(app, phoneBanksApi.callsCsv, async (request, reply) => {
      const { id } = request.params;
      await bankRow(ctx.database.query, ctx.campaignId, id);
      return sendCsv(ctx, request, reply, {
        action: 'calling.bank.export',
        target: `phone_bank:${id}`,
        name: `appels-benevoles-${id}.csv`,
        lines: bankCallsCsv(ctx, id),
      });
    });
    serve(app, phoneBanksApi.shifts, (request) => listShifts(ctx, request.params.id));
    serve(app, phoneBanksApi.addShift, (request) =>
      addShift(ctx, request.params.id, request.body, actor(request)),
    );

    serve(app, phoneBanksApi.mine, (request) => myBanks(ctx, currentAuth(request)));
    serve(app, phoneBanksApi.caller, (request) =>
      callerBank(ctx, currentAuth(request), request.params.id),
    );
    /** The bank, once the person is known to be allowed to call in it. */
    const callerOf = async (request: Parameters<typeof currentAuth>[0], id: number) => {
      const bank = await bankRow(ctx.database.query, ctx.campaignId, id);
      await bankGrant(ctx, currentAuth(request), bank);
      return bank;
    };
    serve(app, phoneBanksApi.claim, async (request) =>
      claimNext(ctx, await callerOf(request, request.params.id), actor(request)),
    );
    serve(app, phoneBanksApi.release, async (request) => {
      await callerOf(request, request.params.id);
      await releaseClaim(ctx, request.params.id, request.body.targetId, actor(request));
      return null;
    });
    serve(app, phoneBanksApi.record, async (request) =>
      recordCall(ctx, await callerOf(request, request.params.id), actor(request), request.body),
    );
  };
