import { z } from 'zod';

/** A scheduled backup file of the campaign, kept in the server's BACKUP_DIR/scheduled. */
export const backupFileSchema = z.object({
  name: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
});

/** A backup, restore or drill of the campaign, from its audit log. */
export const backupRunSchema = z.object({
  at: z.string(),
  action: z
    .string()
    .describe(
      'backup.scheduled, backup.scheduled_failed, backup.drill, backup.drill_failed, campaign.backup, campaign.restore',
    ),
  target: z.string().nullable(),
  details: z.unknown(),
});

export const backupStatusSchema = z.object({
  schedule: z.string().nullable().describe('BACKUP_SCHEDULE (cron), null when off'),
  drillSchedule: z.string().nullable().describe('BACKUP_DRILL_SCHEDULE (cron), null when off'),
  keep: z.number().int(),
  timeZone: z.string(),
  files: z
    .array(backupFileSchema)
    .describe("This server's copies, newest first (another process's disk is not seen)"),
  runs: z.array(backupRunSchema),
});

export type BackupStatus = z.infer<typeof backupStatusSchema>;
