import type { FastifyPluginAsync } from 'fastify';
import { Readable } from 'node:stream';
import {
  canvassApi,
  fieldImportsApi,
  fieldProgressApi,
  fieldQuestionnairesApi,
  fieldTargetingApi,
  fieldTurfsApi,
} from '../../../contracts/field-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { fieldAudit } from './audit.ts';
import {
  areaById,
  createArea,
  deleteArea,
  listAreas,
  setAreaQuestionnaire,
} from './areas/service.ts';
import { turfGrant } from './canvass/access.ts';
import { myTurfs } from './canvass/my-turfs.ts';
import { canvassPack, startSession } from './canvass/pack.ts';
import { syncVisits } from './canvass/sync.ts';
import { electoralListElections } from './imports/elector-retention.ts';
import { fieldImport, listFieldImports, startFieldImport } from './imports/service.ts';
import { cutArea } from './planning/cut.ts';
import { answersCsv } from './progress/answers-export.ts';
import { fieldProgress, progressMap } from './progress/service.ts';
import { currentScope } from '../../core/http/access.ts';
import {
  mergeTurfs,
  splitTurf,
  turfById,
  turfsOfArea,
  updateTurf,
  walkList,
} from './planning/turfs.ts';
import { turfWalkListPdf } from './planning/walk-list-pdf.ts';
import { fieldOrganiserRoutes } from './organisers/routes.ts';
import {
  createQuestionnaire,
  listQuestionnaires,
  questionnaireById,
  saveQuestionnaire,
} from './questionnaires/service.ts';
import {
  listElections,
  saveTargeting,
  stationPriorities,
  targetingOf,
} from './targeting/service.ts';

export const fieldRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const logged = fieldAudit(ctx);

    serve(app, fieldImportsApi.start, async (request) => {
      const started = await startFieldImport(ctx, request, currentAuth(request).personId);
      await logged(request, 'field.import.start', `field_import:${started.id}`, {
        kind: started.kind,
        size: started.size,
      });
      return started;
    });
    serve(app, fieldImportsApi.list, () => listFieldImports(ctx));
    serve(app, fieldImportsApi.listElections, () => electoralListElections(ctx));
    serve(app, fieldImportsApi.get, (request) => fieldImport(ctx, request.params.id));

    serve(app, fieldTargetingApi.elections, () => listElections(ctx));
    serve(app, fieldTargetingApi.targeting, () => targetingOf(ctx));
    serve(app, fieldTargetingApi.saveTargeting, async (request) => {
      const saved = await saveTargeting(ctx, request.body, currentAuth(request).personId);
      await logged(request, 'field.targeting.update', 'field_targeting', {
        electionId: saved.electionId,
        formula: saved.formula,
      });
      return saved;
    });
    serve(app, fieldTargetingApi.stations, (request) => stationPriorities(ctx, request.query));

    serve(app, fieldTurfsApi.areas, () => listAreas(ctx));
    serve(app, fieldTurfsApi.createArea, async (request) => {
      const area = await createArea(ctx, request.body, currentAuth(request).personId);
      await logged(request, 'field.area.create', `field_area:${area.id}`, { kind: area.kind });
      return area;
    });
    serve(app, fieldTurfsApi.deleteArea, async (request) => {
      await deleteArea(ctx, request.params.id);
      await logged(request, 'field.area.delete', `field_area:${request.params.id}`);
      return { ok: true as const };
    });
    serve(app, fieldTurfsApi.areaQuestionnaire, async (request) => {
      const { questionnaireId } = request.body;
      const area = await setAreaQuestionnaire(ctx, request.params.id, questionnaireId);
      await logged(request, 'field.area.questionnaire', `field_area:${area.id}`, {
        questionnaireId,
      });
      return area;
    });
    serve(app, fieldTurfsApi.cut, async (request) => {
      const { turfs } = await cutArea(ctx, request.params.id, request.body);
      await logged(request, 'field.turfs.cut', `field_area:${request.params.id}`, {
        turfs,
        ...request.body,
      });
      return turfsOfArea(ctx, request.params.id);
    });
    serve(app, fieldTurfsApi.turfs, async (request) => {
      await areaById(ctx, request.params.id);
      return turfsOfArea(ctx, request.params.id);
    });
    serve(app, fieldTurfsApi.update, async (request) => {
      const turf = await updateTurf(
        ctx,
        request.params.id,
        request.body,
        currentAuth(request).personId,
      );
      await logged(request, 'field.turf.update', `field_turf:${turf.id}`, {
        fields: Object.keys(request.body),
      });
      return turf;
    });
    serve(app, fieldTurfsApi.split, async (request) => {
      const items = await splitTurf(ctx, request.params.id);
      await logged(request, 'field.turf.split', `field_turf:${request.params.id}`, {
        into: items.map((t) => t.id),
      });
      return { items };
    });
    serve(app, fieldTurfsApi.merge, async (request) => {
      const turf = await mergeTurfs(ctx, request.body.turfIds);
      await logged(request, 'field.turfs.merge', `field_turf:${turf.id}`, {
        merged: request.body.turfIds,
      });
      return turf;
    });
    serve(app, fieldTurfsApi.walkList, async (request) => {
      await turfById(ctx, request.params.id);
      return walkList(ctx, request.params.id);
    });
    serve(app, fieldTurfsApi.walkListPdf, async (request, reply) => {
      await turfGrant(ctx, currentAuth(request), request.params.id);
      const pdf = await turfWalkListPdf(ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="liste-de-marche-${request.params.id}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    });

    serve(app, fieldQuestionnairesApi.list, () => listQuestionnaires(ctx));
    serve(app, fieldQuestionnairesApi.get, (request) => questionnaireById(ctx, request.params.id));
    serve(app, fieldQuestionnairesApi.create, async (request) => {
      const created = await createQuestionnaire(ctx, request.body, currentAuth(request).personId);
      await logged(request, 'field.questionnaire.create', `field_questionnaire:${created.id}`);
      return created;
    });
    serve(app, fieldQuestionnairesApi.save, async (request) => {
      const saved = await saveQuestionnaire(
        ctx,
        request.params.id,
        request.body,
        currentAuth(request).personId,
      );
      await logged(request, 'field.questionnaire.save', `field_questionnaire:${saved.id}`, {
        version: saved.current.version,
        archived: saved.archived,
      });
      return saved;
    });

    serve(app, fieldProgressApi.progress, (request) => fieldProgress(ctx, request.query));
    serve(app, fieldProgressApi.map, (request) => progressMap(ctx, request.query));
    serve(app, fieldProgressApi.committeeProgress, (request) =>
      fieldProgress(ctx, { committeeId: currentScope(request).id }),
    );
    serve(app, fieldProgressApi.answersCsv, async (request, reply) => {
      await logged(request, 'field.answers.export', 'field_visits', { ...request.query });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="reponses-porte-a-porte.csv"')
        .header('cache-control', 'private, no-store')
        .send(Readable.from(answersCsv(ctx, request.query)));
    });

    serve(app, canvassApi.myTurfs, (request) => myTurfs(ctx, currentAuth(request).personId));
    serve(app, canvassApi.pack, async (request) => {
      await turfGrant(ctx, currentAuth(request), request.params.id);
      return canvassPack(ctx, request.params.id);
    });
    serve(app, canvassApi.startSession, async (request) => {
      await turfGrant(ctx, currentAuth(request), request.params.id);
      return startSession(ctx, request.params.id);
    });
    serve(app, canvassApi.sync, (request) =>
      syncVisits(ctx, currentAuth(request), request.body.visits),
    );

    await app.register(fieldOrganiserRoutes(ctx));
  };
