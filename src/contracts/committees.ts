import { z } from 'zod';
import { rankSchema } from './access.ts';
import { placeSchema } from './places.ts';

/** A committee's description: Markdown (bold, italics, lists, links), sanitised on the server. */
export const DESCRIPTION_MAX = 10_000;

/** Where a committee meets: a commune (by INSEE code, or a postal code and its name), a street. */
export const committeePlaceInputSchema = z
  .object({
    communeCode: z.string().trim().max(5, 'too_long').optional(),
    postalCode: z.string().trim().max(10, 'too_long').optional(),
    communeName: z.string().trim().max(100, 'too_long').optional(),
    street: z.string().trim().max(200, 'too_long').optional(),
  })
  .refine((p) => !!(p.communeCode || p.postalCode), { message: 'required', path: ['postalCode'] });

export const committeeInputSchema = z.object({
  name: z.string().trim().min(3, 'too_short').max(100, 'too_long'),
  description: z.string().trim().max(DESCRIPTION_MAX, 'too_long').default(''),
  place: committeePlaceInputSchema,
  contactEmail: z.email('invalid_email').max(254, 'too_long').optional().or(z.literal('')),
  contactPhone: z.string().trim().max(30, 'too_long').optional(),
});
export type CommitteeInput = z.input<typeof committeeInputSchema>;

/**
 * `published`: public. `held`: its text met the forbidden-words list, waiting for a moderator
 * (seen by its organisers only). `unpublished`: taken down by a moderator. `closed`: ended.
 */
export const committeeStatusSchema = z.enum(['published', 'held', 'unpublished', 'closed']);
export type CommitteeStatus = z.infer<typeof committeeStatusSchema>;

/** A committee as anyone sees it. */
export const committeeSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  place: placeSchema,
  memberCount: z.number().int(),
  certified: z.boolean(),
  /** From the point searched from, when there was one. */
  distanceKm: z.number().nullable(),
});
export type CommitteeSummary = z.infer<typeof committeeSummarySchema>;

export const committeeSchema = committeeSummarySchema.extend({
  descriptionHtml: z.string(),
  status: committeeStatusSchema,
  /** Organisers by first name only. */
  organisers: z.array(z.string()),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** False when the organisers closed it to new members (followers are still welcome). */
  openToMembers: z.boolean(),
  createdAt: z.iso.datetime(),
  /** The committee's photo (re-encoded WebP), when it has one. */
  photoUrl: z.string().nullable(),
  /** The caller's own membership, when logged in and a member. */
  myMembership: z
    .object({ rank: rankSchema, shareContact: z.boolean(), subscribed: z.boolean() })
    .nullable(),
});
export type Committee = z.infer<typeof committeeSchema>;

/**
 * For organisers: the committee with what its form holds, to edit it (the Markdown source,
 * the postal code and street as typed: the place's label is what the geocoder made of them).
 */
export const committeeForEditSchema = committeeSchema.extend({
  description: z.string(),
  postalCode: z.string().nullable(),
  street: z.string().nullable(),
});
export type CommitteeForEdit = z.infer<typeof committeeForEditSchema>;

export const committeeUpdateSchema = committeeInputSchema.extend({
  openToMembers: z.boolean(),
});

