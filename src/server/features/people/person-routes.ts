import type { FastifyPluginAsync } from 'fastify';
import { personApi } from '../../../contracts/person-api.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { serve } from '../../core/http/contract.ts';
import { consentHistory, recordConsent } from './consent-record.ts';
import { addContact, listContacts } from './contacts.ts';
import { attachment, dataFileName } from './data-file.ts';
import { addNote, deleteNote, listNotes, updateNote } from './notes.ts';
import { myDataFileSchema } from './my-data-schema.ts';
import { createPerson, updatePerson } from './person-edit.ts';
import { personDetail } from './queries.ts';
import { carryOutAccessRequest, carryOutErasureRequest } from './staff-requests.ts';

/** HQ work on one person: add and edit by hand, consents received, notes, contacts, requests. */
export const personRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    serve(app, personApi.create, async (request) => ({
      id: await createPerson(ctx, request.body, currentAuth(request).personId, request.ip),
    }));

    serve(app, personApi.update, async (request) => {
      const { id } = request.params;
      await updatePerson(ctx, id, request.body, currentAuth(request).personId, request.ip);
      return personDetail(ctx, id);
    });

    serve(app, personApi.consents, (request) => consentHistory(ctx, request.params.id));

    serve(app, personApi.recordConsent, async (request) => {
      const { id } = request.params;
      await recordConsent(ctx, id, request.body, currentAuth(request).personId, request.ip);
      return consentHistory(ctx, id);
    });

    serve(app, personApi.notes, (request) =>
      listNotes(ctx, request.params.id, request.query, currentAuth(request)),
    );

    serve(app, personApi.addNote, (request) =>
      addNote(ctx, request.params.id, request.body.body, currentAuth(request), request.ip),
    );

    serve(app, personApi.updateNote, (request) =>
      updateNote(
        ctx,
        request.params.id,
        request.params.noteId,
        request.body.body,
        currentAuth(request),
        request.ip,
      ),
    );

    serve(app, personApi.deleteNote, async (request) => {
      await deleteNote(
        ctx,
        request.params.id,
        request.params.noteId,
        currentAuth(request),
        request.ip,
      );
      return null;
    });

    serve(app, personApi.contacts, (request) =>
      listContacts(ctx, request.params.id, request.query),
    );

    serve(app, personApi.addContact, (request) =>
      addContact(ctx, request.params.id, request.body, currentAuth(request).personId, request.ip),
    );

    serve(app, personApi.erase, async (request) => {
      await carryOutErasureRequest(
        ctx,
        request.params.id,
        request.body,
        currentAuth(request).personId,
      );
      return { ok: true as const };
    });

    serve(
      app,
      personApi.accessRequest,
      async (request, reply) => {
        const { id } = request.params;
        const data = await carryOutAccessRequest(
          ctx,
          id,
          request.body,
          currentAuth(request).personId,
          request.ip,
        );
        // The same file as the person's own download (see myDataFileSchema).
        return reply
          .header('content-disposition', attachment(dataFileName(data.about.campaign, id)))
          .header('cache-control', 'no-store')
          .type('application/json')
          .send(JSON.stringify(data, null, 2));
      },
      { response: myDataFileSchema() },
    );
  };
