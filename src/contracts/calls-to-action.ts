import { z } from 'zod';
import { actionKindSchema } from './mobilisation.ts';

/** A call to action's text: a subject and a body written in Markdown (drawn sanitised). */
export const CALL_TO_ACTION_BODY_MAX = 20_000;
/** At most this many actions in one call (one sign-up link each in the mail). */
export const CALL_TO_ACTION_MAX_ACTIONS = 10;
/** At most this many target communes in one call. */
export const CALL_TO_ACTION_MAX_AREAS = 50;

/**
 * The kinds of open action a call may offer (mobilisation's actions that have a place: a share
 * kit is taken anywhere, so no area lacks one).
 */
export const callActionKindSchema = actionKindSchema.exclude(['share_kit']);
export type CallActionKind = z.infer<typeof callActionKindSchema>;

/** One open action, by kind and the id its owning feature gives it. */
export const callActionRefSchema = z
  .object({
    kind: callActionKindSchema,
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export type CallActionRef = z.infer<typeof callActionRefSchema>;

/** An open action that lacks volunteers, as the needs list shows it. */
export const openNeedSchema = z.object({
  kind: callActionKindSchema,
  id: z.number(),
  title: z.string(),
  /** When it happens (a session, a shift, an event); null for a turf. */
  startsAt: z.string().nullable(),
  /** How many more people it needs (a turf without anyone: 1; a shift: its free places). */
  missing: z.number(),
  /** Hours of calling not covered (a phone-bank shift's free places × its length). */
  missingHours: z.number(),
});
export type OpenNeed = z.infer<typeof openNeedSchema>;

/** A commune and what lacks volunteers there. */
export const areaNeedSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  turfsUnassigned: z.number(),
  shiftHoursUnfilled: z.number(),
  eventsShort: z.number(),
  /** People still needed across its actions. */
  missing: z.number(),
  needs: z.array(openNeedSchema),
});
export type AreaNeed = z.infer<typeof areaNeedSchema>;

const communeCodeSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'invalid_commune');

/** Who a call goes to: the supporters within `distanceKm` of the target communes. */
export const callAudienceInputSchema = z
  .object({
    areas: z.array(communeCodeSchema).min(1, 'required').max(CALL_TO_ACTION_MAX_AREAS, 'too_many'),
    distanceKm: z.number().int('not_integer').min(0, 'too_small').max(100, 'too_big'),
  })
  .strict();
export type CallAudienceInput = z.input<typeof callAudienceInputSchema>;

export const callToActionInputSchema = callAudienceInputSchema
  .extend({
    actions: z
      .array(callActionRefSchema)
      .min(1, 'required')
      .max(CALL_TO_ACTION_MAX_ACTIONS, 'too_many'),
    subject: z.string().trim().min(1, 'required').max(200, 'too_long'),
    body: z.string().trim().min(1, 'required').max(CALL_TO_ACTION_BODY_MAX, 'too_long'),
  })
  .strict()
  .superRefine((input, context) => {
    const keys = input.actions.map((a) => `${a.kind}:${a.id}`);
    if (new Set(keys).size !== keys.length)
      context.addIssue({ code: 'custom', path: ['actions'], message: 'duplicate' });
  });
export type CallToActionInput = z.input<typeof callToActionInputSchema>;

/** How many people a call would reach now (and how many more are near but not reachable). */
export const callAudiencePreviewSchema = z.object({
  recipients: z.number(),
  /** Within the distance but without an address or the consent to email. */
  notReachable: z.number(),
  communes: z.number(),
});
export type CallAudiencePreview = z.infer<typeof callAudiencePreviewSchema>;

/** One action of a sent call, with its response. */
export const callActionResultSchema = z.object({
  kind: callActionKindSchema,
  id: z.number(),
  title: z.string(),
  clicks: z.number(),
  signups: z.number(),
});

export const callToActionSummarySchema = z.object({
  id: z.number(),
  subject: z.string(),
  distanceKm: z.number(),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  recipients: z.number(),
  clicks: z.number(),
  signups: z.number(),
  sentBy: z.string().nullable(),
  sentAt: z.string(),
});
export type CallToActionSummary = z.infer<typeof callToActionSummarySchema>;

/** Responses per day (the campaign's time zone): first clicks and sign-ups. */
export const callResponsePointSchema = z.object({
  day: z.string(),
  clicks: z.number(),
  signups: z.number(),
});

export const callToActionSchema = callToActionSummarySchema.extend({
  body: z.string(),
  actions: z.array(callActionResultSchema),
  mails: z.object({
    pending: z.number(),
    sent: z.number(),
    suppressed: z.number(),
    failed: z.number(),
  }),
  /** People who clicked any link at least once. */
  clickers: z.number(),
  overTime: z.array(callResponsePointSchema),
});
export type CallToAction = z.infer<typeof callToActionSchema>;
