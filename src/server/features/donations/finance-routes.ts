import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { donationsFinanceApi as api } from '../../../contracts/donations-finance-api.ts';
import { audit } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { notFound } from '../../core/http/errors.ts';
import { duplicateDonors, mergeDonors } from './finance/duplicates.ts';
import { accountCsv, commissionFile, donorsCsv } from './finance/exports.ts';
import { donorsNearCap, financeGift, listGifts, setBankReference } from './finance/gifts.ts';
import { recordManualGift } from './finance/manual.ts';
import { refundGift } from './finance/refund.ts';
import { createRemittance, listRemittances } from './finance/remittances.ts';
import { donationTotals } from './finance/totals.ts';
import { listPayouts } from './reconcile.ts';
import {
  assignForm,
  formsToReturn,
  recordSeries,
  spoilForm,
  unusedForms,
  type ReceiptForm,
} from './receipts/forms.ts';
import { assignAllForms } from './receipts/assign-all.ts';
import { formSheetsPdf, formsToSend, markSent } from './receipts/form-sheets.ts';
import { campaignToday } from './settings.ts';

const formOf = (form: ReceiptForm) => ({
  number: form.number,
  status: form.status,
  donationId: form.donationId,
});

/** The finance officer's back office (permission donations.manage on every route). */
export const donationsFinanceRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const actor = (request: FastifyRequest) => currentAuth(request).personId;
    const audited = (request: FastifyRequest, action: string, details: Record<string, unknown>) =>
      audit(ctx.database, {
        campaignId: ctx.campaignId,
        actorId: actor(request),
        action,
        details,
        ip: request.ip,
      });
    const download = (
      reply: FastifyReply,
      type: string,
      name: string,
      body: Readable | string | Buffer,
    ) =>
      reply
        .type(type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(body);

    serve(app, api.list, (request) => listGifts(ctx, request.query));
    serve(app, api.record, (request) =>
      recordManualGift(ctx, request.body, actor(request), request.ip),
    );
    serve(app, api.refund, (request) =>
      refundGift(ctx, request.params.id, actor(request), request.ip),
    );
    serve(app, api.bankReference, (request) =>
      setBankReference(ctx, request.params.id, request.body.reference, actor(request), request.ip),
    );
    serve(app, api.totals, () => donationTotals(ctx));
    serve(app, api.nearCap, () => donorsNearCap(ctx));
    serve(app, api.duplicateDonors, () => duplicateDonors(ctx));
    serve(app, api.mergeDonors, async (request) => {
      await mergeDonors(ctx, request.body.keptId, request.body.mergedId, actor(request));
      return { ok: true as const };
    });

    serve(app, api.series, async () =>
      (await unusedForms(ctx)).map(({ series, count }) => ({
        id: series.id,
        firstNumber: series.firstNumber,
        lastNumber: series.lastNumber,
        receivedOn: series.receivedOn,
        note: series.note,
        unused: count,
      })),
    );
    serve(app, api.recordSeries, async (request) => {
      const series = await recordSeries(ctx, request.body);
      await audited(request, 'donations.receipts.series', {
        first: series.firstNumber,
        last: series.lastNumber,
      });
      return {
        id: series.id,
        firstNumber: series.firstNumber,
        lastNumber: series.lastNumber,
        receivedOn: series.receivedOn,
        note: series.note,
      };
    });
    serve(app, api.assignForm, async (request) => {
      if (!(await financeGift(ctx, request.params.id))) throw notFound('donation');
      return formOf(await assignForm(ctx, request.params.id));
    });
    serve(app, api.spoilForm, async (request) => {
      const form = await spoilForm(ctx, request.body.number, request.body.reason);
      await audited(request, 'donations.receipts.spoil', { number: form.number });
      return formOf(form);
    });
    serve(app, api.formsToReturn, () => formsToReturn(ctx));
    serve(app, api.assignAllForms, async (request) => {
      const result = await assignAllForms(ctx);
      if (result.assigned > 0) {
        await audited(request, 'donations.receipts.assign', {
          count: result.assigned,
          first: result.first,
          last: result.last,
        });
      }
      return result;
    });
    serve(app, api.formsToSend, () => formsToSend(ctx));
    serve(app, api.formSheets, async (request, reply) => {
      const { forms, pdf } = await formSheetsPdf(ctx, request.query);
      await audited(request, 'donations.export', {
        file: 'receipt-sheets.pdf',
        forms: forms.length,
        first: forms[0]?.number ?? null,
        last: forms.at(-1)?.number ?? null,
      });
      return download(reply, 'application/pdf', `levier-recus-${campaignToday(ctx)}.pdf`, pdf);
    });
    serve(app, api.markFormsSent, async (request) => {
      const marked = await markSent(ctx, request.body);
      await audited(request, 'donations.receipts.sent', { ...request.body, marked });
      return { marked };
    });

    serve(app, api.remittances, () => listRemittances(ctx));
    serve(app, api.createRemittance, (request) =>
      createRemittance(ctx, request.body, actor(request), request.ip),
    );
    serve(app, api.payouts, () => listPayouts(ctx, { limit: 200 }));

    serve(app, api.accountCsv, async (request, reply) => {
      await audited(request, 'donations.export', { file: 'account.csv' });
      return download(
        reply,
        'text/csv; charset=utf-8',
        `levier-dons-${campaignToday(ctx)}.csv`,
        Readable.from(accountCsv(ctx)),
      );
    });
    serve(app, api.donorsCsv, async (request, reply) => {
      await audited(request, 'donations.export', { file: 'donors.csv' });
      return download(
        reply,
        'text/csv; charset=utf-8',
        `levier-donateurs-${campaignToday(ctx)}.csv`,
        Readable.from(donorsCsv(ctx)),
      );
    });
    serve(app, api.commissionTsv, async (request, reply) => {
      const text = await commissionFile(ctx, request.params.file, request.query);
      await audited(request, 'donations.export', { file: request.params.file, ...request.query });
      return download(reply, 'text/tab-separated-values; charset=utf-8', request.params.file, text);
    });
  };
