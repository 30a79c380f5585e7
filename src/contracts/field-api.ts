import { z } from 'zod';
import { idParamSchema, okSchema } from './common.ts';
import {
  electionListSchema,
  electoralListElectionsSchema,
  fieldImportKindSchema,
  fieldImportListSchema,
  fieldImportSchema,
  stationPriorityListSchema,
  stationsQuerySchema,
  targetingSchema,
} from './field.ts';
import {
  cutTurfsInputSchema,
  mergeTurfsSchema,
  targetAreaInputSchema,
  targetAreaListSchema,
  areaQuestionnaireInputSchema,
  targetAreaSchema,
  turfListSchema,
  turfSchema,
  turfUpdateSchema,
  walkListSchema,
} from './field-turfs.ts';
import {
  canvassPackSchema,
  myTurfsSchema,
  visitSyncResultSchema,
  visitSyncSchema,
} from './field-visits.ts';
import { questionnaireInputSchema } from './field-questionnaires.ts';
import { questionnaireListSchema, questionnaireSchema } from './field-visits.ts';
import { progressMapSchema, progressQuerySchema, progressSchema } from './field-progress.ts';
import {
  committeeTurfListSchema,
  committeeTurfParamsSchema,
  committeeTurfUpdateSchema,
  eventTurfParamsSchema,
  eventTurfsSchema,
  turfChoicesQuerySchema,
  turfChoicesSchema,
  turfEventsSchema,
} from './field-organisers.ts';
import { eventIdParamsSchema } from './events.ts';
import { defineRoute } from './route.ts';

const manage = { permission: 'field.manage' } as const;
const tags = ['field'] as const;

/** Door-to-door: the files targeting and turfs are made from. */
export const fieldImportsApi = {
  start: defineRoute({
    method: 'POST',
    path: '/api/field/imports',
    summary: 'Import an official results file, INSEE polling-station addresses or BAN addresses',
    tags,
    access: manage,
    upload: {
      file: 'Results by polling station (ministère de l’Intérieur, .txt/.csv), INSEE’s polling-station address table (REU, .csv), Base Adresse Nationale addresses (adresses-XX.csv, plain or .gz) or the electoral list a candidate obtains (L37, .csv). Read in the background; the answer is the queued import.',
      fields: {
        kind: {
          description: '`results`, `reu`, `addresses` or `electoral_list`.',
          schema: fieldImportKindSchema,
        },
        label: {
          description: 'For a results file: the election’s name as HQ will see it.',
          schema: z.string().max(120),
        },
        electionId: {
          description:
            'For an electoral list: the campaign’s election (compliance) it was obtained for; its electors are deleted the day after its last round.',
          schema: z.string().max(20),
        },
      },
    },
    problems: {
      413: '`payload_too_large`: the file is over IMPORT_LIMIT_BYTES.',
      422: '`unknown_election` or `election_without_rounds`: an electoral list’s election is not one of the campaign’s, or has no round dates.',
    },
    response: { 202: fieldImportSchema },
  }),
  listElections: defineRoute({
    method: 'GET',
    path: '/api/field/imports/elections',
    summary:
      'The campaign’s elections an electoral list can be imported for, with their last round',
    tags,
    access: manage,
    response: { 200: electoralListElectionsSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/field/imports',
    summary: 'The latest field imports, newest first',
    tags,
    access: manage,
    response: { 200: fieldImportListSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/field/imports/:id',
    summary: 'One field import and its report',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: fieldImportSchema },
  }),
};

/** Targeting: elections imported, how stations are ranked, stations by priority. */
export const fieldTargetingApi = {
  elections: defineRoute({
    method: 'GET',
    path: '/api/field/elections',
    summary: 'Elections whose results by polling station were imported',
    tags,
    access: manage,
    response: { 200: electionListSchema },
  }),
  targeting: defineRoute({
    method: 'GET',
    path: '/api/field/targeting',
    summary: 'The election, candidate or nuance and formula that rank polling stations',
    tags,
    access: manage,
    response: { 200: targetingSchema },
  }),
  saveTargeting: defineRoute({
    method: 'PUT',
    path: '/api/field/targeting',
    summary: 'Choose the election, candidate or nuance and the priority formula',
    tags,
    access: manage,
    body: targetingSchema,
    problems: { 400: '`formula_*`: the formula cannot be read (position and word given).' },
    response: { 200: targetingSchema },
  }),
  stations: defineRoute({
    method: 'GET',
    path: '/api/field/stations',
    summary: 'Polling stations of a département or commune, by priority',
    tags,
    access: manage,
    query: stationsQuerySchema,
    response: { 200: stationPriorityListSchema },
  }),
};

/** Target areas and their turfs. */
export const fieldTurfsApi = {
  areas: defineRoute({
    method: 'GET',
    path: '/api/field/areas',
    summary: 'Target areas',
    tags,
    access: manage,
    response: { 200: targetAreaListSchema },
  }),
  createArea: defineRoute({
    method: 'POST',
    path: '/api/field/areas',
    summary: 'Choose a target area: polling stations, communes or a drawn polygon',
    tags,
    access: manage,
    body: targetAreaInputSchema,
    response: { 201: targetAreaSchema },
  }),
  deleteArea: defineRoute({
    method: 'DELETE',
    path: '/api/field/areas/:id',
    summary: 'Delete a target area and its turfs (refused once a door was visited)',
    tags,
    access: manage,
    params: idParamSchema,
    problems: { 409: '`area_visited`: doors of the area were visited.' },
    response: { 200: okSchema },
  }),
  areaQuestionnaire: defineRoute({
    method: 'PUT',
    path: '/api/field/areas/:id/questionnaire',
    summary:
      'Choose the questionnaire the area’s turfs carry (null: the most recently changed one)',
    tags,
    access: manage,
    params: idParamSchema,
    body: areaQuestionnaireInputSchema,
    problems: {
      422: '`unknown_questionnaire`: not a questionnaire of the campaign, or an archived one.',
    },
    response: { 200: targetAreaSchema },
  }),
  cut: defineRoute({
    method: 'POST',
    path: '/api/field/areas/:id/turfs',
    summary: 'Cut an area into turfs (replaces its turfs unless one was visited)',
    tags,
    access: manage,
    params: idParamSchema,
    body: cutTurfsInputSchema,
    problems: {
      409: '`turfs_visited`: a turf of the area was visited.',
      422: '`area_too_large`: too many addresses to cut at once.',
    },
    response: { 200: turfListSchema },
  }),
  turfs: defineRoute({
    method: 'GET',
    path: '/api/field/areas/:id/turfs',
    summary: 'The turfs of an area',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: turfListSchema },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/field/turfs/:id',
    summary: 'Rename a turf, give it to a committee and volunteers, for dates',
    tags,
    access: manage,
    params: idParamSchema,
    body: turfUpdateSchema,
    response: { 200: turfSchema },
  }),
  split: defineRoute({
    method: 'POST',
    path: '/api/field/turfs/:id/split',
    summary: 'Split a turf in two along its walk',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: turfListSchema },
  }),
  merge: defineRoute({
    method: 'POST',
    path: '/api/field/turfs/merge',
    summary: 'Merge turfs of one area into the first',
    tags,
    access: manage,
    body: mergeTurfsSchema,
    response: { 200: turfSchema },
  }),
  walkList: defineRoute({
    method: 'GET',
    path: '/api/field/turfs/:id/walk-list',
    summary: 'A turf’s addresses in walk order',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: walkListSchema },
  }),
  walkListPdf: defineRoute({
    method: 'GET',
    path: '/api/field/turfs/:id/walk-list.pdf',
    summary: 'A turf’s printable walk list',
    tags,
    access: { authenticated: true },
    params: idParamSchema,
    produces: ['application/pdf'],
    problems: { 403: '`turf_not_assigned`: the turf is not given to you.' },
    response: { 200: z.unknown() },
  }),
};

