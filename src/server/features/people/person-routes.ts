import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, okSchema } from '../../../contracts/common.ts';
import {
  consentHistorySchema,
  consentRecordSchema,
  contactInputSchema,
  contactPageSchema,
  contactSchema,
  erasureRequestSchema,
  noteInputSchema,
  notePageSchema,
  noteSchema,
  pageQuerySchema,
  personCreatedSchema,
  personInputSchema,
  privacyRequestSchema,
} from '../../../contracts/person-records.ts';
import { personDetailSchema } from '../../../contracts/people.ts';
import type { AppContext } from '../../core/context.ts';
import { currentAuth } from '../../core/http/access.ts';
import { consentHistory, recordConsent } from './consent-record.ts';
import { addContact, listContacts } from './contacts.ts';
import { attachment, dataFileName } from './data-file.ts';
import { addNote, deleteNote, listNotes, updateNote } from './notes.ts';
import { myDataFileSchema } from './my-data-schema.ts';
import { createPerson, updatePerson } from './person-edit.ts';
import { personDetail } from './queries.ts';
import { carryOutAccessRequest, carryOutErasureRequest } from './staff-requests.ts';
import { routeProblems } from '../../core/http/openapi.ts';

const noteParamsSchema = idParamSchema.extend({
  noteId: z.coerce.number().int().positive(),
});

/** HQ work on one person: add and edit by hand, consents received, notes, contacts, requests. */
export const personRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { access: { permission: 'people.read' } } as const;
    const write = { access: { permission: 'people.write' } } as const;
    const privacy = { access: { permission: 'privacy.manage' } } as const;
    const tags = ['people'];

    app.post(
      '/api/people',
      {
        config: write,
        schema: {
          ...routeProblems({
            409: '`email_taken`: another person has this address (`existingPersonId` names them).',
          }),
          summary: 'Add a person by hand',
          tags,
          body: personInputSchema,
          response: { 201: personCreatedSchema },
        },
      },
      async (request, reply) => {
        const id = await createPerson(ctx, request.body, currentAuth(request).personId, request.ip);
        return reply.status(201).send({ id });
      },
    );

    app.put(
      '/api/people/:id',
      {
        config: write,
        schema: {
          ...routeProblems({
            409: '`email_taken`: another person has this address (`existingPersonId` names them).',
          }),
          summary: "Edit a person's name, contact details and address",
          tags,
          params: idParamSchema,
          body: personInputSchema,
          response: { 200: personDetailSchema },
        },
      },
      async (request) => {
        const { id } = request.params;
        await updatePerson(ctx, id, request.body, currentAuth(request).personId, request.ip);
        return personDetail(ctx, id);
      },
    );

    app.get(
      '/api/people/:id/consents',
      {
        config: read,
        schema: {
          summary: "A person's consent history, newest first",
          tags,
          params: idParamSchema,
          response: { 200: consentHistorySchema },
        },
      },
      async (request) => consentHistory(ctx, request.params.id),
    );

    app.post(
      '/api/people/:id/consents',
      {
        config: write,
        schema: {
          summary: 'Record a consent or an opt-out received by phone, letter, in person or email',
          tags,
          params: idParamSchema,
          body: consentRecordSchema,
          response: { 200: consentHistorySchema },
        },
      },
      async (request) => {
        const { id } = request.params;
        await recordConsent(ctx, id, request.body, currentAuth(request).personId, request.ip);
        return consentHistory(ctx, id);
      },
    );

    app.get(
      '/api/people/:id/notes',
      {
        config: read,
        schema: {
          summary: 'Staff notes on a person, newest first, paged',
          tags,
          params: idParamSchema,
          querystring: pageQuerySchema,
          response: { 200: notePageSchema },
        },
      },
      async (request) => listNotes(ctx, request.params.id, request.query, currentAuth(request)),
    );

    app.post(
      '/api/people/:id/notes',
      {
        config: write,
        schema: {
          summary: 'Add a note on a person',
          tags,
          params: idParamSchema,
          body: noteInputSchema,
          response: { 200: noteSchema },
        },
      },
      async (request) =>
        addNote(ctx, request.params.id, request.body.body, currentAuth(request), request.ip),
    );

    app.put(
      '/api/people/:id/notes/:noteId',
      {
        config: write,
        schema: {
          summary: 'Change a note (its author, or notes.manage)',
          tags,
          params: noteParamsSchema,
          body: noteInputSchema,
          response: { 200: noteSchema },
        },
      },
      async (request) =>
        updateNote(
          ctx,
          request.params.id,
          request.params.noteId,
          request.body.body,
          currentAuth(request),
          request.ip,
        ),
    );

    app.delete(
      '/api/people/:id/notes/:noteId',
      {
        config: write,
        schema: {
          summary: 'Delete a note (its author, or notes.manage)',
          tags,
          params: noteParamsSchema,
          response: { 204: z.null().describe('The note is deleted.') },
        },
      },
      async (request, reply) => {
        await deleteNote(
          ctx,
          request.params.id,
          request.params.noteId,
          currentAuth(request),
          request.ip,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/people/:id/contacts',
      {
        config: read,
        schema: {
          summary: "A person's contact log, latest first, paged",
          tags,
          params: idParamSchema,
          querystring: pageQuerySchema,
          response: { 200: contactPageSchema },
        },
      },
      async (request) => listContacts(ctx, request.params.id, request.query),
    );

    app.post(
      '/api/people/:id/contacts',
      {
        config: write,
        schema: {
          summary: 'Log a contact with a person (call, door, letter…) and its outcome',
          tags,
          params: idParamSchema,
          body: contactInputSchema,
          response: { 200: contactSchema },
        },
      },
      async (request) =>
        addContact(ctx, request.params.id, request.body, currentAuth(request).personId, request.ip),
    );

    app.post(
      '/api/people/:id/access-request',
      {
        config: privacy,
        schema: {
          summary:
            "Carry out an access request received by post or email: the person's data file (audited)",
          tags,
          params: idParamSchema,
          body: privacyRequestSchema,
          response: { 200: myDataFileSchema() },
        },
      },
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
    );

    app.post(
      '/api/people/:id/erase',
      {
        config: privacy,
        schema: {
          ...routeProblems({
            409: '`staff_account`: the person has a staff account; remove their roles first.',
          }),
          summary: 'Carry out an erasure request received by post or email (audited, final)',
          tags,
          params: idParamSchema,
          body: erasureRequestSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await carryOutErasureRequest(
          ctx,
          request.params.id,
          request.body,
          currentAuth(request).personId,
        );
        return { ok: true as const };
      },
    );
  };
