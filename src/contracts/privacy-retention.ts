import { z } from 'zod';

/** The delay after an election's last round before its prospects are purged. */
export const retentionSettingsSchema = z.object({
  prospectDelayDays: z.number().int().min(0).max(366),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

/** One run of the purge of an election's prospects: counts only. */
export const retentionRunSchema = z.object({
  id: z.number().int(),
  electionId: z.number().int(),
  electionName: z.string(),
  /** The election's last round (YYYY-MM-DD). */
  lastRound: z.string(),
  delayDays: z.number().int(),
  people: z.number().int(),
  /** Rows deleted or blanked per table. */
  rows: z.record(z.string(), z.number().int()),
  ranAt: z.string(),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

/** The retention page: the setting, who is kept, what is due, what was purged. */
export const retentionOverviewSchema = z.object({
  settings: retentionSettingsSchema,
  /** What keeps a person met at a door from the purge, as features declare it. */
  keptFor: z.array(z.object({ key: z.string(), reason: z.string() })),
  /** Each election with a last round, and the day its prospects are purged. */
  elections: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      lastRound: z.string(),
      purgeOn: z.string(),
      purged: z.boolean(),
    }),
  ),
  runs: z.array(retentionRunSchema),
});
export type RetentionOverview = z.infer<typeof retentionOverviewSchema>;