/** The canvassing app: a volunteer's turfs, a turf for offline use, visits sent back. */
export const canvassApi = {
  myTurfs: defineRoute({
    method: 'GET',
    path: '/api/field/my-turfs',
    summary: 'The turfs given to me (directly, through my committees or my door-to-door sessions)',
    tags,
    access: { authenticated: true },
    response: { 200: myTurfsSchema },
  }),
  pack: defineRoute({
    method: 'GET',
    path: '/api/field/turfs/:id/pack',
    summary: 'Everything to canvass a turf offline: walk list, questionnaire, silences',
    tags,
    access: { authenticated: true },
    params: idParamSchema,
    problems: { 403: '`turf_not_assigned`: the turf is not given to you.' },
    response: { 200: canvassPackSchema },
  }),
  startSession: defineRoute({
    method: 'POST',
    path: '/api/field/turfs/:id/session',
    summary: 'Start canvassing a turf now (refused in the pre-election silence)',
    tags,
    access: { authenticated: true },
    params: idParamSchema,
    problems: {
      403: '`turf_not_assigned`: the turf is not given to you.',
      409: '`pre_election_silence`: no canvassing from 00:00 the day before the vote (L49).',
    },
    response: { 200: okSchema },
  }),
  sync: defineRoute({
    method: 'POST',
    path: '/api/field/visits',
    summary: 'Send recorded visits (idempotent: each visit carries the id the phone made)',
    tags,
    access: { authenticated: true },
    body: visitSyncSchema,
    response: { 200: visitSyncResultSchema },
  }),
};

/** Door-to-door questionnaires (each save of a changed definition is a new version). */
export const fieldQuestionnairesApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/field/questionnaires',
    summary: 'Questionnaires, with their current version',
    tags,
    access: manage,
    response: { 200: questionnaireListSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/field/questionnaires/:id',
    summary: 'One questionnaire',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: questionnaireSchema },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/field/questionnaires',
    summary: 'Create a questionnaire',
    tags,
    access: manage,
    body: questionnaireInputSchema,
    response: { 201: questionnaireSchema },
  }),
  save: defineRoute({
    method: 'PUT',
    path: '/api/field/questionnaires/:id',
    summary: 'Save a questionnaire (a changed definition makes a new version), or archive it',
    tags,
    access: manage,
    params: idParamSchema,
    body: questionnaireInputSchema.extend({ archived: z.boolean().optional() }),
    response: { 200: questionnaireSchema },
  }),
};

