import { z } from 'zod';
import { callingWindowsSchema } from './calling.ts';
import { visitAnswersSchema } from './field-answers.ts';
import { questionnaireDefinitionSchema } from './field-questionnaires.ts';

/**
 * Volunteer phone banks: a calling campaign over a segment, a script and a questionnaire (the
 * door-to-door engine); volunteers claim the next person one at a time and call from their own
 * phone; shifts are phone-bank events linked to the bank.
 */

export const PHONE_BANK_SCRIPT_MAX = 10_000;
export const PHONE_BANK_NOTES_MAX = 2_000;

export const phoneBankStatusSchema = z.enum(['draft', 'open', 'paused', 'closed']);
export type PhoneBankStatus = z.infer<typeof phoneBankStatusSchema>;

/**
 * Who may call besides staff: any supporter with an account, the members of its committee,
 * or those going to one of its shifts.
 */
export const phoneBankAccessSchema = z.enum(['supporters', 'committee', 'shifts']);
export type PhoneBankAccess = z.infer<typeof phoneBankAccessSchema>;

/** What a volunteer records of a call. */
export const callOutcomeSchema = z.enum([
  'no_answer',
  'wrong_number',
  'call_back',
  'conversation',
  'refused',
  'do_not_call',
]);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;
export const callOutcomes: readonly CallOutcome[] = callOutcomeSchema.options;

/** Phone-bank days and hours: weekdays 10:00–13:00 and 14:00–20:00, Saturday 10:00–18:00. */
export const defaultPhoneBankWindows = {
  weekdays: [1, 2, 3, 4, 5, 6],
  windows: [
    ['10:00', '13:00'],
    ['14:00', '20:00'],
  ],
  closedOnPublicHolidays: true,
};

export const phoneBankInputSchema = z
  .object({
    name: z.string().trim().min(3, 'too_short').max(120, 'too_long'),
    segmentId: z.number().int().positive(),
    /** The questionnaire asked in a conversation (its current version when the call starts). */
    questionnaireId: z.number().int().positive().nullable().default(null),
    /** Shown to the volunteer as text (line breaks kept, never read as markup). */
    script: z.string().max(PHONE_BANK_SCRIPT_MAX, 'too_long').default(''),
    windows: callingWindowsSchema.default(defaultPhoneBankWindows),
    committeeId: z.number().int().positive().nullable().default(null),
    access: phoneBankAccessSchema.default('supporters'),
    /** A claim not ended within this goes back to the queue. */
    claimMinutes: z.number().int().min(5).max(120).default(15),
    /** Calls without an answer before the person is left. */
    maxAttempts: z.number().int().min(1).max(10).default(3),
    /** Wait before someone who did not answer is called again. */
    retryMinutes: z
      .number()
      .int()
      .min(30)
      .max(7 * 24 * 60)
      .default(240),
  })
  .strict();
export type PhoneBankInput = z.input<typeof phoneBankInputSchema>;

/** A change to a bank: its audience (segment) only before it opens. */
export const phoneBankPatchSchema = phoneBankInputSchema.partial().strict();

export const phoneBankCountsSchema = z.object({
  /** People frozen into its queue when it opened. */
  audience: z.number(),
  /** Waiting (or back for a retry or a call-back). */
  due: z.number(),
  /** Being called now (claimed, not expired). */
  claimed: z.number(),
  done: z.number(),
  calls: z.number(),
  byOutcome: z.object({
    no_answer: z.number(),
    wrong_number: z.number(),
    call_back: z.number(),
    conversation: z.number(),
    refused: z.number(),
    do_not_call: z.number(),
  }) satisfies z.ZodType<Record<CallOutcome, number>>,
});
export type PhoneBankCounts = z.infer<typeof phoneBankCountsSchema>;

export const phoneBankSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: phoneBankStatusSchema,
  segmentId: z.number(),
  questionnaireId: z.number().nullable(),
  script: z.string(),
  windows: callingWindowsSchema,
  committeeId: z.number().nullable(),
  access: phoneBankAccessSchema,
  claimMinutes: z.number(),
  maxAttempts: z.number(),
  retryMinutes: z.number(),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  counts: phoneBankCountsSchema,
});
export type PhoneBank = z.infer<typeof phoneBankSchema>;

