import { z } from 'zod';
import { daySchema } from './common.ts';

/** The ways the campaign reaches a person; each has its own consent. */
export const contactChannelSchema = z.enum(['email', 'sms', 'volunteer_call', 'automated_call']);
export type ContactChannel = z.infer<typeof contactChannelSchema>;
export const contactChannels: readonly ContactChannel[] = contactChannelSchema.options;

/**
 * What a person's consent records are kept for: the contact channels, and the consent to
 * measuring opens and clicks of newsletters (`email_tracking`, off by default). That one is
 * not a way to reach anyone: the compliance gate only ever asks about contact channels.
 */
export const consentChannelSchema = z.enum([...contactChannelSchema.options, 'email_tracking']);
export type ConsentChannel = z.infer<typeof consentChannelSchema>;

const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');

/** The days and hours a person agreed to receive automated calls (CNIL), on their clock. */
export const agreedSlotSchema = z
  .object({
    /** ISO weekdays: 1 Monday … 7 Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'required').max(7),
    from: clockSchema,
    /** Excluded. */
    to: clockSchema,
  })
  .refine((slot) => slot.from < slot.to, { path: ['to'], message: 'not_after_from' });

/** Why the campaign writes or calls. Transactional mail (login, confirmation) is exempt. */
export const contactPurposeSchema = z.enum([
  'newsletter',
  'committee_message',
  'event_reminder',
  'call',
  'transactional',
]);
export type ContactPurpose = z.infer<typeof contactPurposeSchema>;

/** Stable codes of a refusal: callers branch on them and the interface labels them. */
export const contactRefusalSchema = z.enum([
  /** The person never agreed to this channel. */
  'no_consent',
  /** The person withdrew their consent to this channel. */
  'opted_out',
  /** Automated calls need the time slot the person agreed to; this consent has none. */
  'no_agreed_slot',
  /** Outside the slot the person agreed to for automated calls. */
  'outside_agreed_slot',
  /** Night, Sunday or public holiday where the person lives. */
  'quiet_hours',
  /** Code électoral L49: from 00:00 the day before a round until the polls close. */
  'pre_election_silence',
]);
export type ContactRefusal = z.infer<typeof contactRefusalSchema>;

/**
 * Where a person votes and lives by the clock: metropolitan France (Corsica included), or an
 * overseas département or collectivity by its code.
 */
export const territorySchema = z.enum([
  'metropole',
  '971',
  '972',
  '973',
  '974',
  '975',
  '976',
  '977',
  '978',
  '986',
  '987',
  '988',
]);
export type Territory = z.infer<typeof territorySchema>;
export const territories: readonly Territory[] = territorySchema.options;

/** A day per territory (an object with one property each, so the OpenAPI document names them). */
const territoryDatesSchema = z.object(
  Object.fromEntries(territories.map((territory) => [territory, daySchema])) as Record<
    Territory,
    typeof daySchema
  >,
);

export const electionKindSchema = z.enum(['national', 'local']);
export type ElectionKind = z.infer<typeof electionKindSchema>;

export const electionRoundInputSchema = z.object({
  /** The day of the vote in metropolitan France (YYYY-MM-DD). */
  date: daySchema,
  /** When the polls close, local time in each territory. */
  pollsClose: clockSchema.default('20:00'),
  /**
   * Days that differ from `date` by territory. Left out for a national election, the
   * territories that vote a day earlier (Antilles, Guyane, Saint-Pierre-et-Miquelon, Polynesia)
   * get the day before.
   */
  territoryDates: territoryDatesSchema.partial().optional(),
});
export type ElectionRoundInput = z.input<typeof electionRoundInputSchema>;

export const electionInputSchema = z.object({
  name: z.string().trim().min(1, 'required').max(120, 'too_long'),
  kind: electionKindSchema,
  rounds: z
    .array(electionRoundInputSchema)
    .min(1)
    .max(4)
    .superRefine((rounds, issues) => {
      rounds.forEach((round, index) => {
        if (index > 0 && round.date <= rounds[index - 1]!.date)
          issues.addIssue({
            code: 'custom',
            message: 'rounds_out_of_order',
            path: [index, 'date'],
          });
      });
    }),
});
export type ElectionInput = z.input<typeof electionInputSchema>;

export const electionRoundSchema = z.object({
  number: z.number().int(),
  date: daySchema,
  pollsClose: z.string(),
  /** The day of the vote in every territory. */
  territoryDates: territoryDatesSchema,
});
export type ElectionRound = z.infer<typeof electionRoundSchema>;

export const electionSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: electionKindSchema,
  rounds: z.array(electionRoundSchema),
});
export type Election = z.infer<typeof electionSchema>;

export const contactCheckQuerySchema = z.object({
  personId: z.coerce.number().int().positive(),
  channel: contactChannelSchema,
  purpose: contactPurposeSchema,
  /** The moment asked about (ISO 8601); now when left out. */
  at: z.iso.datetime({ offset: true }).optional(),
});

export const contactDecisionSchema = z.object({
  allowed: z.boolean(),
  /** Why not (absent when allowed). */
  reason: contactRefusalSchema.optional(),
  /** For a refusal that passes with time: the earliest moment it may lift (ISO 8601). */
  until: z.string().optional(),
  territory: territorySchema.nullable(),
});
export type ContactDecisionResponse = z.infer<typeof contactDecisionSchema>;