/** Progress: doors knocked, conversations, contacts, answers; a live map; the answers export. */
export const fieldProgressApi = {
  progress: defineRoute({
    method: 'GET',
    path: '/api/field/progress',
    summary: 'Door-to-door progress of the campaign, an area, a turf or a committee',
    tags,
    access: manage,
    query: progressQuerySchema,
    response: { 200: progressSchema },
  }),
  map: defineRoute({
    method: 'GET',
    path: '/api/field/progress/map',
    summary: 'Visited addresses with their latest outcome',
    tags,
    access: manage,
    query: progressQuerySchema,
    response: { 200: progressMapSchema },
  }),
  answersCsv: defineRoute({
    method: 'GET',
    path: '/api/field/answers.csv',
    summary: 'Visits and their answers as CSV (audited; no names, no support level of a person)',
    tags,
    access: manage,
    query: progressQuerySchema,
    produces: ['text/csv'],
    response: { 200: z.unknown() },
  }),
  committeeProgress: defineRoute({
    method: 'GET',
    path: '/api/committees/:committeeId/field/progress',
    summary: 'Door-to-door progress of a committee’s turfs, for its organisers',
    tags,
    access: { scope: 'committee', rank: 'manager', orPermission: 'field.manage' },
    params: z.object({ committeeId: z.coerce.number().int() }),
    response: { 200: progressSchema },
  }),
};

/** Organisers, event by event: `field.manage` staff attach any turf, the event's managers theirs. */
const eventTurfsAccess = { scope: 'event', rank: 'manager', orPermission: 'field.manage' } as const;
/** A committee's organisers and managers, and staff who manage the field, on its turfs. */
const committeeTurfsAccess = {
  scope: 'committee',
  rank: 'manager',
  orPermission: 'field.manage',
} as const;
const committeeParams = z.object({ committeeId: z.coerce.number().int().min(1) });

/**
 * Door-to-door in the organisers' hands: the turfs a door-to-door session carries (those going
 * may canvass them), and the turfs HQ gave a committee, handed by its organisers to members.
 */
export const fieldOrganisersApi = {
  eventTurfs: defineRoute({
    method: 'GET',
    path: '/api/events/:eventId/field/turfs',
    summary: 'The turfs a door-to-door session carries, for its managers',
    tags,
    access: eventTurfsAccess,
    params: eventIdParamsSchema,
    response: { 200: eventTurfsSchema },
  }),
  eventTurfChoices: defineRoute({
    method: 'GET',
    path: '/api/events/:eventId/field/turf-choices',
    summary:
      'Turfs a session may carry, by name: its committee’s, or any for staff who manage the field',
    tags,
    access: eventTurfsAccess,
    params: eventIdParamsSchema,
    query: turfChoicesQuerySchema,
    response: { 200: turfChoicesSchema },
  }),
  attachEventTurf: defineRoute({
    method: 'PUT',
    path: '/api/events/:eventId/field/turfs/:turfId',
    summary: 'Have a door-to-door session carry a turf (its committee’s, or any for field staff)',
    tags,
    access: eventTurfsAccess,
    params: eventTurfParamsSchema,
    problems: {
      404: '`not_found`: no such turf, or a turf not given to the event’s committee.',
      409: '`not_door_to_door`: the event is not a door-to-door session; `event_cancelled`.',
    },
    response: { 200: eventTurfsSchema },
  }),
  detachEventTurf: defineRoute({
    method: 'DELETE',
    path: '/api/events/:eventId/field/turfs/:turfId',
    summary: 'Stop a session carrying a turf',
    tags,
    access: eventTurfsAccess,
    params: eventTurfParamsSchema,
    response: { 200: eventTurfsSchema },
  }),
  turfEvents: defineRoute({
    method: 'GET',
    path: '/api/field/turfs/:id/events',
    summary: 'The door-to-door sessions that carry a turf',
    tags,
    access: manage,
    params: idParamSchema,
    response: { 200: turfEventsSchema },
  }),
  committeeTurfs: defineRoute({
    method: 'GET',
    path: '/api/committees/:committeeId/field/turfs',
    summary: 'The turfs given to a committee, with their doors, progress, volunteers and dates',
    tags,
    access: committeeTurfsAccess,
    params: committeeParams,
    response: { 200: committeeTurfListSchema },
  }),
  assignCommitteeTurf: defineRoute({
    method: 'PATCH',
    path: '/api/committees/:committeeId/field/turfs/:turfId',
    summary: 'Give one of a committee’s turfs to its members, for dates',
    tags,
    access: committeeTurfsAccess,
    params: committeeTurfParamsSchema,
    body: committeeTurfUpdateSchema,
    problems: {
      404: '`not_found`: no such turf among the committee’s.',
      422: '`volunteer_not_member`: a volunteer added is not a member of the committee.',
    },
    response: { 200: turfSchema },
  }),
};
