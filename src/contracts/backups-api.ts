import { backupStatusSchema } from './backups.ts';
import { defineRoute } from './route.ts';

/** Scheduled backups and restore drills, for administrators. */
export const backupsApi = {
  status: defineRoute({
    method: 'GET',
    path: '/api/admin/backups',
    summary: "The campaign's scheduled backups: schedule, files kept, latest runs and drills",
    tags: ['admin'],
    access: { permission: 'audit.read' },
    response: { 200: backupStatusSchema },
  }),
};
