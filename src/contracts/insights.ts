import { z } from 'zod';
import { daySchema } from './common.ts';

/**
 * The impact dashboard: contacts of each kind turned into estimated votes, turnout and
 * persuasion apart, each as a range (low, central, high), by territory against the margin of
 * a past election (docs/impact.md).
 */

/**
 * The kinds of contact counted:
 * - `door_conversation`: a knock answered by a conversation (field visit, outcome `conversation`);
 * - `leaflet`: a leaflet dropped (field visit in leaflet mode);
 * - `volunteer_call`: a phone-bank call that reached the person (outcome `conversation`);
 * - `robocall`: a recorded call (voice broadcast) listened to the end;
 * - `email`: a newsletter mail sent;
 * - `sms`: a campaign text sent.
 */
export const contactKindSchema = z.enum([
  'door_conversation',
  'leaflet',
  'volunteer_call',
  'robocall',
  'email',
  'sms',
]);
export type ContactKind = z.infer<typeof contactKindSchema>;
export const contactKinds: readonly ContactKind[] = contactKindSchema.options;

/** The two ways a contact wins votes: more of one's voters vote, or voters change their choice. */
export const effectTypeSchema = z.enum(['turnout', 'persuasion']);
export type EffectType = z.infer<typeof effectTypeSchema>;

/** Votes per contact: 1/14 ≈ 0.0714 is "one vote per 14 conversations". */
const perContact = z.number().min(0, 'too_small').max(1, 'too_large');

/** An effect with its uncertainty: low ≤ central ≤ high, in votes per contact. */
export const effectRangeSchema = z
  .object({ low: perContact, central: perContact, high: perContact })
  .refine((r) => r.low <= r.central && r.central <= r.high, {
    message: 'range_order',
    path: ['central'],
  });
export type EffectRange = z.infer<typeof effectRangeSchema>;

export const kindEffectSchema = z.object({
  turnout: effectRangeSchema,
  persuasion: effectRangeSchema,
});
export type KindEffect = z.infer<typeof kindEffectSchema>;

/** The model's effect sizes, one per kind of contact (every kind given). */
export const effectSizesSchema = z.object({
  door_conversation: kindEffectSchema,
  leaflet: kindEffectSchema,
  volunteer_call: kindEffectSchema,
  robocall: kindEffectSchema,
  email: kindEffectSchema,
  sms: kindEffectSchema,
});
export type EffectSizes = z.infer<typeof effectSizesSchema>;

/** A published study behind a default effect, cited on the page with what it found. */
export const effectSourceSchema = z.object({
  kind: contactKindSchema,
  effect: effectTypeSchema,
  /** Author, year, title, where it was published. */
  citation: z.string(),
  url: z.string().nullable(),
  /** What the study reports, in its own terms ("about one vote per 14 conversations"). */
  finding: z.string(),
  /** How the default range (low, central, high) was drawn from it. */
  range: z.string(),
});
export type EffectSource = z.infer<typeof effectSourceSchema>;

