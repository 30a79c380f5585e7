import { z } from 'zod';
import { NEWSLETTER_BODY_MAX } from './newsletters.ts';

/**
 * What enrols a person in an automation: their sign-up confirmed (a welcome series), a
 * committee joined (as member or follower), an answer to an event, a gift paid.
 */
export const automationTriggerSchema = z.enum([
  'signup_confirmed',
  'committee_joined',
  'first_rsvp',
  'first_gift',
]);
export type AutomationTrigger = z.infer<typeof automationTriggerSchema>;
export const automationTriggers = automationTriggerSchema.options;

export const automationStatusSchema = z.enum(['active', 'paused']);
export type AutomationStatus = z.infer<typeof automationStatusSchema>;

/** The most steps an automation has, and the longest wait after the trigger. */
export const AUTOMATION_STEPS_MAX = 20;
export const AUTOMATION_DELAY_MAX_DAYS = 365;

/** A step as staff write it: the same text as a newsletter's, sent `delayDays` after the trigger. */
export const automationStepInputSchema = z
  .object({
    /** A step kept from before (its counts stay); absent for a new step. */
    id: z.number().int().positive().optional(),
    delayDays: z.number().int().min(0, 'too_small').max(AUTOMATION_DELAY_MAX_DAYS, 'too_big'),
    subject: z.string().trim().min(1, 'required').max(200, 'too_long'),
    preheader: z.string().trim().max(200, 'too_long').default(''),
    body: z.string().trim().min(1, 'required').max(NEWSLETTER_BODY_MAX, 'too_long'),
  })
  .strict();
export type AutomationStepInput = z.input<typeof automationStepInputSchema>;

export const automationInputSchema = z
  .object({
    name: z.string().trim().min(3, 'too_short').max(120, 'too_long'),
    trigger: automationTriggerSchema,
    status: automationStatusSchema.default('active'),
    /** In the order they go; their delays never go back in time. */
    steps: z
      .array(automationStepInputSchema)
      .min(1, 'required')
      .max(AUTOMATION_STEPS_MAX, 'too_many')
      .refine(
        (steps) => steps.every((step, i) => i === 0 || step.delayDays >= steps[i - 1]!.delayDays),
        'steps_out_of_order',
      ),
  })
  .strict();
export type AutomationInput = z.input<typeof automationInputSchema>;

/** What the campaign's mail did with a step, from its outbox rows. */
export const automationStepCountsSchema = z.object({
  /** Enrolments this step was queued for. */
  queued: z.number(),
  pending: z.number(),
  sent: z.number(),
  /** Not sent on purpose: no consent, opted out… (the compliance gate). */
  suppressed: z.number(),
  failed: z.number(),
  /** Enrolments that ended from this step's unsubscribe link. */
  unsubscribed: z.number(),
});
export type AutomationStepCounts = z.infer<typeof automationStepCountsSchema>;

export const automationStepSchema = z.object({
  id: z.number(),
  position: z.number(),
  delayDays: z.number(),
  subject: z.string(),
  preheader: z.string(),
  body: z.string(),
  counts: automationStepCountsSchema,
});
export type AutomationStep = z.infer<typeof automationStepSchema>;

export const automationSchema = z.object({
  id: z.number(),
  name: z.string(),
  trigger: automationTriggerSchema,
  status: automationStatusSchema,
  /** People enrolled, and those whose series still runs (steps to come, not unsubscribed). */
  enrolled: z.number(),
  running: z.number(),
  steps: z.array(automationStepSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Automation = z.infer<typeof automationSchema>;

export const automationStatusInputSchema = z.object({ status: automationStatusSchema }).strict();

/** A step of an automation, as its test's path names it. */
export const automationStepParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  stepId: z.coerce.number().int().positive(),
});