/** A shift: a phone-bank event linked to the bank, and how full it is. */
export const phoneBankShiftSchema = z.object({
  eventId: z.number(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().nullable(),
  going: z.number(),
  /** Places left (null without a capacity). */
  open: z.number().nullable(),
  status: z.string(),
});
export type PhoneBankShift = z.infer<typeof phoneBankShiftSchema>;

/** A new shift: an event of type phone_bank made for the bank and linked to it. */
export const phoneBankShiftInputSchema = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    capacity: z.number().int().min(1).max(1000).nullable().default(null),
    /**
     * The postal code of where volunteers meet; empty for calls from home (the shift's online
     * link is then the bank's calling page).
     */
    postalCode: z
      .string()
      .trim()
      .regex(/^(\d{5})?$/, 'invalid_postal_code')
      .default(''),
  })
  .strict()
  .refine((shift) => shift.startsAt < shift.endsAt, {
    path: ['endsAt'],
    message: 'not_after_start',
  });

/** One row of a leaderboard. */
export const callerTallySchema = z.object({
  id: z.number(),
  name: z.string(),
  calls: z.number(),
  conversations: z.number(),
});
export type CallerTally = z.infer<typeof callerTallySchema>;

export const phoneBankStatsSchema = z.object({
  counts: phoneBankCountsSchema,
  /** Calls per day (campaign's time zone), oldest first. */
  byDay: z.array(z.object({ day: z.string(), calls: z.number(), conversations: z.number() })),
  volunteers: z.array(callerTallySchema),
  committees: z.array(callerTallySchema),
  /** Support levels counted from the conversations (1 strong supporter … 5 opposed). */
  support: z.record(z.string(), z.number()),
});
export type PhoneBankStats = z.infer<typeof phoneBankStatsSchema>;

/** What a volunteer sees of a bank they may call in. */
/** Why a bank serves nobody now: paused or closed, outside its hours, the pre-election silence. */
export const closedReasonSchema = z
  .enum(['outside_hours', 'pre_election_silence', 'not_open'])
  .nullable();

export const callerBankSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: phoneBankStatusSchema,
  script: z.string(),
  questionnaire: z
    .object({ versionId: z.number(), definition: questionnaireDefinitionSchema })
    .nullable(),
  /** Whether a claim would be served now; why not otherwise. */
  callingNow: z.boolean(),
  closedReason: closedReasonSchema,
  windows: callingWindowsSchema,
  due: z.number(),
  mine: z.object({ calls: z.number(), conversations: z.number() }),
  shifts: z.array(phoneBankShiftSchema.extend({ going: z.number(), mine: z.boolean() })),
});
export type CallerBank = z.infer<typeof callerBankSchema>;

/** The person a volunteer is given to call: only what the call needs. */
export const phoneBankClaimSchema = z.object({
  targetId: z.number(),
  claimedUntil: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  communeName: z.string().nullable(),
  /** E.164, for the tel: link. */
  phone: z.string(),
  /** As people read it (06 12 34 56 78). */
  phoneDisplay: z.string(),
  attempts: z.number(),
  lastOutcome: callOutcomeSchema.nullable(),
  /** A call-back someone agreed on. */
  callBackAt: z.string().nullable(),
});
export type PhoneBankClaim = z.infer<typeof phoneBankClaimSchema>;

/** A call's outcome; `id` is made by the page so that a resent call is stored once. */
export const callRecordSchema = z
  .object({
    id: z.uuid(),
    targetId: z.number().int().positive(),
    outcome: callOutcomeSchema,
    /** Required for `call_back`: when to call again (in the future, within 30 days). */
    callBackAt: z.iso.datetime({ offset: true }).nullable().default(null),
    /** A conversation's answers to the bank's questionnaire. */
    answers: visitAnswersSchema.nullable().default(null),
    notes: z.string().trim().max(PHONE_BANK_NOTES_MAX, 'too_long').default(''),
  })
  .strict();
export type CallRecordInput = z.input<typeof callRecordSchema>;

export const callRecordResultSchema = z.object({
  status: z.enum(['stored', 'duplicate']),
  /** The person's state in the queue after the call. */
  target: z.enum(['done', 'due']),
  nextAt: z.string().nullable(),
});
export type CallRecordResult = z.infer<typeof callRecordResultSchema>;

/** The banks a volunteer may call in, for their space. */
export const myPhoneBanksSchema = z.array(
  z.object({
    id: z.number(),
    name: z.string(),
    callingNow: z.boolean(),
    /** Why no one may be called now (the bank paused, outside its hours, the silence). */
    closedReason: closedReasonSchema,
    due: z.number(),
    nextShift: phoneBankShiftSchema.nullable(),
  }),
);
export type MyPhoneBanks = z.infer<typeof myPhoneBanksSchema>;

/** The campaign's phone banks at a glance: leaderboards across every bank. */
export const phoneBanksOverviewSchema = z.object({
  calls: z.number(),
  conversations: z.number(),
  volunteers: z.array(callerTallySchema),
  committees: z.array(callerTallySchema),
  banks: z.array(callerTallySchema),
});
export type PhoneBanksOverview = z.infer<typeof phoneBanksOverviewSchema>;