export const committeeSearchQuerySchema = z.object({
  /** A point ("near me"): both or neither. */
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  /** A postal code or commune code, searched from its centre. */
  place: z.string().trim().max(10, 'too_long').optional(),
  /** Part of a committee's name. */
  q: z.string().trim().max(100, 'too_long').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type CommitteeSearchQuery = z.infer<typeof committeeSearchQuerySchema>;

export const committeeListSchema = z.object({
  items: z.array(committeeSummarySchema),
  /** Whether more follow this page. */
  more: z.boolean(),
});

export const committeeIdParamsSchema = z.object({ committeeId: z.coerce.number().int().min(1) });
export const memberParamsSchema = committeeIdParamsSchema.extend({
  personId: z.coerce.number().int().min(1),
});

/** Joining as a member or following; `shareContact` lets the committee's managers see it. */
export const membershipInputSchema = z.object({
  as: z.enum(['member', 'follower']),
  shareContact: z.boolean().default(false),
});

export const membershipSchema = z.object({
  committeeId: z.number().int(),
  rank: rankSchema,
  shareContact: z.boolean(),
  subscribed: z.boolean(),
});

export const myCommitteeSchema = committeeSummarySchema.extend({
  rank: rankSchema,
  status: committeeStatusSchema,
});
export const myCommitteesSchema = z.array(myCommitteeSchema);

/** A member as the committee's managers see them: contact details only if shared. */
export const committeeMemberSchema = z.object({
  personId: z.number().int(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  rank: rankSchema,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  communeName: z.string().nullable(),
  joinedAt: z.iso.datetime(),
});
export const COMMITTEE_MEMBERS_PAGE = 200;
export const committeeMembersQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export const committeeMembersSchema = z.object({
  items: z.array(committeeMemberSchema),
  total: z.number().int(),
});

export const rankChangeSchema = z.object({ rank: rankSchema });

/** The abuse gates that replace approval, configured by staff. */
export const committeeRulesSchema = z.object({
  requireConfirmedEmail: z.boolean(),
  maxLedPerPerson: z.number().int().min(1).max(50),
  /** Committees one person may create in a day. */
  createdPerDay: z.number().int().min(1).max(100),
  /** Words (one per line, accents and case ignored) that hold a committee for review. */
  forbiddenWords: z.array(z.string().trim().min(1).max(100)).max(1000),
});
export type CommitteeRules = z.infer<typeof committeeRulesSchema>;

export const defaultCommitteeRules: CommitteeRules = {
  requireConfirmedEmail: true,
  maxLedPerPerson: 2,
  createdPerDay: 3,
  forbiddenWords: [],
};

export const committeeMessageInputSchema = z.object({
  subject: z.string().trim().min(1, 'required').max(200, 'too_long'),
  body: z.string().trim().min(1, 'required').max(20_000, 'too_long'),
  /** Everyone subscribed from this rank up (follower: followers too). */
  lowestRank: rankSchema.default('follower'),
});
export const committeeMessageSentSchema = z.object({
  id: z.number().int(),
  recipients: z.number().int(),
});
export const committeeMessageSchema = z.object({
  id: z.number().int(),
  subject: z.string(),
  bodyHtml: z.string(),
  lowestRank: rankSchema,
  recipients: z.number().int(),
  author: z.string().nullable(),
  at: z.iso.datetime(),
});
export const committeeMessagesSchema = z.array(committeeMessageSchema);
export const subscriptionInputSchema = z.object({ subscribed: z.boolean() });
export const unsubscribeInputSchema = z.object({ token: z.string().min(10).max(200) });

/** What a committee must show to be certified, set by staff. */
export const certificationCriteriaSchema = z.object({
  minAgeDays: z.number().int().min(0).max(3650),
  minMembers: z.number().int().min(0).max(100_000),
  minRecentPublicEvents: z.number().int().min(0).max(1000),
  recentDays: z.number().int().min(1).max(3650),
  minOrganisers: z.number().int().min(0).max(100),
});
export type CertificationCriteria = z.infer<typeof certificationCriteriaSchema>;
export const defaultCertificationCriteria: CertificationCriteria = {
  minAgeDays: 31,
  minMembers: 3,
  minRecentPublicEvents: 3,
  recentDays: 62,
  minOrganisers: 2,
};

export const certificationSchema = z.object({
  certified: z.boolean(),
  certifiedAt: z.iso.datetime().nullable(),
  /** The days `recentPublicEvents` counts back: organisers cannot read the criteria themselves. */
  recentDays: z.number().int(),
  /** Each criterion, what the committee has, and whether that is enough. */
  checklist: z.array(
    z.object({
      criterion: z.enum(['ageDays', 'members', 'recentPublicEvents', 'organisers']),
      required: z.number().int(),
      actual: z.number().int(),
      met: z.boolean(),
    }),
  ),
});
export type Certification = z.infer<typeof certificationSchema>;
export const certificationChangeSchema = z.object({ certified: z.boolean() });

/** HQ's list of every committee, by place, badge, state, activity and reports. */
export const hqCommitteesQuerySchema = z.object({
  q: z.string().trim().max(100, 'too_long').optional(),
  departement: z.string().trim().max(3, 'too_long').optional(),
  status: committeeStatusSchema.optional(),
  certified: z.enum(['yes', 'no']).optional(),
  /** Only those with open reports. */
  reported: z.enum(['yes']).optional(),
  /** Only those without a public event in the last 62 days. */
  inactive: z.enum(['yes']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type HqCommitteesQuery = z.infer<typeof hqCommitteesQuerySchema>;
export const hqCommitteeSchema = committeeSummarySchema.extend({
  status: committeeStatusSchema,
  departementCode: z.string().nullable(),
  openReports: z.number().int(),
  lastEventAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export const hqCommitteesSchema = z.object({
  items: z.array(hqCommitteeSchema),
  total: z.number().int(),
});

export const photoSchema = z.object({
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
