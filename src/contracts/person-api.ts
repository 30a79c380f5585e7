import { z } from 'zod';
import { idParamSchema, okSchema } from './common.ts';
import { personDetailSchema } from './people.ts';
import {
  consentHistorySchema,
  consentRecordSchema,
  contactInputSchema,
  contactPageSchema,
  contactSchema,
  erasureRequestSchema,
  noteInputSchema,
  noteParamsSchema,
  notePageSchema,
  noteSchema,
  pageQuerySchema,
  personCreatedSchema,
  personInputSchema,
  privacyRequestSchema,
} from './person-records.ts';
import { personalDataFileSchema } from './personal-data.ts';
import { defineRoute } from './route.ts';

const read = { permission: 'people.read' } as const;
const write = { permission: 'people.write' } as const;
const tags = ['people'] as const;
const emailTaken = {
  409: '`email_taken`: another person has this address (`existingPersonId` names them).',
} as const;

/** HQ work on one person: add and edit by hand, consents received, notes, contacts, requests. */
export const personApi = {
  create: defineRoute({
    method: 'POST',
    path: '/api/people',
    summary: 'Add a person by hand',
    tags,
    access: write,
    body: personInputSchema,
    problems: emailTaken,
    response: { 201: personCreatedSchema },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/api/people/:id',
    summary: "Edit a person's name, contact details and address",
    tags,
    access: write,
    params: idParamSchema,
    body: personInputSchema,
    problems: emailTaken,
    response: { 200: personDetailSchema },
  }),
  consents: defineRoute({
    method: 'GET',
    path: '/api/people/:id/consents',
    summary: "A person's consent history, newest first",
    tags,
    access: read,
    params: idParamSchema,
    response: { 200: consentHistorySchema },
  }),
  recordConsent: defineRoute({
    method: 'POST',
    path: '/api/people/:id/consents',
    summary: 'Record a consent or an opt-out received by phone, letter, in person or email',
    tags,
    access: write,
    params: idParamSchema,
    body: consentRecordSchema,
    response: { 200: consentHistorySchema },
  }),
  notes: defineRoute({
    method: 'GET',
    path: '/api/people/:id/notes',
    summary: 'Staff notes on a person, newest first, paged',
    tags,
    access: read,
    params: idParamSchema,
    query: pageQuerySchema,
    response: { 200: notePageSchema },
  }),
  addNote: defineRoute({
    method: 'POST',
    path: '/api/people/:id/notes',
    summary: 'Add a note on a person',
    tags,
    access: write,
    params: idParamSchema,
    body: noteInputSchema,
    response: { 200: noteSchema },
  }),
  updateNote: defineRoute({
    method: 'PUT',
    path: '/api/people/:id/notes/:noteId',
    summary: 'Change a note (its author, or notes.manage)',
    tags,
    access: write,
    params: noteParamsSchema,
    body: noteInputSchema,
    response: { 200: noteSchema },
  }),
  deleteNote: defineRoute({
    method: 'DELETE',
    path: '/api/people/:id/notes/:noteId',
    summary: 'Delete a note (its author, or notes.manage)',
    tags,
    access: write,
    params: noteParamsSchema,
    response: { 204: z.null().describe('The note is deleted.') },
  }),
  contacts: defineRoute({
    method: 'GET',
    path: '/api/people/:id/contacts',
    summary: "A person's contact log, latest first, paged",
    tags,
    access: read,
    params: idParamSchema,
    query: pageQuerySchema,
    response: { 200: contactPageSchema },
  }),
  addContact: defineRoute({
    method: 'POST',
    path: '/api/people/:id/contacts',
    summary: 'Log a contact with a person (call, door, letter…) and its outcome',
    tags,
    access: write,
    params: idParamSchema,
    body: contactInputSchema,
    response: { 200: contactSchema },
  }),
  accessRequest: defineRoute({
    method: 'POST',
    path: '/api/people/:id/access-request',
    summary:
      "Carry out an access request received by post or email: the person's data file (audited)",
    tags,
    access: { permission: 'privacy.manage' },
    params: idParamSchema,
    body: privacyRequestSchema,
    response: { 200: personalDataFileSchema },
  }),
  erase: defineRoute({
    method: 'POST',
    path: '/api/people/:id/erase',
    summary: 'Carry out an erasure request received by post or email (audited, final)',
    tags,
    access: { permission: 'privacy.manage' },
    params: idParamSchema,
    body: erasureRequestSchema,
    problems: {
      409: '`staff_account`: the person has a staff account; remove their roles first.',
    },
    response: { 200: okSchema },
  }),
};