export const effectSettingsSchema = z.object({
  effects: effectSizesSchema,
  /** The published defaults, to compare with and to go back to. */
  defaults: effectSizesSchema,
  sources: z.array(effectSourceSchema),
  /** True while the campaign has not edited the effects. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.number().int().nullable(),
});
export type EffectSettings = z.infer<typeof effectSettingsSchema>;

/** A number of votes with its uncertainty, from the low, central and high effects. */
export const voteRangeSchema = z.object({ low: z.number(), central: z.number(), high: z.number() });
export type VoteRange = z.infer<typeof voteRangeSchema>;

/** Estimated votes: turnout and persuasion apart, and their sum. */
export const estimatedVotesSchema = z.object({
  turnout: voteRangeSchema,
  persuasion: voteRangeSchema,
  total: voteRangeSchema,
});
export type EstimatedVotes = z.infer<typeof estimatedVotesSchema>;

const count = z.number().int().nonnegative();

/** Contacts by kind (every kind present, 0 when none). */
export const kindCountsSchema = z.object({
  door_conversation: count,
  leaflet: count,
  volunteer_call: count,
  robocall: count,
  email: count,
  sms: count,
});
export type KindCounts = z.infer<typeof kindCountsSchema>;

/**
 * Where contacts were placed: on a polling station (the address is matched to one), only on a
 * commune (address not matched), or nowhere (no commune known for the person).
 */
export const placementSchema = z.object({
  station: count,
  communeOnly: count,
  unplaced: count,
});
export type Placement = z.infer<typeof placementSchema>;

/** How fresh the aggregates are: contacts recorded before `refreshedUpTo` are counted. */
export const freshnessSchema = z.object({
  refreshedAt: z.string().nullable(),
  refreshedUpTo: z.string().nullable(),
});

/** Optional period (days in the campaign's time zone, both ends included); none: all time. */
const periodShape = { from: daySchema.optional(), to: daySchema.optional() };
const periodInOrder = (p: { from?: string; to?: string }) => !p.from || !p.to || p.from <= p.to;
const periodIssue = { message: 'range_order', path: ['to'] };

export const impactQuerySchema = z.object(periodShape).refine(periodInOrder, periodIssue);
export type ImpactQuery = z.infer<typeof impactQuerySchema>;

export const impactSummaryKindSchema = z.object({
  kind: contactKindSchema,
  contacts: count,
  votes: estimatedVotesSchema,
});

/** The country-wide view: contacts and estimated votes, by kind and in all. */
export const impactSummarySchema = z.object({
  period: z.object({ from: daySchema.nullable(), to: daySchema.nullable() }),
  contacts: count,
  byKind: z.array(impactSummaryKindSchema),
  votes: estimatedVotesSchema,
  placement: placementSchema,
  /** Placement by kind: how many of each kind were placed only at commune level. */
  placementByKind: z.array(z.object({ kind: contactKindSchema, placement: placementSchema })),
  freshness: freshnessSchema,
});
export type ImpactSummary = z.infer<typeof impactSummarySchema>;

export const territoryLevelSchema = z.enum(['station', 'commune', 'constituency']);
export type TerritoryLevel = z.infer<typeof territoryLevelSchema>;

/** How a territory list is ordered: `short` puts first where few contacts would cover the margin. */
export const territorySortSchema = z.enum(['short', 'contacts', 'margin', 'votes']);

export const territoriesQuerySchema = z.object({
  level: territoryLevelSchema.default('commune'),
  /** INSEE département code ('01', '2A', '971'). */
  departement: z
    .string()
    .regex(/^(\d{2}|2[AB]|\d{3})$/, 'invalid_format')
    .optional(),
  /** INSEE commune code ('75056', '2A004'). */
  commune: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'invalid_format')
    .optional(),
  sort: territorySortSchema.default('short'),
  limit: z.coerce.number().int().min(1, 'too_small').max(5000, 'too_large').default(500),
});
export type TerritoriesQuery = z.infer<typeof territoriesQuerySchema>;

/**
 * The margin that matters, from the election field's targeting chose (its candidate or
 * nuance): `ours` minus the best other candidate's votes (negative: behind).
 */
export const territoryMarginSchema = z.object({
  electionId: z.number().int(),
  registered: count,
  expressed: count,
  ours: count,
  bestOther: count,
  margin: z.number().int(),
});

export const territoryImpactSchema = z.object({
  level: territoryLevelSchema,
  /** Station id (`communeCode_stationCode`), commune code or constituency code. */
  id: z.string(),
  name: z.string(),
  communeCode: z.string().nullable(),
  constituencyCode: z.string().nullable(),
  contacts: count,
  byKind: kindCountsSchema,
  /** Of `contacts`, those placed only on the commune (commune level: address not matched). */
  communeOnly: count,
  votes: estimatedVotesSchema,
  /** Null when no election is chosen or the territory has no results. */
  margin: territoryMarginSchema.nullable(),
  /**
   * Door conversations still needed for the central estimate to cover |margin| (0 when it
   * does; null without a margin, or when the model gives conversations no effect).
   */
  contactsNeeded: count.nullable(),
  /** Position in the list's order, from 1. */
  rank: z.number().int().positive(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  placedBy: z.enum(['reu', 'addresses', 'commune']).nullable(),
});
export type TerritoryImpact = z.infer<typeof territoryImpactSchema>;

export const territoryListSchema = z.object({
  level: territoryLevelSchema,
  electionId: z.number().int().nullable(),
  items: z.array(territoryImpactSchema),
  /** More territories matched than `limit`. */
  truncated: z.boolean(),
  /**
   * Contacts that could not be placed at this level: at station level those known only by
   * commune; at constituency level those of communes split between constituencies or unknown.
   */
  notPlacedAtLevel: count,
  freshness: freshnessSchema,
});
export type TerritoryList = z.infer<typeof territoryListSchema>;

/** The same territories as GeoJSON points the web map draws (coordinates: [lng, lat]). */
export const impactMapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({
        type: z.literal('Point'),
        coordinates: z.array(z.number()).length(2),
      }),
      properties: territoryImpactSchema,
    }),
  ),
  truncated: z.boolean(),
  /** Territories left out because no point is known for them. */
  withoutPoint: count,
});
export type ImpactMap = z.infer<typeof impactMapSchema>;

export const trendIntervalSchema = z.enum(['day', 'week']);

export const trendsQuerySchema = z
  .object({ ...periodShape, interval: trendIntervalSchema.default('day') })
  .refine(periodInOrder, periodIssue);
export type TrendsQuery = z.infer<typeof trendsQuerySchema>;

export const trendsSchema = z.object({
  interval: trendIntervalSchema,
  /** One point per period that has contacts, oldest first; `period` is its first day (weeks start on Monday). */
  points: z.array(
    z.object({
      period: daySchema,
      byKind: kindCountsSchema,
      contacts: count,
      votes: estimatedVotesSchema,
    }),
  ),
  freshness: freshnessSchema,
});
export type Trends = z.infer<typeof trendsSchema>;
