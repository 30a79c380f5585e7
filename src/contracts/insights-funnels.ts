import { z } from 'zod';
import { daySchema } from './common.ts';

/** The longest period the funnels and committee activity read at once, in days. */
export const INSIGHTS_PERIOD_MAX_DAYS = 731;

/**
 * A period of days in the campaign's time zone, both ends included. Without `to`, it ends
 * today; without `from`, 90 days end on `to`.
 */
export const insightsPeriodQuerySchema = z.object({
  from: daySchema.optional(),
  to: daySchema.optional(),
});
export type InsightsPeriodQuery = z.infer<typeof insightsPeriodQuerySchema>;

export const insightsPeriodSchema = z.object({ from: daySchema, to: daySchema });

/** The recruitment funnel's stages, in order: each counts people of the stage before. */
export const recruitmentStageSchema = z.enum(['signedUp', 'confirmed', 'joined', 'acted']);
export type RecruitmentStage = z.infer<typeof recruitmentStageSchema>;
export const recruitmentStages = recruitmentStageSchema.options;

/** The donation funnel's stages: page visits are counted only where a page records them. */
export const donationStageSchema = z.enum(['pageVisits', 'started', 'donors', 'recurring']);
export type DonationStage = z.infer<typeof donationStageSchema>;
export const donationStages = donationStageSchema.options;

export const funnelStepSchema = <S extends z.ZodType>(stage: S) =>
  z.object({
    stage,
    /** null: not recorded (no page visit is counted yet). */
    count: z.number().int().nonnegative().nullable(),
  });

export const funnelsSchema = z.object({
  period: insightsPeriodSchema,
  /**
   * People who signed up in the period (erased ones aside) → confirmed their address →
   * joined a committee or answered "going" to an event → recorded a door visit or a call.
   */
  recruitment: z.array(funnelStepSchema(recruitmentStageSchema)),
  /**
   * Visits of a donation page (null: not recorded) → people who began a gift → donors whose
   * gift succeeded → donors who set up a monthly gift, all in the period.
   */
  donations: z.array(funnelStepSchema(donationStageSchema)),
});
export type Funnels = z.infer<typeof funnelsSchema>;

/** At most this many committees are listed, the most active first. */
export const COMMITTEE_ACTIVITY_LIMIT = 200;

export const committeeActivityRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  placeLabel: z.string(),
  communeCode: z.string().nullable(),
  members: z.number().int(),
  /** Members who joined in the period. */
  newMembers: z.number().int(),
  /** Events of the committee starting in the period (cancelled ones aside). */
  events: z.number().int(),
  /** Doors visited or leaflets dropped on the committee's turfs in the period. */
  visits: z.number().int(),
  /** The latest of a member joining, an event starting (up to today) and a visit; null: none. */
  lastActivityAt: z.iso.datetime().nullable(),
});
export type CommitteeActivityRow = z.infer<typeof committeeActivityRowSchema>;

export const committeeActivitySchema = z.object({
  period: insightsPeriodSchema,
  totals: z.object({
    /** Published committees. */
    committees: z.number().int(),
    /** Those with a new member, an event or a visit in the period. */
    active: z.number().int(),
    members: z.number().int(),
    events: z.number().int(),
    visits: z.number().int(),
  }),
  /** The most active committees first (visits, events, new members, then members). */
  committees: z.array(committeeActivityRowSchema),
  /** More committees than listed. */
  truncated: z.boolean(),
});
export type CommitteeActivity = z.infer<typeof committeeActivitySchema>;
