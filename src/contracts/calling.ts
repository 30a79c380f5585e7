import { z } from 'zod';

const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'invalid_time');

/** Calling windows on the callee's clock: days and hours, public holidays closed or not. */
export const callingWindowsSchema = z
  .object({
    /** ISO weekdays: 1 Monday … 7 Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'required').max(7),
    /** Open windows of the day: ["HH:MM", "HH:MM"] pairs, the end excluded. */
    windows: z
      .array(z.array(clockSchema).length(2))
      .min(1, 'required')
      .max(4)
      .refine((windows) => windows.every(([from, to]) => from! < to!), 'not_after_from'),
    closedOnPublicHolidays: z.boolean(),
  })
  .strict();
export type CallingWindows = z.infer<typeof callingWindowsSchema>;

export const broadcastStatusSchema = z.enum([
  'draft',
  'awaiting_approval',
  'running',
  'paused',
  'completed',
  'canceled',
]);
export type BroadcastStatus = z.infer<typeof broadcastStatusSchema>;

/** What staff set on a broadcast before launching it; every field has a sane default. */
export const broadcastInputSchema = z
  .object({
    name: z.string().trim().min(3).max(120),
    audience: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('segment'), segmentId: z.number().int().positive() }).strict(),
      z.object({ kind: z.literal('list'), listId: z.number().int().positive() }).strict(),
    ]),
    recordingId: z.number().int().positive().nullable(),
    machineRecordingId: z.number().int().positive().nullable().default(null),
    /** Answering machines: leave the message after the beep, or hang up. */
    machineAction: z.enum(['message', 'hang_up']).default('message'),
    windows: callingWindowsSchema,
    startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    endsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    maxConcurrent: z.number().int().min(1).max(5000).default(200),
    callsPerSecond: z.number().int().min(1).max(1000).default(10),
    rampSeconds: z.number().int().min(0).max(3600).default(60),
    maxAttempts: z.number().int().min(1).max(5).default(3),
    retryMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    ringSeconds: z.number().int().min(10).max(60).default(25),
    /** Under this answer rate (percent, over a caller ID's last calls) the number is paused. */
    answerRateFloor: z.number().int().min(0).max(100).default(5),
    /**
     * The carrier's price of a started minute, in cents (two decimals kept): the dashboard's
     * estimated cost. Null: no estimate.
     */
    minutePriceCents: z.number().min(0).max(1000).nullable().default(null),
  })
  .strict();
export type BroadcastInput = z.infer<typeof broadcastInputSchema>;

export const broadcastSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: broadcastStatusSchema,
  audience: z.object({
    kind: z.enum(['segment', 'list']),
    segmentId: z.number().nullable(),
    listId: z.number().nullable(),
    /** Frozen at launch. */
    count: z.number().nullable(),
  }),
  recordingId: z.number().nullable(),
  machineRecordingId: z.number().nullable(),
  machineAction: z.enum(['message', 'hang_up']),
  optOutConfirmedAt: z.string().nullable(),
  optOutConfirmedBy: z.number().nullable(),
  windows: callingWindowsSchema,
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  maxConcurrent: z.number(),
  callsPerSecond: z.number(),
  rampSeconds: z.number(),
  maxAttempts: z.number(),
  retryMinutes: z.number(),
  ringSeconds: z.number(),
  answerRateFloor: z.number(),
  minutePriceCents: z.number().nullable(),
  requestedBy: z.number().nullable(),
  requestedAt: z.string().nullable(),
  approvedBy: z.number().nullable(),
  launchedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  pauseReason: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Broadcast = z.infer<typeof broadcastSchema>;

/** Default windows: the hours of décret 2022-1313 for telephone canvassing. */
export const defaultCallingWindows: CallingWindows = {
  weekdays: [1, 2, 3, 4, 5],
  windows: [
    ['10:00', '13:00'],
    ['14:00', '20:00'],
  ],
  closedOnPublicHolidays: true,
};

const countsSchema = z.object({
  dialled: z.number(),
  answeredHuman: z.number(),
  answeredMachine: z.number(),
  listened: z.number(),
  optOuts: z.number(),
  busy: z.number(),
  noAnswer: z.number(),
  failed: z.number(),
  /** Started minutes of the answered calls. */
  billedMinutes: z.number(),
  /** Those minutes at the broadcast's minute price; null when it has none. */
  costCents: z.number().nullable(),
});
export type CallCounts = z.infer<typeof countsSchema>;

/** A broadcast live: totals, by hour and by département, what is left and when it ends. */
export const broadcastDashboardSchema = z.object({
  broadcast: broadcastSchema,
  totals: countsSchema,
  byHour: z.array(countsSchema.extend({ hour: z.string() })),
  byDepartement: z.array(countsSchema.extend({ departement: z.string() })),
  /** Numbers still to call (due), in a call now, and done. */
  left: z.object({ due: z.number(), inCall: z.number(), done: z.number() }),
  /** Calls dialled over the last minute, per second. */
  currentRate: z.number(),
  /** When the numbers left would be called at the current pace; null when nothing is dialled. */
  estimatedEnd: z.string().nullable(),
  /** The carrier failing to take calls since then (out of reach, silent), and its last error. */
  carrierTrouble: z.object({ since: z.string(), message: z.string() }).nullable(),
});
export type BroadcastDashboard = z.infer<typeof broadcastDashboardSchema>;

/**
 * Who of a saved segment each kind of call would reach now (what a broadcast's launch or a
 * bank's opening would freeze): numbers on the opt-out list left out, one per number.
 */
export const segmentReachSchema = z.object({
  /** The segment's people. */
  people: z.number(),
  /** Numbers of people who agreed to automated calls (with their time slot). */
  automatedCalls: z.number(),
  /** Numbers of people who agreed to calls from the campaign (volunteers' calls). */
  volunteerCalls: z.number(),
});
export type SegmentReach = z.infer<typeof segmentReachSchema>;
